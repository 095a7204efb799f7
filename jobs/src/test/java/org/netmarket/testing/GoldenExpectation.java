package org.netmarket.testing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-derived 2024 expectation of the golden delivery ({@code golden/mini-yuncheng/expect})
 * checked row by row against a warehouse: every test that publishes the golden facts, in clean
 * or hostile formatting, compares with the same files in the same way.
 */
public final class GoldenExpectation {
    private static final Path EXPECT = GoldenData.ROOT.resolve("expect");

    private GoldenExpectation() {
    }

    /** A CSV file with a header row, as records. */
    public static List<CSVRecord> csv(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    /**
     * Every computed item of {@code computed-items.csv}: points, status and the value, comparison
     * value, numerator and denominator it gives. Returns the expectation's rows, for a test to
     * check how much it covers.
     */
    public static List<CSVRecord> assertComputedItems(String jdbcUrl) throws IOException, SQLException {
        return assertComputedItems(jdbcUrl, GoldenData.REGIONS);
    }

    /** {@link #assertComputedItems(String)} for some of the golden regions; returns their expectation's rows. */
    public static List<CSVRecord> assertComputedItems(String jdbcUrl, List<String> regions) throws IOException, SQLException {
        WarehouseRows published = WarehouseRows.query(jdbcUrl, "indicator_score",
                "SELECT * FROM netmarket.indicator_score WHERE eval_year = 2024", "region_code", "indicator_code");
        List<CSVRecord> expected = computedItems(regions);
        for (CSVRecord e : expected) {
            String key = e.get("region_code") + "|" + e.get("code");
            published.assertValue(key, "points", new BigDecimal(e.get("points")));
            published.assertValue(key, "status", e.get("status"));
            // A blank cell expects no value (an assessed item, a status without a figure).
            for (String column : List.of("value", "comparison_value", "numerator", "denominator")) {
                published.assertValue(key, column, e.get(column).isEmpty() ? null : new BigDecimal(e.get(column)));
            }
        }
        return expected;
    }

    /** The rows of {@code computed-items.csv} of some of the golden regions. */
    public static List<CSVRecord> computedItems(List<String> regions) throws IOException {
        return csv(EXPECT.resolve("computed-items.csv")).stream().filter(e -> regions.contains(e.get("region_code"))).toList();
    }

    /**
     * The 2024 points of an assessed item as {@code assessed-items.md} gives them: the item's
     * maximum except 盐湖区 34 = 1 and 10 = 2 (the later of its two versions) and 临猗县 28 = 0;
     * null when the item is not assessed (临猗县 11.3 and 16, and every item of the province).
     */
    public static BigDecimal assessedPoints(String region, Item item) {
        String key = region + "|" + item.code();
        if (region.equals("140000") || key.equals("140821|11.3") || key.equals("140821|16")) {
            return null;
        }
        return switch (key) {
            case "140802|34" -> BigDecimal.ONE;
            case "140802|10" -> new BigDecimal("2");
            case "140821|28" -> BigDecimal.ZERO;
            default -> item.maxPoints();
        };
    }

    /**
     * The hand-derived 2024 points of every item and indicator of every region, keyed
     * {@code region|code}: computed items from {@code computed-items.csv}, assessed items from
     * {@link #assessedPoints} (0 when not assessed), an indicator with sub-items the sum of them.
     */
    public static Map<String, BigDecimal> points2024(Edition edition) throws IOException {
        Map<String, BigDecimal> computed = new HashMap<>();
        for (CSVRecord e : csv(EXPECT.resolve("computed-items.csv"))) {
            computed.put(e.get("region_code") + "|" + e.get("code"), new BigDecimal(e.get("points")));
        }
        Map<String, BigDecimal> out = new HashMap<>();
        for (String region : GoldenData.REGIONS) {
            for (Item item : edition.items()) {
                String key = region + "|" + item.code();
                BigDecimal points = item.isComputed() ? computed.get(key) : assessedPoints(region, item);
                if (item.isComputed() && points == null) {
                    throw new IllegalStateException("computed-items.csv has no row " + key);
                }
                points = points == null ? BigDecimal.ZERO : points;
                out.put(key, points);
                if (!item.isWholeIndicator()) {
                    out.merge(region + "|" + item.indicatorCode(), points, BigDecimal::add);
                }
            }
        }
        return out;
    }

    /** Exactly the categories of {@code categories.csv}, with their points and the 75% rule. */
    public static void assertCategories(String jdbcUrl) throws IOException, SQLException {
        assertCategories(jdbcUrl, GoldenData.REGIONS);
    }

    /** {@link #assertCategories(String)} for some of the golden regions (every region has its 15 rows). */
    public static void assertCategories(String jdbcUrl, List<String> regions) throws IOException, SQLException {
        WarehouseRows published = WarehouseRows.query(jdbcUrl, "category_score",
                "SELECT * FROM netmarket.category_score WHERE eval_year = 2024", "region_code", "category_code");
        List<CSVRecord> expected = csv(EXPECT.resolve("categories.csv"));
        assertEquals(expected.size(), published.size(), "15 categories per region");
        for (CSVRecord e : expected.stream().filter(e -> regions.contains(e.get("region_code"))).toList()) {
            String key = e.get("region_code") + "|" + e.get("category_code");
            published.assertValue(key, "points", new BigDecimal(e.get("points")));
            String meets = e.get("meets_share");
            published.assertValue(key, "meets_share", meets.isEmpty() ? null : Boolean.valueOf(meets));
        }
    }

    /**
     * Exactly the regions of {@code evaluation.csv} (the broken rows of a regions.csv are not
     * scored), with total, pass, items needing attention and failing categories. Returns the
     * published rows, for a test to check more columns.
     */
    public static WarehouseRows assertEvaluations(String jdbcUrl) throws IOException, SQLException {
        return assertEvaluations(jdbcUrl, GoldenData.REGIONS);
    }

    /** {@link #assertEvaluations(String)} for some of the golden regions (every region of the expectation is published). */
    public static WarehouseRows assertEvaluations(String jdbcUrl, List<String> regions) throws IOException, SQLException {
        WarehouseRows published = WarehouseRows.query(jdbcUrl, "evaluation_result",
                "SELECT * FROM netmarket.evaluation_result WHERE eval_year = 2024", "region_code");
        List<CSVRecord> expected = csv(EXPECT.resolve("evaluation.csv"));
        assertEquals(expected.size(), published.size(), "the regions of the expectation, and no others");
        for (CSVRecord e : expected.stream().filter(e -> regions.contains(e.get("region_code"))).toList()) {
            String key = e.get("region_code");
            published.assertValue(key, "total_points", new BigDecimal(e.get("total_points")));
            published.assertValue(key, "passed", Boolean.valueOf(e.get("passed")));
            published.assertValue(key, "items_needing_attention", Integer.valueOf(e.get("items_needing_attention")));
            List<String> failing = e.get("failing_categories").isEmpty() ? List.of()
                    : Arrays.asList(e.get("failing_categories").split(" "));
            published.assertValue(key, "failing_categories", failing);
        }
        return published;
    }
}
