package org.netmarket.warehouse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.edition.TestEditions;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.GoldenExpectation;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The trend views over a backfill of the golden delivery for 2023 and 2024. The 2024 points are
 * the golden expectation's ({@link GoldenExpectation#points2024}); the 2023 points are derived by
 * hand below from the same delivery, which was designed for 2024: for 2023 most items lack an
 * input and score 0, and the delivery's assessments are all for 2024, so every assessed item is
 * not_assessed with 0 points.
 */
class BiTrendTest {
    static String url;

    @TempDir
    static Path reports;

    /**
     * The 2023 points by hand (Y = 2023, as-of 2023-12-31), region|code -> points; every code not
     * listed has 0. Items 1, 2, 5 and 6 need a 2022 growth or share, i.e. 2021 months or a 2022
     * national figure, none delivered (missing_data); 8 and 11.1 have no row on or before 2023
     * (missing_data); 19.x and 38.2 have no record of 2023, 17.1 no report clue of 2023
     * (no_records); 25.2, 25.3 and 26.1 need 2023 national rates, not delivered. What scores:
     * <ul>
     *   <li>3: active operators at 2023-12-31 / market entities: 盐湖区 155 / 900 = 17.2% >= 15%: 2
     *       (operators.csv's 140802 rows registered by 2023-12-31 and not deregistered by then:
     *       4 of 2015, 70 of 2019, 5 of 2020 and 1 of 2021 deregistered in 2024, 1 of 2022, 74 of
     *       2023); 临猗县, and so the city and the province, have no entities row on or before
     *       2023-12-31: missing_data;</li>
     *   <li>4: new above 100,000,000 in 2022 or 2023: 91140802MA0000315M (110M in 2022, no 2021
     *       row) and 91140802MA0000313F (90M -> 100M in 2023): 2 operators, 2 points for 盐湖区,
     *       the city and the province; 临猗县's only one has 99,999,999.99 in 2023: 0;</li>
     *   <li>7: employment 2023: 临猗县 40 / 1000 = 4%, band [3%, 5%): 1; 盐湖区 has no 2023 row, so
     *       the city (whose own row is 2024's) and the province: missing_data;</li>
     *   <li>9: active at 2023-12-31 registered on or before 2021-12-31: 盐湖区 80 / 155 = 51.6%
     *       >= 50%: 2 (4 + 70 + 5 + 1); 临猗县 48 / 159 = 30.2%: 1 (1 of 2015 + 47 of 2018, of 159
     *       with the 111 of 2023); city and province 128 / 314 = 40.8%: 1;</li>
     *   <li>11.2: 盐湖区's A-IC-OLD of 2023 never completed: 0 of 1, 0 points, and so for the city
     *       and the province;</li>
     *   <li>17.2: 临猗县's B-R-OLD of 2023 never verified: 0 of 1, 0 points;</li>
     *   <li>18: 盐湖区's A-RC-OLD of 2023, revoked with a procedural violation: 18.1 upheld 0 of 1
     *       and 18.2 one loss, 0 each, and so for the city and province; 临猗县 has a review row
     *       (of 2024) but none decided in 2023: 18.1 no_records (nothing in the rate's cohort) and
     *       18.2 no loss, 1 (README "No rows at all vs none in the year");</li>
     *   <li>25.1: 临猗县's B-C-OLD of 2023, reviewed and closed before their due times: 1 of 1
     *       on both, 1 point, for the county, the city and the province; 盐湖区 has none in 2023.</li>
     * </ul>
     */
    static final Map<String, BigDecimal> POINTS_2023 = Map.ofEntries(
            entry("140802|3", new BigDecimal("2")), entry("140802|4", new BigDecimal("2")),
            entry("140802|9", new BigDecimal("2")),
            entry("140821|7", BigDecimal.ONE), entry("140821|9", BigDecimal.ONE),
            entry("140821|18.2", BigDecimal.ONE), entry("140821|18", BigDecimal.ONE),
            entry("140821|25.1", BigDecimal.ONE), entry("140821|25", BigDecimal.ONE),
            entry("140800|4", new BigDecimal("2")), entry("140800|9", BigDecimal.ONE),
            entry("140800|25.1", BigDecimal.ONE), entry("140800|25", BigDecimal.ONE),
            entry("140000|4", new BigDecimal("2")), entry("140000|9", BigDecimal.ONE),
            entry("140000|25.1", BigDecimal.ONE), entry("140000|25", BigDecimal.ONE));

    /**
     * 2023 totals: the sums of {@link #POINTS_2023}'s indicators: 盐湖区 2 + 2 + 2 = 6; 临猗县
     * 1 + 1 + 1 + 1 = 4; the city and the province 2 + 1 + 1 = 4.
     */
    static final Map<String, Integer> TOTAL_2023 = Map.of("140802", 6, "140821", 4, "140800", 4, "140000", 4);

    /** 2024 totals: expect/evaluation.csv. */
    static final Map<String, Integer> TOTAL_2024 = Map.of("140802", 86, "140821", 70, "140800", 86, "140000", 17);

    @BeforeAll
    static void backfillTwoYears() {
        url = TestingPostgres.server().createDatabase();
        JobRunner.Result r = JobRunner.run(reports, "backfill", "--data", GoldenData.GIVEN.toString(), "--jdbc-url", url,
                "--from", "2023", "--to", "2024", "--wait-for-lock", "0");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
    }

