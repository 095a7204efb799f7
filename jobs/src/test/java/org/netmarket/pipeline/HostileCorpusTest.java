package org.netmarket.pipeline;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.rules.Reason;
import org.netmarket.rules.ReasonAssertions;
import org.netmarket.testing.GoldenExpectation;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.RunReports;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real job on the hostile delivery corpus ({@code src/test/resources/hostile}, see its
 * README): every broken row is set aside with exactly the file, line, column and reason written
 * by hand in {@code expect/quarantine.csv}, in the warehouse and in the run folder's
 * quarantine.csv; every file is reported with its encoding and extra columns; and the same facts
 * as the golden delivery, hostile as they are, publish the golden hand-derived 2024 scores. A
 * file lacking a required column stops the run before anything is published.
 */
class HostileCorpusTest {
    static final Path HOSTILE = Path.of("jobs/src/test/resources/hostile");

    @TempDir
    static Path reports;

    /** Quarantined share of the hostile regions.csv (4 of 8 rows), the threshold the corpus is run with. */
    static final BigDecimal REGIONS_SHARE = new BigDecimal("0.5");

    static String jdbcUrl;
    static JobRunner.Result run;
    static Path runFolder;

    /** One quarantined row: where, the column at fault ("" for the row as a whole), why, and the raw text. */
    record Quarantined(String column, String reason, String rawLine) {
    }

    @BeforeAll
    static void runTheJobOnTheHostileCorpus() {
        jdbcUrl = TestingPostgres.server().createWarehouse();
        // regions.csv breaks each of its rules once in 8 rows (50% quarantined); every other
        // extract stays below the default 5%, which everyExtractButRegionsStaysWithinTheDefaultThreshold checks.
        run = JobRunner.run(reports, "run", "--data", HOSTILE.resolve("given").toString(), "--year", "2024",
                "--jdbc-url", jdbcUrl, "--wait-for-lock", "0", "--quarantine-threshold", REGIONS_SHARE.toPlainString());
        assertEquals(ExitCodes.OK, run.exitCode(), "every extract stays within the threshold, so the run publishes:\n"
                + run.output());
        Matcher m = Pattern.compile("Run folder \\(run\\.log, quarantine\\.csv, inputs\\.csv, changes\\.csv\\): (.+)").matcher(run.output());
        assertTrue(m.find(), run.output());
        runFolder = Path.of(m.group(1).trim());
    }

    // ---- the quarantine ---------------------------------------------------------------------

    @Test
    void everyBrokenRowIsSetAsideInTheWarehouseWithItsLineColumnAndReason() throws Exception {
        WarehouseRows rows = quarantinedRows();
        Map<String, Quarantined> actual = new TreeMap<>();
        rows.all().forEach((key, r) -> actual.put(key, new Quarantined((String) r.get("column_name"), (String) r.get("reason"),
                (String) r.get("raw_line"))));
        assertSameQuarantine("netmarket.quarantined_row", actual);
    }

    /**
     * The clerk reads each reason in Chinese too: every one says what its English says, and those
     * written by Spark after the rows were read (a conflict, a reference that does not resolve)
     * read exactly so.
     */
    @Test
    void everySetAsideRowHasItsReasonInChinese() throws Exception {
        WarehouseRows rows = quarantinedRows();
        rows.all().values().forEach(r -> ReasonAssertions.assertSaysTheSameInChinese(
                Reason.of((String) r.get("reason"), (String) r.get("reason_zh"))));
        rows.assertValue("national|national/nbs.csv|265", "reason_zh", "版本冲突：本行与另一行（national/2025-02-bulletin.csv"
                + " 第 11 行）的键相同（year=2021, metric=odr_settlement_rate），reported_at 也相同（2022-02-28），但 value 不同；两行都已隔离");
        rows.assertValue("operator-sales|operator-sales/sales.csv|12", "reason_zh", "operator_id 91140802MA0009004H"
                + " 在网络交易经营者名录（operators）中的行（operators/operators.csv 第 12 行）已被隔离，本行无法确定所属地区");
        rows.assertValue("regions|regions.csv|6", "reason_zh", "“14082”不是 6 位行政区划代码（GB/T 2260）");
    }

