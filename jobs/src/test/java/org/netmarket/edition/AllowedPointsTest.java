package org.netmarket.edition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AllowedPointsTest {
    private static final AllowedPoints HALVES = AllowedPoints.step(new BigDecimal("0.5"));
    private static final AllowedPoints WHOLE = AllowedPoints.step(BigDecimal.ONE);
    private static final AllowedPoints ZERO_OR_THREE = AllowedPoints.values(List.of(BigDecimal.ZERO, new BigDecimal("3")));

    @ParameterizedTest(name = "{0} of max {1}: {2}")
    @CsvSource({"0, 2, true", "0.5, 2, true", "1.5, 2, true", "2, 2, true", "2.0, 2, true",
            "2.5, 2, false", "0.25, 2, false", "-0.5, 2, false", "1, 1, true", "1.5, 1, false"})
    void multiplesOfHalfWithinTheMaximum(String points, String max, boolean allowed) {
        assertEquals(allowed, HALVES.allows(new BigDecimal(points), new BigDecimal(max)), points + " of " + max);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"0, true", "1, true", "2, true", "1.5, false", "0.5, false", "3, false"})
    void wholeNumbersUpToTwo(String points, boolean allowed) {
        assertEquals(allowed, WHOLE.allows(new BigDecimal(points), new BigDecimal("2")), "item 34: " + points);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"0, true", "3, true", "3.0, true", "0.5, false", "1, false", "2.5, false", "3.5, false"})
    void zeroOrThreeOnly(String points, boolean allowed) {
        assertEquals(allowed, ZERO_OR_THREE.allows(new BigDecimal(points), new BigDecimal("3")), "item 28: " + points);
    }

    @ParameterizedTest(name = "{0} of the lists 0/1 and 0/2")
    @CsvSource({"0, true, true", "1, true, false", "2, false, true", "0.5, false, false", "1.5, false, false",
            "2.5, false, false", "3, false, false"})
    void zeroOrTheTopValueOnly(String points, boolean zeroOrOne, boolean zeroOrTwo) {
        AllowedPoints provincialMedia = AllowedPoints.values(List.of(BigDecimal.ZERO, BigDecimal.ONE));
        AllowedPoints nationalMedia = AllowedPoints.values(List.of(BigDecimal.ZERO, new BigDecimal("2")));
        assertEquals(zeroOrOne, provincialMedia.allows(new BigDecimal(points), BigDecimal.ONE), "item 33.2: " + points);
        assertEquals(zeroOrTwo, nationalMedia.allows(new BigDecimal(points), new BigDecimal("2")), "item 33.1: " + points);
    }

    @Test
    void describesTheRuleForQuarantineMessages() {
        assertEquals("a multiple of 0.5 from 0 to 1", HALVES.describe(BigDecimal.ONE));
        assertEquals("a whole number from 0 to 2", WHOLE.describe(new BigDecimal("2")));
        assertEquals("one of 0, 3", ZERO_OR_THREE.describe(new BigDecimal("3")));
    }

    @Test
    void needsExactlyOneOfStepOrValues() {
        assertThrows(IllegalArgumentException.class, () -> new AllowedPoints(null, null));
        assertThrows(IllegalArgumentException.class, () -> new AllowedPoints(BigDecimal.ONE, List.of(BigDecimal.ONE)));
        assertThrows(IllegalArgumentException.class, () -> AllowedPoints.step(BigDecimal.ZERO));
    }
}
