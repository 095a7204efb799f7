package org.netmarket.pipeline;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.NetmarketCommand;
import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionLoader;
import org.netmarket.edition.Item;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.items.ItemRegistry;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.GoldenExpectation;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.SharedSpark;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on the golden mini-Yuncheng data set: the job reads {@code given/}, scores 2024 and
 * publishes into a real PostgreSQL; every published item, category and evaluation row is checked
 * against the hand-derived {@code expect/} files.
 */
class GoldenRunTest {

    static String jdbcUrl;
    static Edition edition;

    @TempDir
    static Path reports;

    @BeforeAll
    static void publishGoldenRun() {
        SharedSpark.session();
        edition = new EditionLoader(ItemRegistry.COMPUTATIONS).load("2022");
        jdbcUrl = TestingPostgres.server().createDatabase();
        // given relative to the working directory, as an analyst types it
        String data = Path.of("").toAbsolutePath().relativize(GoldenData.GIVEN.toAbsolutePath()).toString();
        int exit = NetmarketCommand.execute("run", "--data", data, "--year", "2024",
                "--jdbc-url", jdbcUrl, "--report-dir", reports.toString(), "--spark-master", "local[2]",
                "--shuffle-partitions", "2", "--wait-for-lock", "0");
        assertEquals(0, exit, "the golden run must publish");
    }

    @Test
    void everyComputedItemMatchesTheHandDerivedValues() throws Exception {
        List<CSVRecord> expected = GoldenExpectation.assertComputedItems(jdbcUrl);
        assertEquals(22 * GoldenData.REGIONS.size(), expected.size(), "the expect file covers every computed item of every region");
    }