    @Test
    void theQuarantineReportNextToTheRunLogListsTheSameRows() throws Exception {
        Map<String, Quarantined> actual = new TreeMap<>();
        Map<String, Object> warehouseZh = new TreeMap<>();
        quarantinedRows().all().forEach((key, r) -> warehouseZh.put(key, r.get("reason_zh")));
        for (CSVRecord r : quarantineReport()) {
            String key = r.get("extract") + "|" + r.get("file") + "|" + r.get("line");
            if (actual.put(key, new Quarantined(r.get("column"), r.get("reason"), r.get("raw_line"))) != null) {
                fail("quarantine.csv lists " + key + " twice");
            }
            assertEquals(warehouseZh.get(key), r.get("reason_zh"), key + ": the report's Chinese reason is the warehouse's");
        }
        assertSameQuarantine("quarantine.csv", actual);
    }

    private static WarehouseRows quarantinedRows() throws Exception {
        return WarehouseRows.query(jdbcUrl, "quarantined_row",
                "SELECT extract, file, line, column_name, reason, reason_zh, raw_line FROM netmarket.quarantined_row WHERE run_id = 1",
                "extract", "file", "line");
    }

    private static List<CSVRecord> quarantineReport() throws IOException {
        return RunReports.records(runFolder.resolve("quarantine.csv"));
    }

    /**
     * A county finds its own set-aside rows: the region of each, read by hand from the raw lines
     * of expect/quarantine.csv (whose files put region_code in other places than the contract).
     */
    @Test
    void aSetAsideRowCarriesTheRegionItNamesWhenTheRunKnowsIt() throws Exception {
        WarehouseRows rows = WarehouseRows.query(jdbcUrl, "quarantined_row",
                "SELECT extract, file, line, region_code FROM netmarket.quarantined_row WHERE run_id = 1",
                "extract", "file", "line");
        rows.assertValue("dispatches|dispatches/dispatches-2024.csv|17", "region_code", "140802");
        rows.assertValue("operators|operators/operators.csv|209", "region_code", "140821");
        rows.assertValue("express|express/express.csv|80", "region_code", "140802"); // a conflicting version
        rows.assertValue("operators|operators/operators.csv|331", "region_code", null); // '运城市', not a code
        rows.assertValue("operators|operators/operators.csv|329", "region_code", null); // quoting broken: no fields
        rows.assertValue("dispatches|dispatches/dispatches-2024.csv|25", "region_code", null); // 330102, not in regions.csv
        rows.assertValue("operator-sales|operator-sales/sales.csv|11", "region_code", null); // sales: their operator's
        rows.assertValue("regions|regions.csv|8", "region_code", null); // the tree's own rows
        Map<String, String> report = new TreeMap<>();
        for (CSVRecord r : quarantineReport()) {
            report.put(r.get("extract") + "|" + r.get("file") + "|" + r.get("line"), r.get("region_code"));
        }
        assertEquals("140821", report.get("operators|operators/operators.csv|209"), "quarantine.csv has the column too");
        assertEquals("", report.get("operators|operators/operators.csv|331"));
    }