    private static BigDecimal points2023(String regionAndCode) {
        return POINTS_2023.getOrDefault(regionAndCode, BigDecimal.ZERO);
    }

    @Test
    void indicatorTrendComparesEachYearWithTheYearBefore() throws Exception {
        Map<String, BigDecimal> points2024 = GoldenExpectation.points2024(TestEditions.edition2022());
        WarehouseRows trend = WarehouseRows.query(url, "bi_trend", "SELECT * FROM netmarket.bi_trend", "region_code",
                "eval_year", "indicator_code");
        WarehouseRows published2023 = WarehouseRows.query(url, "indicator_score",
                "SELECT * FROM netmarket.indicator_score WHERE eval_year = 2023", "region_code", "indicator_code");
        // one row per region, year and code: every item and indicator code of the 2024 expectation
        assertEquals(points2024.size(), published2023.size(), "codes of 2023");
        assertEquals(2 * points2024.size(), trend.size(), "one row per region, year and code");
        for (var e : points2024.entrySet()) {
            String region = e.getKey().substring(0, e.getKey().indexOf('|'));
            String code = e.getKey().substring(e.getKey().indexOf('|') + 1);
            String y2023 = region + "|2023|" + code;
            String y2024 = region + "|2024|" + code;
            BigDecimal before = points2023(e.getKey());
            trend.assertValue(y2023, "points", before);
            // 2022 was not published
            trend.assertValue(y2023, "previous_points", null);
            trend.assertValue(y2023, "points_change", null);
            trend.assertValue(y2024, "points", e.getValue());
            trend.assertValue(y2024, "previous_points", before);
            trend.assertValue(y2024, "points_change", e.getValue().subtract(before));
            // the view's join: the status published for 2023
            trend.assertValue(y2024, "previous_status", published2023.row(region + "|" + code).get("status"));
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
        // computed items across the years: 临猗县 item 7 scored 1 in 2023 (40/1000) and is
        // missing_data in 2024 (no row): -1; 盐湖区 item 9 2 in both years: 0.
        trend.assertValue("140821|2024|7", "previous_status", "scored");
        trend.assertValue("140821|2024|7", "status", "missing_data");
        trend.assertValue("140821|2024|7", "points_change", -1);
        trend.assertValue("140802|2024|9", "points_change", 0);
        trend.assertValue("140802|2024|9", "as_of", "2024-12-31");
        trend.assertValue("140802|2024|9", "previous_as_of", "2023-12-31");
        trend.assertValue("140802|2024|9", "parent_region_name", "运城市");
        trend.assertValue("140821|2024|7", "status_zh", "缺少数据");
        // 临猗县 decided no review in 2023: 18.1 had nothing to count then
        trend.assertValue("140821|2024|18.1", "previous_status", "no_records");
    }

    @Test
    void totalTrendShowsTheChangeOfTotalAndPass() throws Exception {
        WarehouseRows totals = WarehouseRows.query(url, "bi_total_trend", "SELECT * FROM netmarket.bi_total_trend",
                "region_code", "eval_year");
        assertEquals(2 * GoldenData.REGIONS.size(), totals.size());
        for (String region : GoldenData.REGIONS) {
            String y2023 = region + "|2023";
            String y2024 = region + "|2024";
            totals.assertValue(y2023, "total_points", TOTAL_2023.get(region));
            totals.assertValue(y2023, "passed", false);
            totals.assertValue(y2023, "previous_total_points", null);
            totals.assertValue(y2023, "total_change", null);
            totals.assertValue(y2023, "pass_change", null);
            totals.assertValue(y2024, "total_points", TOTAL_2024.get(region));
            totals.assertValue(y2024, "previous_total_points", TOTAL_2023.get(region));
            totals.assertValue(y2024, "total_change", TOTAL_2024.get(region) - TOTAL_2023.get(region));
            totals.assertValue(y2024, "previous_passed", false);
            totals.assertValue(y2024, "pass_change", region.equals("140802") ? "gained" : "unchanged");
            // Both years as of their December 31: the change is over a whole year.
            totals.assertValue(y2024, "as_of", "2024-12-31");
            totals.assertValue(y2024, "previous_as_of", "2023-12-31");
            totals.assertValue(y2023, "previous_as_of", null);
            totals.assertValue(y2024, "result_zh", region.equals("140802") ? "通过" : "未通过");
        }
        totals.assertValue("140802|2024", "region_name", "盐湖区");
        totals.assertValue("140821|2024", "items_needing_attention", 14);
    }

    @Test
    void passStatusMarksTheLatestYearOfEachRegion() throws Exception {
        WarehouseRows pass = WarehouseRows.query(url, "bi_pass_status", "SELECT * FROM netmarket.bi_pass_status",
                "region_code", "eval_year");
        assertEquals(2 * GoldenData.REGIONS.size(), pass.size());
        for (String region : GoldenData.REGIONS) {
            pass.assertValue(region + "|2024", "is_latest_year", true);
            pass.assertValue(region + "|2023", "is_latest_year", false);
            pass.assertValue(region + "|2023", "run_mode", "backfill");
            pass.assertValue(region + "|2023", "as_of", "2023-12-31");
        }
    }
}
