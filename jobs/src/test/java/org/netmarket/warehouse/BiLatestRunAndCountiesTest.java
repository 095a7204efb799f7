package org.netmarket.warehouse;

import org.junit.jupiter.api.Test;
import org.netmarket.region.Region;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which run the BI views call the latest (the one that finished last, not the one registered
 * last), and which counties they put beside a city (those of its latest regions.csv).
 */
class BiLatestRunAndCountiesTest {
    private static final RunRecord NIGHTLY = TestPublications.runRecord("nightly");
    private static final Region CITY = new Region("140800", "运城市", null, "city", "central");
    private static final Region YANHU = new Region("140802", "盐湖区", "140800", "county", "central");
    private static final Region HEJIN = new Region("140882", "河津市", "140800", "county", "central");

    /**
     * A nightly refused for the lock registers while an analyst's run holds it, and finishes
     * first: the analyst's publication is the latest run, nothing failed since it, and its set-aside
     * rows are last night's problems.
     */
    @Test
    void aRunRefusedForTheLockBeforeThePublicationFinishedIsNotTheLatest() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        Warehouse warehouse = Warehouse.open(JdbcSettings.of(url, Map.of()));
        RunLedger ledger = new RunLedger(warehouse);
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            long analyst = ledger.start(NIGHTLY);
            // Registered after the analyst's run, refused at once: it finishes first.
            ledger.refused(NIGHTLY, "another pipeline run holds the warehouse lock", "另一个运行持有数仓锁", RunLedger.FailureKind.LOCK);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("INSERT INTO netmarket.quarantined_row (run_id, extract, file, line, reason) VALUES ("
                        + analyst + ", 'complaints', 'complaints/c.csv', 7, 'bad row')");
            }
            new ScorePublisher(lock, warehouse, () -> false).publish(analyst, List.of(CITY, YANHU),
                    TestPublications.indicatorThree(Map.of("140802", "2"), LocalDate.of(2024, 12, 31)));

            WarehouseRows status = WarehouseRows.query(url, "bi_run_status", "SELECT * FROM netmarket.bi_run_status", "data_dir");
            status.assertValue("file:/data/", "last_published_run_id", analyst);
            status.assertValue("file:/data/", "latest_run_id", analyst);
            status.assertValue("file:/data/", "latest_run_status_zh", "成功");
            status.assertValue("file:/data/", "failed_runs_since_published", 0);
            WarehouseRows aside = WarehouseRows.query(url, "bi_set_aside_rows", "SELECT * FROM netmarket.bi_set_aside_rows", "run_id");
            aside.assertValue(String.valueOf(analyst), "is_latest_run", true);

            // A refusal after the publication finished is the latest run, failed since it.
            ledger.refused(NIGHTLY, "another pipeline run holds the warehouse lock", "另一个运行持有数仓锁", RunLedger.FailureKind.LOCK);
            status = WarehouseRows.query(url, "bi_run_status", "SELECT * FROM netmarket.bi_run_status", "data_dir");
            status.assertValue("file:/data/", "latest_run_status_zh", "失败");
            status.assertValue("file:/data/", "failed_runs_since_published", 1);
        }
    }

    /**
     * A county that the latest regions.csv no longer lists leaves the comparison with its city;
     * a county recomputed as of another date says so.
     */
    @Test
    void theCountiesBesideACityAreThoseOfItsLatestRegionsCsv() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        Warehouse warehouse = Warehouse.open(JdbcSettings.of(url, Map.of()));
        RunLedger ledger = new RunLedger(warehouse);
        LocalDate yearEnd = LocalDate.of(2024, 12, 31);
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            long first = ledger.start(NIGHTLY);
            new ScorePublisher(lock, warehouse, () -> false).publish(first, List.of(CITY, YANHU, HEJIN),
                    TestPublications.indicatorThree(Map.of("140800", "2", "140802", "1", "140882", "0"), yearEnd));
            String sql = "SELECT * FROM netmarket.bi_county_comparison WHERE eval_year = 2024 AND indicator_code = '3'";
            WarehouseRows both = WarehouseRows.query(url, "bi_county_comparison", sql, "county_code");
            assertEquals(2, both.size());
            both.assertValue("140882", "county_rank_from_lowest", 1);

            // 河津市 merged away: the next regions.csv lists the city and 盐湖区 only, recomputed as of June.
            long second = ledger.start(NIGHTLY);
            new ScorePublisher(lock, warehouse, () -> false).publish(second, List.of(CITY, YANHU),
                    TestPublications.indicatorThree(Map.of("140800", "2", "140802", "1"), LocalDate.of(2024, 6, 30)));
            WarehouseRows one = WarehouseRows.query(url, "bi_county_comparison", sql, "county_code");
            assertEquals(1, one.size(), "only the counties of the latest regions.csv");
            one.assertValue("140802", "county_rank_from_lowest", 1);
            one.assertValue("140802", "county_as_of", java.sql.Date.valueOf("2024-06-30"));
        }
    }
    /**
     * Beside a city's year stand the counties of the regions.csv that year was published with: a
     * county created later is not ranked lowest in years before it existed, and one merged away
     * later stays in the years its scores were part of the city's.
     */
    @Test
    void theCountiesOfACitysYearAreThoseItWasPublishedWith() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        Warehouse warehouse = Warehouse.open(JdbcSettings.of(url, Map.of()));
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            publish(lock, warehouse, NIGHTLY, List.of(CITY, YANHU), 2023, Map.of("140800", "2", "140802", "1"));
            // 河津市 comes with the next regions.csv, and leaves with the one after.
            publish(lock, warehouse, NIGHTLY, List.of(CITY, YANHU, HEJIN), 2024, Map.of("140800", "2", "140802", "1", "140882", "0"));
            publish(lock, warehouse, NIGHTLY, List.of(CITY, YANHU), 2025, Map.of("140800", "2", "140802", "2"));
        }
        WarehouseRows rows = WarehouseRows.query(url, "bi_county_comparison", "SELECT eval_year, county_code, county_points, "
                + "county_rank_from_lowest FROM netmarket.bi_county_comparison WHERE indicator_code = '3'", "eval_year", "county_code");
        assertEquals(Set.of("2023|140802", "2024|140802", "2024|140882", "2025|140802"), rows.all().keySet());
        rows.assertValue("2023|140802", "county_rank_from_lowest", 1);
        rows.assertValue("2024|140882", "county_points", 0);
        rows.assertValue("2024|140882", "county_rank_from_lowest", 1);
        rows.assertValue("2024|140802", "county_rank_from_lowest", 2);

        // The city's 2024 recomputed from an analyst's folder that lists the city alone: its
        // counties with 2024 scores stay beside it.
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            publish(lock, warehouse, fromFolder("file:/analyst/"), List.of(CITY), 2024, Map.of("140800", "1"));
        }
        WarehouseRows recomputed = WarehouseRows.query(url, "bi_county_comparison", "SELECT eval_year, county_code "
                + "FROM netmarket.bi_county_comparison WHERE indicator_code = '3' AND eval_year = 2024", "eval_year", "county_code");
        assertEquals(Set.of("2024|140802", "2024|140882"), recomputed.all().keySet());
    }

    /**
     * A county moved to another city stays beside its old city in the years published while it
     * belonged there (the city's figures of those years include it), and joins its new city's
     * years from its move on only.
     */
    @Test
    void aCountyMovedToAnotherCityStaysInItsOldCitysYears() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        Warehouse warehouse = Warehouse.open(JdbcSettings.of(url, Map.of()));
        Region jinzhong = new Region("140700", "晋中市", null, "city", "central");
        Region yuci = new Region("140702", "榆次区", "140700", "county", "central");
        Map<String, String> points = Map.of("140800", "2", "140700", "2", "140802", "1", "140882", "0", "140702", "1");
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            publish(lock, warehouse, NIGHTLY, List.of(CITY, jinzhong, YANHU, HEJIN, yuci), 2023, points);
            Region hejinMoved = new Region("140882", "河津市", "140700", "county", "central");
            publish(lock, warehouse, NIGHTLY, List.of(CITY, jinzhong, YANHU, hejinMoved, yuci), 2025, points);
        }
        WarehouseRows rows = WarehouseRows.query(url, "bi_county_comparison", "SELECT city_code, eval_year, county_code "
                + "FROM netmarket.bi_county_comparison WHERE indicator_code = '3'", "city_code", "eval_year", "county_code");
        assertEquals(Set.of("140800|2023|140802", "140800|2023|140882", "140700|2023|140702",
                "140800|2025|140802", "140700|2025|140702", "140700|2025|140882"), rows.all().keySet());
    }

    /**
     * A county merged away before a year it never had: the first run without it publishes 2024,
     * takes nothing of it out (it has no 2024), and its 2023 is no longer its current status
     * beside the city's 2024, computed without it — whatever another folder lists, until its own
     * folder lists it again.
     */
    @Test
    void aCountyALaterRegionsCsvNoLongerListsHasNoCurrentStatus() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        Warehouse warehouse = Warehouse.open(JdbcSettings.of(url, Map.of()));
        String sql = "SELECT region_code, eval_year, is_latest_year FROM netmarket.bi_pass_status";
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            publish(lock, warehouse, NIGHTLY, List.of(CITY, YANHU, HEJIN), 2023, Map.of("140800", "2", "140802", "1", "140882", "0"));
            WarehouseRows before = WarehouseRows.query(url, "bi_pass_status", sql, "region_code", "eval_year");
            before.assertValue("140882|2023", "is_latest_year", true); // the control: current while listed

            publish(lock, warehouse, NIGHTLY, List.of(CITY, YANHU), 2024, Map.of("140800", "2", "140802", "1"));
            WarehouseRows after = WarehouseRows.query(url, "bi_pass_status", sql, "region_code", "eval_year");
            assertEquals(0, WarehouseRows.query(url, "region_year_removal", "SELECT * FROM netmarket.region_year_removal",
                    "region_code").size(), "nothing of it was taken out: it had no 2024");
            after.assertValue("140882|2023", "is_latest_year", false);
            after.assertValue("140800|2024", "is_latest_year", true);
            after.assertValue("140802|2024", "is_latest_year", true);
            after.assertValue("140802|2023", "is_latest_year", false);
            after.assertValue("140800|2023", "is_latest_year", false);

            // An analyst's folder listing the city alone says nothing of the county: still not current.
            publish(lock, warehouse, fromFolder("file:/analyst/"), List.of(CITY), 2024, Map.of("140800", "1"));
            WarehouseRows analyst = WarehouseRows.query(url, "bi_pass_status", sql, "region_code", "eval_year");
            analyst.assertValue("140882|2023", "is_latest_year", false);
            analyst.assertValue("140802|2024", "is_latest_year", true);

            // Listed again (a regions.csv put right): current again.
            publish(lock, warehouse, NIGHTLY, List.of(CITY, YANHU, HEJIN), 2024, Map.of("140800", "2"));
            WarehouseRows relisted = WarehouseRows.query(url, "bi_pass_status", sql, "region_code", "eval_year");
            relisted.assertValue("140882|2023", "is_latest_year", true);
        }
    }

    /**
     * Another folder's regions.csv says nothing of this one's regions: a second city's delivery
     * lists the province too, an analyst's folder may list a city alone.
     */
    @Test
    void anotherDataDirectoryListingTheParentWithoutItLeavesARegionCurrent() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        Warehouse warehouse = Warehouse.open(JdbcSettings.of(url, Map.of()));
        Region province = new Region("140000", "山西省", null, "province", "central");
        Region city = new Region("140800", "运城市", "140000", "city", "central");
        Region yanhu = new Region("140802", "盐湖区", "140800", "county", "central");
        Region taiyuan = new Region("140100", "太原市", "140000", "city", "central");
        String sql = "SELECT region_code, eval_year, is_latest_year FROM netmarket.bi_pass_status";
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            publish(lock, warehouse, NIGHTLY, List.of(province, city, yanhu), 2024, Map.of("140800", "2", "140802", "1"));
            publish(lock, warehouse, fromFolder("file:/taiyuan/"), List.of(province, taiyuan), 2024, Map.of("140100", "2"));
            WarehouseRows afterTaiyuan = WarehouseRows.query(url, "bi_pass_status", sql, "region_code", "eval_year");
            afterTaiyuan.assertValue("140800|2024", "is_latest_year", true);
            afterTaiyuan.assertValue("140802|2024", "is_latest_year", true);
            afterTaiyuan.assertValue("140100|2024", "is_latest_year", true);
            publish(lock, warehouse, fromFolder("file:/analyst/"), List.of(city), 2024, Map.of("140800", "1"));
            WarehouseRows rows = WarehouseRows.query(url, "bi_pass_status", sql, "region_code", "eval_year");
            rows.assertValue("140800|2024", "is_latest_year", true);
            rows.assertValue("140802|2024", "is_latest_year", true);
            rows.assertValue("140100|2024", "is_latest_year", true);
        }
    }

    /**
     * Publishes indicator 3 and the totals of {@code year} at the points given (as of December 31)
     * as a run of {@code record}, whose regions.csv lists {@code listed}.
     */
    private static void publish(PublishLock lock, Warehouse warehouse, RunRecord record, List<Region> listed, int year,
                                Map<String, String> points) throws java.sql.SQLException {
        new ScorePublisher(lock, warehouse, () -> false).publish(new RunLedger(warehouse).start(record), listed,
                TestPublications.indicatorThree(year, points, LocalDate.of(year, 12, 31)));
    }

    private static RunRecord fromFolder(String dataDir) {
        return new RunRecord("nightly", "nightly", "2022", List.of(2024), null, null, null, dataDir, Map.of(), "host", "test");
    }

    /**
     * A county published under another edition than its city (other maxima) loses points out of
     * its own maximum, and is ranked by them: not out of the city's maximum, which showed points
     * lost below zero.
     */
    @Test
    void aCountyIsMeasuredAgainstItsOwnMaximum() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        Warehouse warehouse = Warehouse.open(JdbcSettings.of(url, Map.of()));
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            long run = new RunLedger(warehouse).start(NIGHTLY);
            new ScorePublisher(lock, warehouse, () -> false).publish(run, List.of(CITY, YANHU, HEJIN),
                    TestPublications.indicatorThree(Map.of("140800", "2", "140802", "1", "140882", "0"), LocalDate.of(2024, 12, 31)));
        }
        // As if 盐湖区 had been recomputed under an edition where item 3 is worth 4 points.
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("UPDATE netmarket.indicator_score SET max_points = 4 WHERE region_code = '140802' AND indicator_code = '3'");
        }
        WarehouseRows rows = WarehouseRows.query(url, "bi_county_comparison",
                "SELECT * FROM netmarket.bi_county_comparison WHERE eval_year = 2024 AND indicator_code = '3'", "county_code");
        rows.assertValue("140802", "max_points", 2);
        rows.assertValue("140802", "county_max_points", 4);
        rows.assertValue("140802", "county_points_lost", 3);
        rows.assertValue("140882", "county_points_lost", 2);
        rows.assertValue("140802", "county_rank_from_lowest", 1);
        rows.assertValue("140882", "county_rank_from_lowest", 2);
    }
}