    /**
     * The dashboard's count of set-aside rows adds up to the quarantine, and regions.csv's four
     * broken rows (lines 6 to 9 of expect/quarantine.csv, one broken column each, no region of
     * their own) are four groups of one with their own reason as the example.
     */
    @Test
    void theSetAsideRowsAreCountedPerRunExtractRegionAndColumnForADashboard() throws Exception {
        WarehouseRows groups = WarehouseRows.query(jdbcUrl, "bi_set_aside_rows",
                "SELECT * FROM netmarket.bi_set_aside_rows WHERE run_id = 1", "extract", "region_code", "column_name");
        Map<String, Quarantined> expected = expectedQuarantine();
        long counted = groups.all().values().stream().mapToLong(r -> ((Number) r.get("rows_set_aside")).longValue()).sum();
        assertEquals(expected.size(), counted, "every set-aside row is counted once");
        String[][] regions = {{"6", "region_code"}, {"7", "level"}, {"8", "economic_zone"}, {"9", "region_name"}};
        for (String[] r : regions) {
            String key = "regions|null|" + r[1];
            groups.assertValue(key, "rows_set_aside", 1);
            groups.assertValue(key, "example_file", "regions.csv");
            groups.assertValue(key, "example_line", Long.parseLong(r[0]));
            groups.assertValue(key, "example_reason", expected.get("regions|regions.csv|" + r[0]).reason());
            groups.assertValue(key, "example_reason_zh", quarantinedRows().row("regions|regions.csv|" + r[0]).get("reason_zh"));
            groups.assertValue(key, "region_name", null);
            groups.assertValue(key, "extract_name_zh", "行政区划");
        }
        // A county's group is named: the operators of 临猗县 include line 209.
        Map<String, Object> linyi = groups.all().values().stream()
                .filter(g -> "operators".equals(g.get("extract")) && "140821".equals(g.get("region_code")))
                .findFirst().orElseThrow(() -> new AssertionError("no set-aside operators of 140821"));
        assertEquals("临猗县", linyi.get("region_name"));
        assertEquals("网络交易经营者名录", linyi.get("extract_name_zh"));
        assertEquals("140800", linyi.get("parent_region_code"));
        for (Map<String, Object> g : groups.all().values()) {
            assertEquals(true, g.get("is_latest_run"), "run 1 is the only run: " + g);
            assertEquals("succeeded", g.get("run_status"));
            assertEquals("adhoc", g.get("run_mode"));
        }
    }

