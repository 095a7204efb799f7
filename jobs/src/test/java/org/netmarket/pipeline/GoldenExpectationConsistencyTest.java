package org.netmarket.pipeline;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.netmarket.edition.Category;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Indicator;
import org.netmarket.edition.Item;
import org.netmarket.edition.TestEditions;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.GoldenExpectation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The golden expectation's category and evaluation rows ({@code categories.csv},
 * {@code evaluation.csv}) are written by hand; this checks that they follow from its item rows
 * ({@code computed-items.csv}, {@code assessed-items.md}) by the indicator system's arithmetic,
 * done here apart from the job's own roll-up: sums over the edition's tree, the 75% share and
 * the 85-point line. A slip in the hand-written totals fails here, not as a puzzling mismatch
 * with the job's output.
 */
class GoldenExpectationConsistencyTest {
    private final Edition edition = TestEditions.edition2022();

    @Test
    void categoryRowsAreTheSumsOfTheirIndicatorsAndMeetTheShareAsTheirPointsSay() throws Exception {
        Map<String, BigDecimal> points = GoldenExpectation.points2024(edition);
        List<CSVRecord> rows = GoldenExpectation.csv(GoldenData.ROOT.resolve("expect/categories.csv"));
        assertEquals(GoldenData.REGIONS.size() * edition.categories().size(), rows.size(), "one row per region and category");
        for (CSVRecord row : rows) {
            String region = row.get("region_code");
            Category category = edition.category(row.get("category_code"));
            String where = "categories.csv line " + row.getRecordNumber() + " (" + region + " " + category.code() + ")";
            BigDecimal sum = categoryPoints(points, region, category);
            assertEquals(0, sum.compareTo(new BigDecimal(row.get("points"))), where + ": its indicators sum to " + sum);
            String meets = category.isFirstLevel() ? String.valueOf(meetsShare(sum, category.maxPoints())) : "";
            assertEquals(meets, row.get("meets_share"), where + ": meets_share (empty for a second-level category)");
        }
    }

    @Test
    void evaluationRowsAreTheTotalsTheFailingCategoriesAndTheItemsNeedingAttention() throws Exception {
        Map<String, BigDecimal> points = GoldenExpectation.points2024(edition);
        Map<String, String> computedStatus = new HashMap<>();
        for (CSVRecord e : GoldenExpectation.csv(GoldenData.ROOT.resolve("expect/computed-items.csv"))) {
            computedStatus.put(e.get("region_code") + "|" + e.get("code"), e.get("status"));
        }
        List<CSVRecord> rows = GoldenExpectation.csv(GoldenData.ROOT.resolve("expect/evaluation.csv"));
        assertEquals(GoldenData.REGIONS.size(), rows.size(), "one row per region");
        for (CSVRecord row : rows) {
            String region = row.get("region_code");
            String where = "evaluation.csv " + region;
            BigDecimal total = BigDecimal.ZERO;
            List<String> failing = new ArrayList<>();
            for (Category first : edition.firstLevelCategories()) {
                BigDecimal p = categoryPoints(points, region, first);
                total = total.add(p);
                if (!meetsShare(p, first.maxPoints())) {
                    failing.add(first.code());
                }
            }
            assertEquals(0, total.compareTo(new BigDecimal(row.get("total_points"))), where + ": categories sum to " + total);
            assertEquals(String.join(" ", failing), row.get("failing_categories"), where + ": failing categories");
            boolean passed = total.compareTo(new BigDecimal("85")) >= 0 && failing.isEmpty();
            assertEquals(passed, Boolean.parseBoolean(row.get("passed")), where + ": passed");
            long attention = edition.items().stream().filter(item -> !scored(computedStatus, region, item)).count();
            assertEquals(attention, Long.parseLong(row.get("items_needing_attention")), where + ": items needing attention");
        }
    }

    /** An item is scored unless its computed status says otherwise or it was not assessed. */
    private static boolean scored(Map<String, String> computedStatus, String region, Item item) {
        return item.isComputed() ? "scored".equals(computedStatus.get(region + "|" + item.code()))
                : GoldenExpectation.assessedPoints(region, item) != null;
    }

    private BigDecimal categoryPoints(Map<String, BigDecimal> points, String region, Category category) {
        List<Category> seconds = category.isFirstLevel() ? edition.childrenOf(category.code()) : List.of(category);
        BigDecimal sum = BigDecimal.ZERO;
        for (Category second : seconds) {
            for (Indicator indicator : edition.indicatorsOf(second.code())) {
                sum = sum.add(points.get(region + "|" + indicator.code()));
            }
        }
        return sum;
    }

    /** 75% of the maximum, exactly: 4 x points >= 3 x max. */
    private static boolean meetsShare(BigDecimal points, BigDecimal max) {
        return points.multiply(BigDecimal.valueOf(4)).compareTo(max.multiply(BigDecimal.valueOf(3))) >= 0;
    }
}
