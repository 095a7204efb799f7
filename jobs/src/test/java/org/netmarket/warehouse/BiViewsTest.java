package org.netmarket.warehouse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionLoader;
import org.netmarket.items.ItemRegistry;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BI views over the golden mini-Yuncheng run (2024), published once into a real PostgreSQL.
 * Expected rows come from the golden set's design (its README and {@code expect/} files) and the
 * 2022 edition, not from the views' output.
 */
class BiViewsTest {
    static final List<String> REGIONS = List.of("140000", "140800", "140802", "140821");

    static String url;
    static Edition edition;

    @TempDir
    static Path reports;

    @BeforeAll
    static void publishGoldenRun() {
        edition = new EditionLoader(ItemRegistry.COMPUTATIONS).load("2022");
        url = TestingPostgres.server().createDatabase();
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                "--jdbc-url", url, "--wait-for-lock", "0");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
    }

    private static WarehouseRows scorecard() throws Exception {
        return WarehouseRows.query(url, "bi_scorecard", "SELECT * FROM netmarket.bi_scorecard WHERE eval_year = 2024",
                "region_code", "indicator_code");
    }

    /** Sub-items of the edition (11.1, 11.2, ...): indicators without sub-items are one row each. */
    private static long subItems() {
        return edition.items().stream().filter(i -> !i.isWholeIndicator()).count();
    }

    @Test
    void scorecardHasEveryIndicatorAndSubItemOfEveryRegionWithNamesAndCategoryPath() throws Exception {
        WarehouseRows card = scorecard();
        assertEquals(REGIONS.size() * (41 + subItems()), card.size(), "4 regions x (41 indicators + sub-items)");
        for (var e : card.all().entrySet()) {
            Map<String, Object> row = e.getValue();
            for (String column : List.of("region_name", "name_zh", "name_en", "category_path", "first_level_code",
                    "second_level_code", "status_zh", "sort_order")) {
                assertNotNull(row.get(column), "bi_scorecard row " + e.getKey() + " column " + column);
            }
            card.assertValue(e.getKey(), "edition", "2022");
        }
        // Item 11.1 of 盐湖区: platform users exactly 50% of staff, not more -> 0 (README, expect/computed-items.csv)
        String k = "140802|11.1";
        card.assertValue(k, "region_name", "盐湖区");
        card.assertValue(k, "region_level", "county");
        card.assertValue(k, "parent_region_code", "140800");
        card.assertValue(k, "parent_region_name", "运城市");
        card.assertValue(k, "category_path", "规范监管 > 完善监管");
        card.assertValue(k, "category_path_en", "Regulating the market > Better supervision");
        card.assertValue(k, "first_level_code", "regulation");
        card.assertValue(k, "first_level_name_zh", "规范监管");
        card.assertValue(k, "second_level_code", "regulation.supervision");
        card.assertValue(k, "second_level_name_zh", "完善监管");
        card.assertValue(k, "name_zh", "国家网络交易监管平台用户数超过在编监管人员数50%");
        card.assertValue(k, "name_en", "Platform users above 50% of staffed supervisors");
        card.assertValue(k, "level", "item");
        card.assertValue(k, "parent_indicator_code", "11");
        card.assertValue(k, "indicator_group_code", "11");
        card.assertValue(k, "is_item", true);
        card.assertValue(k, "kind", "computed");
        card.assertValue(k, "points", 0);
        card.assertValue(k, "max_points", 1);
        card.assertValue(k, "score_rate", 0);
        card.assertValue(k, "status", "scored");
        card.assertValue(k, "status_zh", "已评分");
        card.assertValue(k, "value", new BigDecimal("0.5"));
        card.assertValue(k, "comparison_value", new BigDecimal("0.5"));
        card.assertValue(k, "reason", null);
        card.assertValue(k, "reason_zh", null);
        // Indicator 11 adds up its sub-items (0 + 1 + 1): not itself an item
        card.assertValue("140802|11", "level", "indicator");
        card.assertValue("140802|11", "is_item", false);
        card.assertValue("140802|11", "kind", null);
        card.assertValue("140802|11", "parent_indicator_code", null);
        card.assertValue("140802|11", "indicator_group_code", "11");
        card.assertValue("140802|11", "points", 2);
        card.assertValue("140802|11", "score_rate", new BigDecimal("0.6667"));
        card.assertValue("140802|11", "name_zh", "强化智慧监管");
        // Indicator 3 has no sub-items: one row that is the item; 150 of 1000 operators = 15%, top band
        card.assertValue("140802|3", "level", "indicator");
        card.assertValue("140802|3", "is_item", true);
        card.assertValue("140802|3", "category_path", "促进发展 > 发展规模");
        card.assertValue("140802|3", "name_zh", "网络交易经营者数量占市场主体比重");
        card.assertValue("140802|3", "points", 2);
        card.assertValue("140802|3", "value", new BigDecimal("0.15"));
        // 临猗县 lacks 2024-12 retail; 11.3 has no assessment row
        card.assertValue("140821|1", "status", "missing_data");
        card.assertValue("140821|1", "status_zh", "缺少数据");
        assertNotNull(card.row("140821|1").get("reason"), "a missing_data item says why");
        String whyZh = String.valueOf(card.row("140821|1").get("reason_zh"));
        assertTrue(whyZh.contains("零售额数据（retail）中地区 140821 2024 年只有 11 个月的数据（缺 2024-12）"), "in Chinese too: " + whyZh);
        card.assertValue("140821|11.3", "status_zh", "未评估");
        card.assertValue("140821|11.3", "kind", "assessed");
        card.assertValue("140821|11.1", "status_zh", "数据错误");
        card.assertValue("140821|19.1", "status_zh", "无记录");
        // the region tree
        card.assertValue("140000|3", "region_name", "山西省");
        card.assertValue("140000|3", "parent_region_code", null);
        card.assertValue("140800|3", "parent_region_name", "山西省");
        // the official order: an indicator, then its sub-items, then the next indicator
        int[] order = {sortOrder(card, "140802|11"), sortOrder(card, "140802|11.1"), sortOrder(card, "140802|11.2"),
                sortOrder(card, "140802|11.3"), sortOrder(card, "140802|12")};
        for (int i = 1; i < order.length; i++) {
            assertTrue(order[i - 1] < order[i], "sort_order 11 < 11.1 < 11.2 < 11.3 < 12");
        }
    }

    private static int sortOrder(WarehouseRows rows, String key) {
        return ((Number) rows.row(key).get("sort_order")).intValue();
    }

    /**
     * 盐湖区 25.1 (expect/computed-items.csv): initial reviews 20 of 20 on time, but 19 of 20 closed
     * on time = 95%, not more: the value shown (the first condition) passes, the item scores 0
     * because the second fails, and the views say so.
     */
    @Test
    void anItemWithSeveralConditionsSaysWhichOneItsValueIsAndWhichFailed() throws Exception {
        WarehouseRows card = scorecard();
        String k = "140802|25.1";
        card.assertValue(k, "points", 0);
        card.assertValue(k, "value", 1);
        card.assertValue(k, "value_label", "initial_review_on_time_rate");
        card.assertValue(k, "value_compare", ">");
        card.assertValue(k, "value_passed", true);
        card.assertValue(k, "conditions_failed", 1);
        card.assertValue(k, "as_of", "2024-12-31");
        // 17.2: both conditions met
        card.assertValue("140802|17.2", "conditions_failed", 0);
        // Banded (3) and counted (4) items have no single comparison; a count has no numerator.
        card.assertValue("140802|3", "value_compare", null);
        card.assertValue("140802|3", "conditions_failed", null);
        card.assertValue("140802|4", "value", 2);
        card.assertValue("140802|4", "value_label", "operators");
        card.assertValue("140802|4", "numerator", null);
        card.assertValue("140802|4", "denominator", null);
        card.assertValue("140802|10", "value_label", null);
        // 18.1 of 临猗县: no reconsideration decided (nothing measured, counts as met), 1 of 1
        // litigation won: no value to show, no condition failed.
        card.assertValue("140821|18.1", "value", null);
        card.assertValue("140821|18.1", "value_label", "upheld_rate");
        card.assertValue("140821|18.1", "value_passed", true);
        card.assertValue("140821|18.1", "conditions_failed", 0);
        // An unscored item shows nothing of the year before its detail keeps (临猗县 lacks 2024-12).
        card.assertValue("140821|1", "value_label", null);
        card.assertValue("140821|1", "value_passed", null);
        card.assertValue("140821|1", "conditions_failed", null);
        // An assessed item: the assessment that won (the later of two), outside the JSON detail.
        card.assertValue("140802|10", "assessment_evidence", "材料审查 evidence");
        card.assertValue("140802|10", "assessor", "专家组");
        card.assertValue("140802|4", "assessment_evidence", null);

        WarehouseRows conditions = WarehouseRows.query(url, "bi_observation", "SELECT * FROM netmarket.bi_observation "
                + "WHERE eval_year = 2024 AND region_code = '140802'", "indicator_code", "condition_no");
        String first = "25.1|1";
        conditions.assertValue(first, "label", "initial_review_on_time_rate");
        conditions.assertValue(first, "value", 1);
        conditions.assertValue(first, "compare", ">");
        conditions.assertValue(first, "comparison_value", new BigDecimal("0.95"));
        conditions.assertValue(first, "numerator", 20);
        conditions.assertValue(first, "denominator", 20);
        conditions.assertValue(first, "passed", true);
        String second = "25.1|2";
        conditions.assertValue(second, "label", "closed_on_time_rate");
        conditions.assertValue(second, "value", new BigDecimal("0.95"));
        conditions.assertValue(second, "numerator", 19);
        conditions.assertValue(second, "denominator", 20);
        conditions.assertValue(second, "passed", false);
        conditions.assertValue(second, "points", 0);
        conditions.assertValue(second, "name_zh", card.row(k).get("name_zh"));
        conditions.assertValue("4|1", "numerator", null);
        conditions.assertValue("4|1", "passed", null);
        assertTrue(conditions.all().keySet().stream().noneMatch(key -> key.startsWith("10|")), "assessed items have no conditions");
    }

    @Test
    void theItemRowsOfARegionAddUpToItsTotal() throws Exception {
        WarehouseRows sums = WarehouseRows.query(url, "bi_scorecard",
                "SELECT region_code, sum(points) AS points, count(*) AS items FROM netmarket.bi_scorecard "
                        + "WHERE eval_year = 2024 AND is_item GROUP BY region_code", "region_code");
        // expect/evaluation.csv
        Map<String, Integer> totals = Map.of("140802", 86, "140800", 86, "140821", 70, "140000", 17);
        assertEquals(totals.size(), sums.size());
        for (var t : totals.entrySet()) {
            sums.assertValue(t.getKey(), "points", t.getValue());
            sums.assertValue(t.getKey(), "items", edition.items().size());
        }
    }

    @Test
    void categoryScoresInLongFormWithSharesAndTheShareRule() throws Exception {
        WarehouseRows cats = WarehouseRows.query(url, "bi_category_score",
                "SELECT * FROM netmarket.bi_category_score WHERE eval_year = 2024", "region_code", "category_code");
        assertEquals(REGIONS.size() * 15, cats.size(), "5 first-level and 10 second-level categories per region");
        // 盐湖区 development at exactly 75% (15 of 20) passes the share rule
        cats.assertValue("140802|development", "level", "first");
        cats.assertValue("140802|development", "name_zh", "促进发展");
        cats.assertValue("140802|development", "category_path", "促进发展");
        cats.assertValue("140802|development", "region_name", "盐湖区");
        cats.assertValue("140802|development", "points", 15);
        cats.assertValue("140802|development", "max_points", 20);
        cats.assertValue("140802|development", "share_of_max", new BigDecimal("0.75"));
        cats.assertValue("140802|development", "required_share", new BigDecimal("0.75"));
        cats.assertValue("140802|development", "points_short_of_share", 0);
        cats.assertValue("140802|development", "meets_share", true);
        // 运城市 development at 70% (14 of 20): one point short
        cats.assertValue("140800|development", "share_of_max", new BigDecimal("0.7"));
        cats.assertValue("140800|development", "meets_share", false);
        cats.assertValue("140800|development", "points_short_of_share", 1);
        // 临猗县 regulation 16 of 25: 18.75 needed
        cats.assertValue("140821|regulation", "share_of_max", new BigDecimal("0.64"));
        cats.assertValue("140821|regulation", "meets_share", false);
        cats.assertValue("140821|regulation", "points_short_of_share", new BigDecimal("2.75"));
        // second level: the path, and no share rule
        cats.assertValue("140802|development.scale", "level", "second");
        cats.assertValue("140802|development.scale", "category_path", "促进发展 > 发展规模");
        cats.assertValue("140802|development.scale", "parent_category_code", "development");
        cats.assertValue("140802|development.scale", "first_level_code", "development");
        cats.assertValue("140802|development.scale", "points", 8);
        cats.assertValue("140802|development.scale", "share_of_max", new BigDecimal("0.8"));
        cats.assertValue("140802|development.scale", "required_share", null);
        cats.assertValue("140802|development.scale", "meets_share", null);
        cats.assertValue("140000|innovation", "points", 0);
        cats.assertValue("140000|innovation", "share_of_max", 0);
    }

    @Test
    void passStatusNamesTheFailingCategories() throws Exception {
        WarehouseRows pass = WarehouseRows.query(url, "bi_pass_status",
                "SELECT * FROM netmarket.bi_pass_status WHERE eval_year = 2024", "region_code");
        assertEquals(4, pass.size());
        pass.assertValue("140802", "region_name", "盐湖区");
        pass.assertValue("140802", "total_points", 86);
        pass.assertValue("140802", "max_points", 100);
        pass.assertValue("140802", "pass_total_at_least", 85);
        pass.assertValue("140802", "points_short_of_pass_total", 0);
        pass.assertValue("140802", "passed", true);
        pass.assertValue("140802", "result_zh", "通过");
        pass.assertValue("140802", "failing_category_codes", List.of());
        pass.assertValue("140802", "failing_category_count", 0);
        pass.assertValue("140802", "failing_categories_zh", null);
        pass.assertValue("140802", "items_needing_attention", 0);
        // 86 points but development at 70%
        pass.assertValue("140800", "total_points", 86);
        pass.assertValue("140800", "passed", false);
        pass.assertValue("140800", "result_zh", "未通过");
        pass.assertValue("140800", "failing_category_codes", List.of("development"));
        pass.assertValue("140800", "failing_categories_zh", "促进发展");
        pass.assertValue("140800", "failing_category_count", 1);
        pass.assertValue("140821", "total_points", 70);
        pass.assertValue("140821", "points_short_of_pass_total", 15);
        pass.assertValue("140821", "failing_category_codes", List.of("development", "regulation"));
        pass.assertValue("140821", "failing_categories_zh", "促进发展、规范监管");
        pass.assertValue("140821", "items_needing_attention", 14);
        pass.assertValue("140000", "total_points", 17);
        pass.assertValue("140000", "failing_categories_zh", "促进发展、规范监管、优化服务、探索创新、综合保障");
        pass.assertValue("140000", "failing_category_count", 5);
        pass.assertValue("140000", "items_needing_attention", 53);
        for (String region : REGIONS) {
            pass.assertValue(region, "as_of", "2024-12-31");
            pass.assertValue(region, "edition", "2022");
            pass.assertValue(region, "is_latest_year", true);
            pass.assertValue(region, "run_mode", "adhoc");
            assertNotNull(pass.row(region).get("published_at"), "bi_pass_status row " + region + " published_at");
        }
        // published_at is when the publishing run finished
        WarehouseRows run = WarehouseRows.query(url, "pipeline_run",
                "SELECT run_id, finished_at FROM netmarket.pipeline_run WHERE status = 'succeeded'", "run_id");
        assertEquals(1, run.size());
        Map<String, Object> published = run.all().values().iterator().next();
        pass.assertValue("140802", "run_id", published.get("run_id"));
        pass.assertValue("140802", "published_at", published.get("finished_at"));
    }

    @Test
    void countyComparisonPutsEachCountyNextToItsCity() throws Exception {
        WarehouseRows cmp = WarehouseRows.query(url, "bi_county_comparison",
                "SELECT * FROM netmarket.bi_county_comparison WHERE eval_year = 2024", "city_code", "county_code",
                "indicator_code");
        long codes = 41 + subItems();
        // 运城市 is the only city; the province is no city and has no counties of its own
        assertEquals(2 * codes, cmp.size(), "盐湖区 and 临猗县 for every indicator and sub-item of 运城市");
        Map<String, Set<String>> countiesPerCode = new TreeMap<>();
        for (Map<String, Object> row : cmp.all().values()) {
            assertEquals("140800", row.get("city_code"));
            assertEquals("运城市", row.get("city_name"));
            countiesPerCode.computeIfAbsent((String) row.get("indicator_code"), c -> new TreeSet<>())
                    .add((String) row.get("county_code"));
        }
        assertEquals(codes, countiesPerCode.size());
        countiesPerCode.forEach((code, counties) -> assertEquals(Set.of("140802", "140821"), counties, "counties of " + code));
        // indicator 3: 盐湖区 15% (2), 临猗县 7.95% (0), the city 10.3% (1)
        cmp.assertValue("140800|140802|3", "county_name", "盐湖区");
        cmp.assertValue("140800|140802|3", "county_points", 2);
        cmp.assertValue("140800|140802|3", "city_points", 1);
        cmp.assertValue("140800|140802|3", "max_points", 2);
        cmp.assertValue("140800|140802|3", "county_rank_from_lowest", 2);
        cmp.assertValue("140800|140821|3", "county_name", "临猗县");
        cmp.assertValue("140800|140821|3", "county_points", 0);
        cmp.assertValue("140800|140821|3", "county_points_lost", 2);
        cmp.assertValue("140800|140821|3", "county_rank_from_lowest", 1);
        cmp.assertValue("140800|140821|3", "category_path", "促进发展 > 发展规模");
        // the values behind the points: 150/1000, 159/2000, and the city's own 309/3000 (not an average)
        cmp.assertValue("140800|140802|3", "county_value", new BigDecimal("0.15"));
        cmp.assertValue("140800|140821|3", "county_value", new BigDecimal("0.0795"));
        cmp.assertValue("140800|140821|3", "city_value", new BigDecimal("0.103"));
        cmp.assertValue("140800|140821|3", "county_status_zh", "已评分");
        cmp.assertValue("140800|140821|3", "as_of", "2024-12-31");
        // indicator 11: 盐湖区 0+1+1 = 2; 临猗县 0 (11.1 data_error, 11.2 0, 11.3 not assessed); city 1+0+1 = 2
        cmp.assertValue("140800|140802|11", "county_points", 2);
        cmp.assertValue("140800|140821|11", "county_points", 0);
        cmp.assertValue("140800|140821|11", "county_status", "data_error");
        cmp.assertValue("140800|140821|11", "city_points", 2);
        cmp.assertValue("140800|140821|11", "city_status", "scored");
        cmp.assertValue("140800|140821|11", "county_rank_from_lowest", 1);
        // item 11.1: both counties 0 (tie), the city 1
        cmp.assertValue("140800|140802|11.1", "county_rank_from_lowest", 1);
        cmp.assertValue("140800|140821|11.1", "county_rank_from_lowest", 1);
        cmp.assertValue("140800|140821|11.1", "county_status", "data_error");
        assertNotNull(cmp.row("140800|140821|11.1").get("county_reason"), "a data_error item says why");
        assertNotNull(cmp.row("140800|140821|11.1").get("county_reason_zh"), "in Chinese too");
        cmp.assertValue("140800|140821|11.1", "city_points", 1);
        cmp.assertValue("140800|140821|11.1", "level", "item");
        cmp.assertValue("140800|140821|11.1", "indicator_group_code", "11");
    }

    @Test
    void needsAttentionListsExactlyTheItemsNotScored() throws Exception {
        WarehouseRows items = WarehouseRows.query(url, "bi_needs_attention",
                "SELECT * FROM netmarket.bi_needs_attention WHERE eval_year = 2024", "region_code", "item_code");
        // The golden README: 临猗县 1, 2, 6, 7 missing_data; 11.1 data_error; 17.2, 19.x, 25.x, 26.1
        // no_records; 11.3 and 16 not_assessed. 盐湖区 and 运城市 have none; the province lacks every
        // assessment (53 items, 69 points: expect/assessed-items.md).
        Map<String, String> linyi = new TreeMap<>(Map.ofEntries(
                Map.entry("1", "missing_data"), Map.entry("2", "missing_data"), Map.entry("6", "missing_data"),
                Map.entry("7", "missing_data"), Map.entry("11.1", "data_error"), Map.entry("17.2", "no_records"),
                Map.entry("19.1", "no_records"), Map.entry("19.2", "no_records"), Map.entry("25.1", "no_records"),
                Map.entry("25.2", "no_records"), Map.entry("25.3", "no_records"), Map.entry("26.1", "no_records"),
                Map.entry("11.3", "not_assessed"), Map.entry("16", "not_assessed")));
        Map<String, String> actual = new TreeMap<>();
        BigDecimal linyiAtStake = BigDecimal.ZERO;
        BigDecimal provinceAtStake = BigDecimal.ZERO;
        int province = 0;
        for (Map<String, Object> row : items.all().values()) {
            String region = (String) row.get("region_code");
            assertTrue(Set.of("140821", "140000").contains(region), "nothing needs attention in " + region);
            assertNotNull(row.get("reason"), "every item needing attention says why: " + row);
            assertTrue(String.valueOf(row.get("reason_zh")).codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "and why in Chinese: " + row);
            assertNotNull(row.get("name_zh"), "named: " + row);
            if (region.equals("140821")) {
                actual.put((String) row.get("item_code"), (String) row.get("status"));
                linyiAtStake = linyiAtStake.add((BigDecimal) row.get("points_at_stake"));
            } else {
                province++;
                assertEquals("not_assessed", row.get("status"));
                assertEquals("assessed", row.get("kind"));
                provinceAtStake = provinceAtStake.add((BigDecimal) row.get("points_at_stake"));
            }
        }
        assertEquals(linyi, actual, "临猗县's 14 items needing attention");
        assertEquals(53, province);
        assertEquals(0, new BigDecimal("69").compareTo(provinceAtStake), "the province's assessed points: " + provinceAtStake);
        // maxima: 1, 2, 6, 7 (2 each), 16 (3), nine sub-items (1 each)
        assertEquals(0, new BigDecimal("20").compareTo(linyiAtStake), "临猗县's points at stake: " + linyiAtStake);
        items.assertValue("140821|11.1", "status_zh", "数据错误");
        items.assertValue("140821|11.1", "category_path", "规范监管 > 完善监管");
        items.assertValue("140821|11.1", "first_level_name_zh", "规范监管");
        items.assertValue("140821|11.1", "kind", "computed");
        items.assertValue("140821|11.1", "level", "item");
        items.assertValue("140821|11.1", "region_name", "临猗县");
        items.assertValue("140821|11.1", "parent_region_name", "运城市");
        items.assertValue("140821|16", "level", "indicator");
        items.assertValue("140821|16", "points_at_stake", 3);
        items.assertValue("140821|16", "status_zh", "未评估");
    }

    @Test
    void withOneYearPublishedTheTrendHasNoYearBefore() throws Exception {
        WarehouseRows trend = WarehouseRows.query(url, "bi_trend", "SELECT * FROM netmarket.bi_trend", "region_code",
                "eval_year", "indicator_code");
        assertEquals(REGIONS.size() * (41 + subItems()), trend.size());
        for (var e : trend.all().entrySet()) {
            trend.assertValue(e.getKey(), "previous_points", null);
            trend.assertValue(e.getKey(), "points_change", null);
        }
        trend.assertValue("140802|2024|3", "points", 2);
        WarehouseRows totals = WarehouseRows.query(url, "bi_total_trend", "SELECT * FROM netmarket.bi_total_trend",
                "region_code", "eval_year");
        assertEquals(4, totals.size());
        totals.assertValue("140802|2024", "total_points", 86);
        totals.assertValue("140802|2024", "previous_total_points", null);
        totals.assertValue("140802|2024", "pass_change", null);
    }

    @Test
    void theBiRoleReadsEveryBiViewWithTheSameRows() throws Exception {
        String password = "golden-bi-" + System.nanoTime();
        try (Connection admin = DriverManager.getConnection(url)) {
            BiRole.setPassword(admin, password);
        }
        List<String> views = List.of("bi_scorecard", "bi_category_score", "bi_pass_status", "bi_county_comparison",
                "bi_needs_attention", "bi_trend", "bi_total_trend", "bi_observation", "bi_run_status");
        try (Connection bi = TestingPostgres.connectAs(url, BiRole.ROLE, password)) {
            for (String view : views) {
                String sql = "SELECT count(*) AS n FROM netmarket." + view;
                long asAdmin = ((Number) WarehouseRows.query(url, view, sql, "n").all().values().iterator().next()
                        .get("n")).longValue();
                long asBi = ((Number) WarehouseRows.query(bi, view, sql, "n").all().values().iterator().next()
                        .get("n")).longValue();
                assertTrue(asAdmin > 0, view + " has rows");
                assertEquals(asAdmin, asBi, view + ": the BI role sees every row");
            }
        }
    }

    @Test
    void theViewsNeitherLoseNorMultiplyRows() throws Exception {
        // One view row per current row: a reference join that matched twice, or not at all with
        // an inner join, would change the counts.
        WarehouseRows counts = WarehouseRows.query(url, "counts",
                "SELECT (SELECT count(*) FROM netmarket.indicator_score) AS scores, "
                        + "(SELECT count(*) FROM netmarket.bi_scorecard) AS scorecard, "
                        + "(SELECT count(*) FROM netmarket.category_score) AS categories, "
                        + "(SELECT count(*) FROM netmarket.bi_category_score) AS category_view, "
                        + "(SELECT count(*) FROM netmarket.evaluation_result) AS evaluations, "
                        + "(SELECT count(*) FROM netmarket.bi_pass_status) AS pass_view", "scores");
        Map<String, Object> row = counts.all().values().iterator().next();
        assertTrue(((Number) row.get("scores")).longValue() > 0, "scores were published");
        assertEquals(row.get("scores"), row.get("scorecard"));
        assertEquals(row.get("categories"), row.get("category_view"));
        assertEquals(row.get("evaluations"), row.get("pass_view"));
    }
}