    /** Compares row by row, naming every missing, unexpected or different row at once. */
    private static void assertSameQuarantine(String where, Map<String, Quarantined> actual) throws IOException {
        Map<String, Quarantined> expected = expectedQuarantine();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Quarantined> e : expected.entrySet()) {
            Quarantined a = actual.get(e.getKey());
            Quarantined x = e.getValue();
            if (a == null) {
                problems.add("missing " + e.getKey() + " [" + x.column() + "] " + x.reason());
                continue;
            }
            if (!x.column().equals(Objects.toString(a.column(), ""))) {
                problems.add(e.getKey() + ": column " + a.column() + ", expected " + x.column());
            }
            if (!x.reason().equals(a.reason())) {
                problems.add(e.getKey() + ": reason\n      was      " + a.reason() + "\n      expected " + x.reason());
            }
            // Every set-aside row shows the clerk its line as delivered, conflicts and unknown
            // references (found after reading) included.
            if (!x.rawLine().equals(Objects.toString(a.rawLine(), ""))) {
                problems.add(e.getKey() + ": raw line\n      was      " + a.rawLine() + "\n      expected " + x.rawLine());
            }
        }
        for (Map.Entry<String, Quarantined> a : actual.entrySet()) {
            if (!expected.containsKey(a.getKey())) {
                problems.add("unexpected " + a.getKey() + " [" + a.getValue().column() + "] " + a.getValue().reason());
            }
        }
        if (!problems.isEmpty()) {
            fail(where + " differs from expect/quarantine.csv in " + problems.size() + " place(s):\n  " + String.join("\n  ", problems));
        }
        assertEquals(expected.size(), actual.size());
    }

    private static Map<String, Quarantined> expectedQuarantine() throws IOException {
        Map<String, Quarantined> out = new TreeMap<>();
        for (CSVRecord r : csv(HOSTILE.resolve("expect/quarantine.csv"))) {
            out.put(r.get("extract") + "|" + r.get("file") + "|" + r.get("line"),
                    new Quarantined(r.get("column"), r.get("reason"), r.get("raw_line")));
        }
        return out;
    }

    @Test
    void everyExtractButRegionsStaysWithinTheDefaultThreshold() throws Exception {
        WarehouseRows extracts = WarehouseRows.query(jdbcUrl, "run_extract",
                "SELECT * FROM netmarket.run_extract WHERE run_id = 1", "extract");
        extracts.assertValue("regions", "rows_read", 8);
        extracts.assertValue("regions", "rows_quarantined", 4);
        for (Map.Entry<String, Map<String, Object>> e : extracts.all().entrySet()) {
            long read = ((Number) e.getValue().get("rows_read")).longValue();
            long quarantined = ((Number) e.getValue().get("rows_quarantined")).longValue();
            if (!e.getKey().equals("regions")) {
                assertTrue(BigDecimal.valueOf(quarantined).compareTo(new BigDecimal("0.05").multiply(BigDecimal.valueOf(read))) <= 0,
                        "extract " + e.getKey() + ": " + quarantined + " of " + read + " rows quarantined, more than 5%");
            }
        }
    }

    @Test
    void aRowWithALineBreakInsideAQuotedFieldIsShownWholeAndLaterLinesStayRight() throws Exception {
        // The operator whose name spans two lines (盐湖区 / 某网店) is the file's last row; two
        // names with line breaks (one LF, one CRLF) come before it, so its line is the count of
        // physical lines before it plus one, not the count of records plus one.
        WarehouseRows rows = WarehouseRows.query(jdbcUrl, "quarantined_row",
                "SELECT * FROM netmarket.quarantined_row WHERE run_id = 1 AND extract = 'operators' AND reason LIKE '''shop''%'",
                "line");
        assertEquals(1, rows.size());
        Map<String, Object> row = rows.all().values().iterator().next();
        String raw = (String) row.get("raw_line");
        assertTrue(raw.contains("\"盐湖区\n某网店\""), raw);
        byte[] bytes = Files.readAllBytes(HOSTILE.resolve("given/operators/operators.csv"));
        String text = new String(bytes, org.netmarket.staging.FileEncoding.GB18030);
        long physicalLines = text.chars().filter(c -> c == '\n').count();
        // the row takes the last two physical lines of the file
        assertEquals(physicalLines - 1, ((Number) row.get("line")).longValue());
        assertTrue(text.endsWith(raw + "\r\n"), "the raw line is the row exactly as delivered");
    }

    @Test
    void conflictingVersionsSetBothRowsAsideAndIdenticalRowsCollapse() throws Exception {
        WarehouseRows extracts = WarehouseRows.query(jdbcUrl, "run_extract",
                "SELECT * FROM netmarket.run_extract WHERE run_id = 1", "extract");
        extracts.assertValue("national", "conflicting_keys", 1);
        extracts.assertValue("express", "conflicting_keys", 1);
        extracts.assertValue("operator-sales", "conflicting_keys", 1);
        for (String e : List.of("retail", "dispatches", "complaints", "operators", "assessments")) {
            extracts.assertValue(e, "conflicting_keys", 0);
        }
        // express: 72 golden months + 192 months of 2012-2019 are the keys; the row delivered twice
        // collapses, and the conflicting key 2015-06 is used by nobody
        extracts.assertValue("express", "rows_used", 72 + 192 - 1);
        // dispatches: 24 golden + 200 of 2015; the re-delivered A-IC-0 collapses, B-IC-2's later version wins
        extracts.assertValue("dispatches", "rows_used", 24 + 200);
        // complaints: 21 golden (A-C-BAD is quarantined) + 200 of 2015; A-C-3 delivered twice
        extracts.assertValue("complaints", "rows_used", 21 + 200);
    }

    // ---- files: encodings, extra columns, counts --------------------------------------------

    @Test
    void everyFileIsReportedWithItsEncodingExtraColumnsAndCounts() throws Exception {
        WarehouseRows files = WarehouseRows.query(jdbcUrl, "run_input_file",
                "SELECT * FROM netmarket.run_input_file WHERE run_id = 1", "path");
        List<CSVRecord> expected = csv(HOSTILE.resolve("expect/inputs.csv"));
        assertEquals(expected.size(), files.size(), "one row per delivered file");
        Map<String, CSVRecord> report = new LinkedHashMap<>();
        for (CSVRecord r : RunReports.records(runFolder.resolve("inputs.csv"))) {
            report.put(r.get("path"), r);
        }
        for (CSVRecord e : expected) {
            String path = e.get("path");
            List<String> extra = e.get("extra_columns").isEmpty() ? List.of() : Arrays.asList(e.get("extra_columns").split(" "));
            files.assertValue(path, "extract", e.get("extract"));
            files.assertValue(path, "encoding", e.get("encoding"));
            files.assertValue(path, "extra_columns", extra);
            files.assertValue(path, "rows_read", Long.valueOf(e.get("rows_read")));
            files.assertValue(path, "rows_quarantined", Long.valueOf(e.get("rows_quarantined")));
            files.assertValue(path, "problem", null);
            CSVRecord r = report.get(path);
            assertEquals(e.get("encoding"), r.get("encoding"), "inputs.csv " + path);
            assertEquals(e.get("extra_columns"), r.get("extra_columns"), "inputs.csv " + path);
            assertEquals(e.get("rows_read"), r.get("rows_read"), "inputs.csv " + path);
        }
    }

    @Test
    void theRunLogSaysWhichFilesWereReadAsGb18030AndWhichColumnsWereIgnored() throws Exception {
        String log = Files.readString(runFolder.resolve("run.log"), StandardCharsets.UTF_8);
        List<CSVRecord> expected = csv(HOSTILE.resolve("expect/inputs.csv"));
        // The corpus must hold both kinds of file, or the loop below checks nothing of them.
        assertTrue(expected.stream().anyMatch(e -> e.get("encoding").equals("GB18030")), "a GB18030 file in the corpus");
        assertTrue(expected.stream().anyMatch(e -> !e.get("extra_columns").isEmpty() && !e.get("extract").equals("regions")),
                "an extract file with extra columns in the corpus");
        for (CSVRecord e : expected) {
            boolean gb = e.get("encoding").equals("GB18030");
            boolean said = log.contains(e.get("path") + " is not valid UTF-8, read as GB18030");
            // regions.csv is read on the driver, which logs neither (it is UTF-8 with BOM here)
            assertEquals(gb, said, e.get("path") + ": GB18030 in the run log");
            if (!e.get("extra_columns").isEmpty() && !e.get("extract").equals("regions")) {
                assertTrue(log.contains(e.get("path") + " has columns the contract does not know (ignored): "
                        + String.join(", ", e.get("extra_columns").split(" "))), e.get("path") + ": extra columns in the run log");
            }
        }
    }

    @Test
    void theRunIsRecordedAsSucceededWithItsTotals() throws Exception {
        WarehouseRows runs = WarehouseRows.query(jdbcUrl, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        assertEquals(1, runs.size());
        long read = 0;
        for (CSVRecord e : csv(HOSTILE.resolve("expect/inputs.csv"))) {
            read += Long.parseLong(e.get("rows_read"));
        }
        runs.assertValue("1", "status", "succeeded");
        runs.assertValue("1", "rows_read", read);
        runs.assertValue("1", "rows_quarantined", expectedQuarantine().size());
    }

    // ---- the scores ---------------------------------------------------------------------------

    /** The golden counties; the regions above them are below {@link #regionsSetAsideAreADataErrorOfTheRegionsAboveThem}. */
    private static final List<String> COUNTIES = List.of("140802", "140821");

    /** Same facts as the golden delivery: its hand-derived values are the expectation, for the counties. */
    @Test
    void theSameFactsInHostileFormattingPublishTheGoldenScores() throws Exception {
        List<CSVRecord> computed = GoldenExpectation.assertComputedItems(jdbcUrl, COUNTIES);
        assertTrue(computed.size() > 40, "the golden expectation covers every computed item of both counties");
        GoldenExpectation.assertCategories(jdbcUrl, COUNTIES);
        GoldenExpectation.assertEvaluations(jdbcUrl, COUNTIES);
    }

    /**
     * An item without its input names the rows of its extract set aside about the region: 临猗县's
     * item 7 lacks its 2024 employment figure, and two of its employment rows (lines 7 and 8, of
     * 2024 and 2022) were set aside, which is where a clerk should look first.
     */
    @Test
    void anItemWithoutItsInputNamesTheRowsSetAsideAboutTheRegion() throws Exception {
        WarehouseRows published = WarehouseRows.query(jdbcUrl, "indicator_score",
                "SELECT * FROM netmarket.indicator_score WHERE eval_year = 2024", "region_code", "indicator_code");
        published.assertValue("140821|7", "status", "missing_data");
        String reason = String.valueOf(published.row("140821|7").get("reason"));
        assertTrue(reason.endsWith("; 2 rows of employment about 140821 or a region below it were set aside (see the quarantine"
                + " report)"), reason);
        assertTrue(String.valueOf(published.row("140821|7").get("reason_zh")).contains("中有 2 行涉及地区 140821"),
                String.valueOf(published.row("140821|7").get("reason_zh")));
    }

    /**
     * The four rows of regions.csv set aside below the city (lines 6-9) leave their regions' rows
     * out of what the city and the province count of their counties: every computed item of
     * theirs is a data error naming the rows (missing data would stay missing data, which comes
     * first), not the golden figure computed without them — but item 7, from the city's own rows.
     */
    @Test
    void regionsSetAsideAreADataErrorOfTheRegionsAboveThem() throws Exception {
        WarehouseRows published = WarehouseRows.query(jdbcUrl, "indicator_score",
                "SELECT * FROM netmarket.indicator_score WHERE eval_year = 2024", "region_code", "indicator_code");
        List<CSVRecord> above = GoldenExpectation.computedItems(List.of("140800", "140000"));
        assertTrue(above.size() > 40, "every computed item of the city and the province");
        for (CSVRecord e : above) {
            String key = e.get("region_code") + "|" + e.get("code");
            if (e.get("code").equals("7")) {
                // The city's own employment rows: no sum of its counties, and the province sums the city's.
                published.assertValue(key, "status", e.get("status"));
                published.assertValue(key, "points", new BigDecimal(e.get("points")));
                continue;
            }
            boolean missing = e.get("status").equals("missing_data");
            published.assertValue(key, "status", missing ? "missing_data" : "data_error");
            published.assertValue(key, "points", BigDecimal.ZERO);
            assertEquals(!missing, String.valueOf(published.row(key).get("reason")).contains("regions.csv lines 6 (region 14082),"
                    + " 7 (region 140899), 8 (region 140898) and 9 (region 140897), below "), key + ": " + published.row(key));
        }
    }

    // ---- a missing required column ------------------------------------------------------------

    @Test
    void aFileWithoutARequiredColumnStopsTheRunNamingFileAndColumnAndPublishesNothing() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", HOSTILE.resolve("missing-column").toString(),
                "--year", "2024", "--jdbc-url", url, "--wait-for-lock", "0");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        String problem = "complaints/complaints-2024.csv: header (line 1) lacks required column close_due; extract complaints needs "
                + "complaint_id, region_code, channel, received_at, initial_review_due, initial_reviewed_at, close_due, closed_at, "
                + "mediation, satisfaction, odr_settled, updated_at";
        assertTrue(r.output().contains(problem), r.output());

        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        assertEquals(1, runs.size());
        runs.assertValue("1", "status", "failed");
        assertTrue(String.valueOf(runs.row("1").get("error")).contains(problem), String.valueOf(runs.row("1").get("error")));
        WarehouseRows files = WarehouseRows.query(url, "run_input_file", "SELECT * FROM netmarket.run_input_file", "path");
        files.assertValue("complaints/complaints-2024.csv", "problem", problem);
        // The clerk's dashboard says it in Chinese: the file, the column missing and those needed.
        String problemZh = "complaints/complaints-2024.csv：表头（第 1 行）缺少必需的列 close_due；12315网络消费投诉（complaints）"
                + "需要以下各列：complaint_id、region_code、channel、received_at、initial_review_due、initial_reviewed_at、"
                + "close_due、closed_at、mediation、satisfaction、odr_settled、updated_at";
        files.assertValue("complaints/complaints-2024.csv", "problem_zh", problemZh);
        runs.assertValue("1", "error_zh", problemZh);
        files.assertValue("dispatches/dispatches-2024.csv", "problem_zh", null);
        files.assertValue("complaints/complaints-2024.csv", "encoding", "GB18030");
        files.assertValue("complaints/complaints-2024.csv", "rows_read", 0);
        files.assertValue("dispatches/dispatches-2024.csv", "problem", null);
        for (String table : List.of("indicator_score", "category_score", "evaluation_result", "indicator_score_history")) {
            WarehouseRows.query(url, table, "SELECT 'all' AS k, count(*) AS n FROM netmarket." + table, "k")
                    .assertValue("all", "n", 0);
        }
    }

    private static List<CSVRecord> csv(Path p) throws IOException {
        return GoldenExpectation.csv(p);
    }
}
