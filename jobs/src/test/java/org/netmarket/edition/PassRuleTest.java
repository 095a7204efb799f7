package org.netmarket.edition;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 2022: 总分≧85分，且每个一级指标得分率≧75%; the revised edition: >= 80%. */
class PassRuleTest {
    private static final PassRule Y2022 = new PassRule(new BigDecimal("85"), new BigDecimal("0.75"), null);
    private static final PassRule REVISED = new PassRule(new BigDecimal("85"), new BigDecimal("0.80"), null);

    @ParameterizedTest(name = "total {0}: {1}")
    // At 85, just below (84.5, the next total in half points; 84.99 exactly), just above (85.5, 85.01).
    @CsvSource({"85, true", "85.0, true", "84.5, false", "84.99, false", "85.5, true", "85.01, true", "100, true", "0, false"})
    void totalAtLeast85(String total, boolean passes) {
        assertEquals(passes, Y2022.totalPasses(new BigDecimal(total)), "total " + total);
    }

    @ParameterizedTest(name = "{0} of {1}: 2022 {2}, revised {3}")
    @CsvSource({
            "15, 20, true, false",     // exactly 75%
            "14.8, 20, false, false",  // 74%
            "14.99, 20, false, false",
            "14.5, 20, false, false",
            "16, 20, true, true",      // exactly 80%
            "16.01, 20, true, true",   // 80.05%: just above
            "15.99, 20, true, false",  // 79.95%: just below
            "15.5, 20, true, false",   // 77.5%
            "18.75, 25, true, false",  // exactly 75% of 25
            "18.5, 25, false, false",
            "19, 25, true, false",     // 76%
            "20, 25, true, true",      // exactly 80% of 25
            "20.5, 25, true, true",    // 82% of 25, the next half point above
            "11.25, 15, true, false",  // exactly 75% of 15
            "11, 15, false, false",
            "12, 15, true, true",      // exactly 80% of 15
            "12.5, 15, true, true",    // 83.3…% of 15, the next half point above
            "11.5, 15, true, false"})  // 76.6…% of 15, the next half point below
    void everyFirstLevelCategoryReachesTheShare(String points, String max, boolean passes2022, boolean passesRevised) {
        assertEquals(passes2022, Y2022.categoryPasses(new BigDecimal(points), new BigDecimal(max)), points + " of " + max + " (75%)");
        assertEquals(passesRevised, REVISED.categoryPasses(new BigDecimal(points), new BigDecimal(max)), points + " of " + max + " (80%)");
    }
}
