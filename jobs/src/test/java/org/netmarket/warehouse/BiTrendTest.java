package org.netmarket.warehouse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trend views over a backfill of the golden delivery for 2023 and 2024. The delivery's
 * assessments are all for 2024, so in 2023 every assessed item is not_assessed with 0 points and
 * no region can reach more than the 31 points of the computed items (100 - 69 assessed points):
 * that, and the 2024 values of the golden expectations, give the year-over-year rows by hand.
 */
class BiTrendTest {
    static final List<String> REGIONS = List.of("140000", "140800", "140802", "140821");
    static String url;

    @TempDir
    static Path reports;

    @BeforeAll
    static void backfillTwoYears() {
        url = TestingPostgres.server().createDatabase();
        JobRunner.Result r = JobRunner.run(reports, "backfill", "--data", GoldenData.GIVEN.toString(), "--jdbc-url", url,
                "--from", "2023", "--to", "2024", "--wait-for-lock", "0");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
    }

    @Test
    void indicatorTrendComparesEachYearWithTheYearBefore() throws Exception {
        WarehouseRows trend = WarehouseRows.query(url, "bi_trend", "SELECT * FROM netmarket.bi_trend", "region_code",
                "eval_year", "indicator_code");
        WarehouseRows published2023 = WarehouseRows.query(url, "indicator_score",
                "SELECT * FROM netmarket.indicator_score WHERE eval_year = 2023", "region_code", "indicator_code");
        int perYear = published2023.size();
        assertEquals(2 * perYear, trend.size(), "one row per region, year and code");
        for (var e : trend.all().entrySet()) {
            Map<String, Object> row = e.getValue();
            String key = e.getKey();
            if (((Number) row.get("eval_year")).intValue() == 2023) {
                // 2022 was not published
                trend.assertValue(key, "previous_points", null);
                trend.assertValue(key, "points_change", null);
            } else {
                Map<String, Object> before = published2023.row(row.get("region_code") + "|" + row.get("indicator_code"));
                trend.assertValue(key, "previous_points", before.get("points"));
                trend.assertValue(key, "previous_status", before.get("status"));
                trend.assertValue(key, "points_change",
                        ((BigDecimal) row.get("points")).subtract((BigDecimal) before.get("points")));
            }
        }
        // assessed items: nothing assessed for 2023, the 2024 assessments of expect/assessed-items.md
        trend.assertValue("140802|2024|12.1", "points", 1);
        trend.assertValue("140802|2024|12.1", "previous_points", 0);
        trend.assertValue("140802|2024|12.1", "previous_status", "not_assessed");
        trend.assertValue("140802|2024|12.1", "points_change", 1);
        trend.assertValue("140802|2024|10", "points", 2);
        trend.assertValue("140802|2024|10", "points_change", 2);
        trend.assertValue("140802|2024|10", "name_zh", "有特色网络市场产业");
        trend.assertValue("140802|2024|10", "category_path", "促进发展 > 发展质量");
        trend.assertValue("140821|2024|28", "status", "scored");
        trend.assertValue("140821|2024|28", "previous_status", "not_assessed");
        trend.assertValue("140821|2024|28", "points_change", 0);
        trend.assertValue("140000|2024|12.1", "status", "not_assessed");
        trend.assertValue("140000|2024|12.1", "points_change", 0);
        trend.assertValue("140802|2024|12.1", "previous_edition", "2022");
    }

    @Test
    void totalTrendShowsTheChangeOfTotalAndPass() throws Exception {
        WarehouseRows totals = WarehouseRows.query(url, "bi_total_trend", "SELECT * FROM netmarket.bi_total_trend",
                "region_code", "eval_year");
        assertEquals(2 * REGIONS.size(), totals.size());
        Map<String, Integer> total2024 = Map.of("140802", 86, "140800", 86, "140821", 70, "140000", 17);
        for (String region : REGIONS) {
            String y2023 = region + "|2023";
            String y2024 = region + "|2024";
            totals.assertValue(y2023, "passed", false);
            totals.assertValue(y2023, "previous_total_points", null);
            totals.assertValue(y2023, "pass_change", null);
            BigDecimal before = (BigDecimal) totals.row(y2023).get("total_points");
            assertTrue(before.compareTo(new BigDecimal("31")) <= 0, region + " 2023 total " + before + " <= 31");
            totals.assertValue(y2024, "total_points", total2024.get(region));
            totals.assertValue(y2024, "previous_total_points", before);
            totals.assertValue(y2024, "total_change", new BigDecimal(total2024.get(region)).subtract(before));
            totals.assertValue(y2024, "previous_passed", false);
            totals.assertValue(y2024, "pass_change", region.equals("140802") ? "gained" : "unchanged");
        }
        totals.assertValue("140802|2024", "region_name", "盐湖区");
        totals.assertValue("140821|2024", "items_needing_attention", 14);
    }

    @Test
    void passStatusMarksTheLatestYearOfEachRegion() throws Exception {
        WarehouseRows pass = WarehouseRows.query(url, "bi_pass_status", "SELECT * FROM netmarket.bi_pass_status",
                "region_code", "eval_year");
        assertEquals(2 * REGIONS.size(), pass.size());
        for (String region : REGIONS) {
            pass.assertValue(region + "|2024", "is_latest_year", true);
            pass.assertValue(region + "|2023", "is_latest_year", false);
            pass.assertValue(region + "|2023", "run_mode", "backfill");
            pass.assertValue(region + "|2023", "as_of", "2023-12-31");
        }
    }
}