    /**
     * The run's log says what the job is doing and nothing else: every line comes from one of the
     * job's own classes (by the simple name the layout prints), none from Spark's bookkeeping.
     */
    @Test
    void theRunLogHoldsOnlyTheJobsOwnLines() throws Exception {
        Set<String> ownClasses;
        try (Stream<Path> sources = Files.walk(Path.of("jobs/src/main/java/org/netmarket"))) {
            ownClasses = sources.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).collect(Collectors.toSet());
        }
        // run.log's layout (RunFolder): date, time, level, logger's simple name, " - ", message.
        Pattern entry = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\S+ +(\\S+) - .*");
        List<String> loggers = JobRunner.lastRunLog(reports).lines().map(entry::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).toList();
        assertTrue(loggers.contains("ScoringPipeline"), "run.log's entries are read by its layout: " + loggers);
        List<String> foreign = loggers.stream().filter(l -> !ownClasses.contains(l)).toList();
        assertTrue(foreign.isEmpty(), "lines of other loggers in run.log: " + foreign);
    }

    /** A numerator or denominator is published as the figure reads, not with the zeros of Spark's decimal sums. */
    @Test
    void figuresArePublishedWithoutTrailingZeros() throws Exception {
        WarehouseRows figures = WarehouseRows.query(jdbcUrl, "indicator_score", "SELECT region_code, indicator_code, "
                + "numerator::text AS numerator_text, denominator::text AS denominator_text FROM netmarket.indicator_score "
                + "WHERE eval_year = 2024 AND numerator IS NOT NULL", "region_code", "indicator_code");
        figures.assertValue("140802|8", "numerator_text", "49.99");
        figures.assertValue("140802|8", "denominator_text", "1000");
        for (var row : figures.all().entrySet()) {
            for (String column : List.of("numerator_text", "denominator_text")) {
                String text = String.valueOf(row.getValue().get(column));
                assertFalse(text.contains(".") && text.endsWith("0"), "indicator_score row " + row.getKey() + " column "
                        + column + ": " + text);
            }
        }
        // And so are those of every condition in the JSON detail (bi_observation shows them).
        WarehouseRows conditions = WarehouseRows.query(jdbcUrl, "indicator_score", "SELECT region_code, indicator_code, "
                + "o ->> 'label' AS label, o ->> 'numerator' AS numerator_text, o ->> 'denominator' AS denominator_text "
                + "FROM netmarket.indicator_score CROSS JOIN LATERAL jsonb_array_elements(detail -> 'observations') o "
                + "WHERE eval_year = 2024 AND o ? 'numerator'", "region_code", "indicator_code", "label");
        conditions.assertValue("140802|8|2024", "numerator_text", "49.99");
        for (var row : conditions.all().entrySet()) {
            for (String column : List.of("numerator_text", "denominator_text")) {
                String text = String.valueOf(row.getValue().get(column));
                assertFalse(text.contains(".") && text.endsWith("0"), "observation " + row.getKey() + " " + column + ": " + text);
            }
        }
    }

    /** An indicator with sub-items that is not scored says why, as an item does: its items' reasons. */
    @Test
    void anIndicatorNotScoredGivesTheReasonsOfItsItems() throws Exception {
        WarehouseRows published = WarehouseRows.query(jdbcUrl, "indicator_score",
                "SELECT * FROM netmarket.indicator_score WHERE eval_year = 2024", "region_code", "indicator_code");
        int notScored = 0;
        for (String region : GoldenData.REGIONS) {
            for (var indicator : edition.indicators()) {
                if (!indicator.hasSubItems()) {
                    continue;
                }
                List<String> reasons = new ArrayList<>();
                for (Item item : indicator.items()) {
                    Map<String, Object> row = published.row(region + "|" + item.code());
                    if (!"scored".equals(row.get("status"))) {
                        reasons.add(item.code() + ": " + row.get("reason"));
                    }
                }
                String key = region + "|" + indicator.code();
                published.assertValue(key, "reason", reasons.isEmpty() ? null : String.join("; ", reasons));
                notScored += reasons.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(notScored > 0, "the golden data has indicators with items not scored (临猗县's 11.3)");
    }

    @Test
    void assessedItemsTakeTheLatestAssessmentOrAreNotAssessed() throws Exception {
        WarehouseRows published = WarehouseRows.query(jdbcUrl, "indicator_score",
                "SELECT * FROM netmarket.indicator_score WHERE eval_year = 2024", "region_code", "indicator_code");
        // See expect/assessed-items.md.
        for (String region : GoldenData.REGIONS) {
            for (Item item : edition.items()) {
                if (item.isComputed()) {
                    continue;
                }
                String key = region + "|" + item.code();
                BigDecimal expected = GoldenExpectation.assessedPoints(region, item);
                if (expected == null) {
                    published.assertValue(key, "status", "not_assessed");
                    published.assertValue(key, "points", BigDecimal.ZERO);
                } else {
                    published.assertValue(key, "status", "scored");
                    published.assertValue(key, "points", expected);
                }
            }
        }
    }

    @Test
    void bothLevelsArePublishedForEveryIndicator() throws Exception {
        WarehouseRows published = WarehouseRows.query(jdbcUrl, "indicator_score",
                "SELECT * FROM netmarket.indicator_score WHERE eval_year = 2024", "region_code", "indicator_code");
        // Per region one row per indicator and one per sub-item (an item that is not its whole
        // indicator): every code once. The edition must have the counts GoldenData.SCORE_ROWS is made of.
        assertEquals(GoldenData.INDICATORS, edition.indicators().size(), "indicators of the 2022 edition");
        assertEquals(GoldenData.SUB_ITEMS, edition.items().stream().filter(i -> !i.isWholeIndicator()).count(),
                "sub-items of the 2022 edition");
        assertEquals(GoldenData.SCORE_ROWS, published.size(), "one row per indicator and per sub-item");
        published.assertValue("140802|3", "level", "indicator");
        published.assertValue("140802|11.1", "level", "item");
        published.assertValue("140802|11", "level", "indicator");
        // indicator 11 of 盐湖区 = 11.1 (0) + 11.2 (1) + 11.3 (1)
        published.assertValue("140802|11", "points", 2);
        published.assertValue("140802|11", "max_points", 3);
        // an indicator with an unscored item carries that status; 临猗县 indicator 26 = 26.1 no_records + 26.2 scored
        published.assertValue("140821|26", "status", "no_records");
        published.assertValue("140821|26", "points", 1);
    }

    @Test
    void categoriesMatchTheHandDerivedSums() throws Exception {
        GoldenExpectation.assertCategories(jdbcUrl);
    }

    @Test
    void evaluationResultsMatchTotalsAndPassRule() throws Exception {
        WarehouseRows published = GoldenExpectation.assertEvaluations(jdbcUrl);
        for (String region : published.all().keySet()) {
            published.assertValue(region, "edition", "2022");
        }
    }

    @Test
    void theRunIsRecordedWithItsInputsAndQuarantine() throws Exception {
        WarehouseRows runs = WarehouseRows.query(jdbcUrl, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        assertEquals(1, runs.size());
        Map<String, Object> run = runs.all().values().iterator().next();
        assertEquals("succeeded", run.get("status"));
        assertEquals("adhoc", run.get("mode"));
        assertEquals("file:" + GoldenData.GIVEN.toAbsolutePath().normalize(), run.get("data_dir"), "where it read from, not as typed");
        assertEquals(1L, ((Number) run.get("rows_quarantined")).longValue(), "the complaint closed before it was received");
        WarehouseRows quarantined = WarehouseRows.query(jdbcUrl, "quarantined_row",
                "SELECT * FROM netmarket.quarantined_row", "extract", "line");
        quarantined.assertValue("complaints|23", "column_name", "closed_at");
        quarantined.assertValue("complaints|23", "file", "complaints/complaints-2024.csv");
        WarehouseRows files = WarehouseRows.query(jdbcUrl, "run_input_file", "SELECT * FROM netmarket.run_input_file", "path");
        files.assertValue("dispatches/dispatches-redelivery.csv", "rows_read", 2);
        files.assertValue("regions.csv", "rows_read", 4);
        try (var lines = Files.lines(GoldenData.GIVEN.resolve("operators/operators.csv"))) {
            files.assertValue("operators/operators.csv", "rows_read", lines.count() - 1);
        }
    }

    @Test
    void lineageSaysWhyAnItemGotItsPoints() throws Exception {
        // "Why did 盐湖区 get 0 on 19.1?" — from the warehouse alone.
        WarehouseRows lineage = WarehouseRows.query(jdbcUrl, "item_lineage",
                "SELECT * FROM netmarket.item_lineage WHERE eval_year = 2024", "region_code", "indicator_code", "extract");
        String key = "140802|19.1|dispatches";
        lineage.assertValue(key, "points", 0);
        lineage.assertValue(key, "numerator", 9);
        lineage.assertValue(key, "denominator", 10);
        lineage.assertValue(key, "comparison_value", new BigDecimal("0.9"));
        lineage.assertValue(key, "rows_read", 26);
        // 26 rows: the identical re-delivered row collapses, B-IC-2 has two versions -> 24 keys used
        lineage.assertValue(key, "rows_used", 24);
        lineage.assertValue(key, "rows_quarantined", 0);
        lineage.assertValue(key, "extract_name_zh", "监管平台派发事项");
        String files = lineage.row(key).get("files").toString();
        org.junit.jupiter.api.Assertions.assertTrue(files.contains("dispatches/dispatches-2024.csv")
                && files.contains("dispatches/dispatches-redelivery.csv"), files);
        // item 1 needs retail and national figures
        lineage.row("140802|1|retail");
        lineage.row("140802|1|national");
        lineage.assertValue("140821|11.1|platform-accounts", "status", "data_error");
    }

    /**
     * Beside the whole extract's counts, the lineage counts the rows of the item's own region (and
     * the regions under it): counted here from the given files, by the extract's key.
     */
    @Test
    void lineageCountsTheRegionsOwnRows() throws Exception {
        WarehouseRows lineage = WarehouseRows.query(jdbcUrl, "item_lineage",
                "SELECT * FROM netmarket.item_lineage WHERE eval_year = 2024", "region_code", "indicator_code", "extract");
        lineage.assertValue("140802|19.1|dispatches", "region_rows", keysOf("dispatches", "140802"));
        lineage.assertValue("140821|19.1|dispatches", "region_rows", keysOf("dispatches", "140821"));
        // the city's are its counties': every dispatch of the delivery
        lineage.assertValue("140800|19.1|dispatches", "region_rows", keysOf("dispatches", "140800", "140802", "140821"));
        lineage.assertValue("140800|19.1|dispatches", "region_rows", lineage.row("140800|19.1|dispatches").get("rows_used"));
        lineage.assertValue("140802|19.1|dispatches", "region_rows_set_aside", 0);
        // the complaint closed before it was received is 盐湖区's: set aside for it and the city, not for 临猗县
        lineage.assertValue("140802|25.1|complaints", "region_rows", keysOf("complaints", "140802") - 1);
        lineage.assertValue("140802|25.1|complaints", "region_rows_set_aside", 1);
        lineage.assertValue("140800|25.1|complaints", "region_rows_set_aside", 1);
        lineage.assertValue("140000|25.1|complaints", "region_rows_set_aside", 1);
        lineage.assertValue("140821|25.1|complaints", "region_rows_set_aside", 0);
        // an aggregate extract: the region's own months and, for the city, its counties' too
        lineage.assertValue("140802|1|retail", "region_rows", keysOf("retail", "140802"));
        lineage.assertValue("140800|1|retail", "region_rows", keysOf("retail", "140800", "140802", "140821"));
        // assessments are the region's own: the city's are not its counties'
        lineage.assertValue("140802|10|assessments", "region_rows", keysOf("assessments", "140802"));
        lineage.assertValue("140800|10|assessments", "region_rows", keysOf("assessments", "140800"));
        lineage.assertValue("140000|10|assessments", "status", "not_assessed");
        lineage.assertValue("140000|10|assessments", "region_rows", 0);
        // national figures name no region
        lineage.assertValue("140802|1|national", "region_rows", null);
        lineage.assertValue("140802|1|national", "region_rows_set_aside", null);
    }

    /** Distinct keys (by the extract's schema) of the given rows of these regions: the latest rows, one per key. */
    private static long keysOf(String extract, String... regions) throws Exception {
        List<String> key = SchemaCatalog.load().get(extract).key();
        Set<List<String>> keys = new java.util.HashSet<>();
        try (Stream<Path> files = Files.list(GoldenData.GIVEN.resolve(extract))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(Files.newBufferedReader(f))) {
                    for (CSVRecord r : csv) {
                        if (List.of(regions).contains(r.get("region_code"))) {
                            keys.add(key.stream().map(r::get).toList());
                        }
                    }
                }
            }
        }
        assertFalse(keys.isEmpty(), "no rows of " + extract + " in " + List.of(regions) + ": the check would prove nothing");
        return keys.size();
    }

    /** Item 4 counts operators above the threshold of the region's zone: the detail keeps both, as they were. */
    @Test
    void lineageOfItem4SaysTheZoneAndTheThresholdInYuan() throws Exception {
        WarehouseRows basis = WarehouseRows.query(jdbcUrl, "item_lineage", "SELECT region_code, detail -> 'basis' ->> 'economic_zone'"
                + " AS zone, detail -> 'basis' ->> 'above_scale_threshold_yuan' AS threshold FROM netmarket.item_lineage"
                + " WHERE eval_year = 2024 AND indicator_code = '4' AND extract = 'operators'", "region_code");
        basis.assertValue("140802", "zone", "central");
        basis.assertValue("140802", "threshold", "100000000");
        basis.assertValue("140800", "threshold", "100000000");
    }

    /**
     * The city's figures: its own row where it has one (employment 2024), else its counties' sum,
     * which the detail says (retail but for 2024-12, tax, market entities: given/ has no city rows).
     */
    @Test
    void lineageSaysWhichOfTheCitysFiguresAreItsCountiesSums() throws Exception {
        WarehouseRows summed = WarehouseRows.query(jdbcUrl, "indicator_score", "SELECT region_code, indicator_code,"
                + " detail -> 'basis' ->> 'summed_from_children' AS summed FROM netmarket.indicator_score"
                + " WHERE eval_year = 2024 AND indicator_code IN ('1', '2', '3', '6', '7', '8') AND region_code IN ('140800', '140802')",
                "region_code", "indicator_code");
        summed.assertValue("140800|1", "summed", "retail");
        summed.assertValue("140800|2", "summed", "retail");
        summed.assertValue("140800|3", "summed", "market-entities");
        summed.assertValue("140800|6", "summed", "retail");
        summed.assertValue("140800|7", "summed", null);
        summed.assertValue("140800|8", "summed", "tax");
        for (String item : List.of("1", "3", "6", "7", "8")) {
            summed.assertValue("140802|" + item, "summed", null);
        }
    }

    @Test
    void lineageOfAnAssessedItemNamesTheAssessmentFiles() throws Exception {
        WarehouseRows lineage = WarehouseRows.query(jdbcUrl, "item_lineage",
                "SELECT * FROM netmarket.item_lineage WHERE eval_year = 2024", "region_code", "indicator_code", "extract");
        // 盐湖区 item 10: the later of its two versions (2 points) — see expect/assessed-items.md
        lineage.assertValue("140802|10|assessments", "points", 2);
        lineage.assertValue("140802|10|assessments", "status", "scored");
        lineage.assertValue("140802|10|assessments", "extract_name_zh", "专家评估打分");
        try (var lines = Files.lines(GoldenData.GIVEN.resolve("assessments/assessments-2024.csv"))) {
            lineage.assertValue("140802|10|assessments", "rows_read", lines.count() - 1);
        }
        // not assessed: the files it was looked for in
        lineage.assertValue("140821|16|assessments", "status", "not_assessed");
        for (String key : List.of("140802|10|assessments", "140821|16|assessments")) {
            String files = lineage.row(key).get("files").toString();
            org.junit.jupiter.api.Assertions.assertTrue(files.contains("assessments/assessments-2024.csv"), key + ": " + files);
        }
    }

}
