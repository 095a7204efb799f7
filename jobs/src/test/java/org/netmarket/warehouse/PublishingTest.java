package org.netmarket.warehouse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.report.RunSummary;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestFiles;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing against a real PostgreSQL: idempotent, scoped by region and item, history kept,
 * nothing published when the input is bad, one run at a time, no credentials in the open.
 */
class PublishingTest {
    @TempDir
    Path reports;

    private static final String CURRENT_ITEMS = "SELECT * FROM netmarket.indicator_score WHERE eval_year = 2024";

    /** A new database and a copy of the golden delivery, published for 2024. */
    private record Published(String url, Path data) {
    }

    /** Where {@link #publishGolden2024} keeps the delivery it published (one path: the warehouse records it). */
    @TempDir
    static Path shared;
    /** The database of the golden delivery published for 2024, frozen; null until a test needs it. */
    private static String golden2024;

    /**
     * A copy of the golden delivery published for 2024 into a new database: the start of a
     * recomputation. Published once per class and copied for each test (a run takes seconds),
     * with a fresh copy of the delivery at the path the publication recorded as its data
     * directory: the tests of a class run one after another.
     */
    private Published publishGolden2024() throws IOException {
        Path data = shared.resolve("golden");
        if (Files.exists(data)) {
            TestFiles.deleteTree(data);
        }
        GoldenData.copyTo(data);
        if (golden2024 == null) {
            String url = TestingPostgres.server().createWarehouse();
            JobRunner.Result published = JobRunner.run(shared.resolve("reports"), "run", "--data", data.toString(),
                    "--jdbc-url", url, "--year", "2024");
            assertEquals(ExitCodes.OK, published.exitCode(), published.output());
            golden2024 = TestingPostgres.server().freeze(url);
        }
        return new Published(TestingPostgres.server().copyOf(golden2024), data);
    }

    private static long latestRunId(String url) throws SQLException {
        return ((Number) WarehouseRows.query(url, "pipeline_run", "SELECT max(run_id) AS id FROM netmarket.pipeline_run", "id")
                .all().values().iterator().next().get("id")).longValue();
    }

    private JobRunner.Result run(String url, Path data, String... extra) {
        String[] args = new String[extra.length + 6];
        args[0] = "--data";
        args[1] = data.toString();
        args[2] = "--jdbc-url";
        args[3] = url;
        args[4] = "--wait-for-lock";
        args[5] = "0";
        System.arraycopy(extra, 0, args, 6, extra.length);
        return JobRunner.run(reports, "run", args);
    }

    @Test
    void sameInputsTwiceLeaveIdenticalCurrentRows() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        assertEquals(ExitCodes.OK, run(url, GoldenData.GIVEN, "--year", "2024").exitCode());
        WarehouseRows first = WarehouseRows.query(url, "indicator_score", CURRENT_ITEMS, "region_code", "indicator_code");
        assertEquals(GoldenData.SCORE_ROWS, first.size(), "indicator_score rows of the first run, the rows compared below");
        // Every point of every table with one decimal: a dashboard shows 13.0 next to 16.5.
        WarehouseRows scales = WarehouseRows.query(url, "points", "SELECT DISTINCT scale(points) AS scale FROM ("
                + "SELECT points FROM netmarket.indicator_score UNION ALL SELECT max_points FROM netmarket.indicator_score"
                + " UNION ALL SELECT points FROM netmarket.category_score UNION ALL SELECT total_points FROM netmarket.evaluation_result"
                + ") p", "scale");
        assertEquals(Set.of("1"), scales.all().keySet());
        assertEquals(ExitCodes.OK, run(url, GoldenData.GIVEN, "--year", "2024").exitCode());
        WarehouseRows second = WarehouseRows.query(url, "indicator_score", CURRENT_ITEMS, "region_code", "indicator_code");
        assertEquals(first.size(), second.size(), "no duplicates after a second run");
        for (var e : first.all().entrySet()) {
            Map<String, Object> a = e.getValue();
            Map<String, Object> b = second.row(e.getKey());
            for (String column : a.keySet()) {
                if (!column.equals("run_id")) {
                    assertTrue(Objects.equals(String.valueOf(a.get(column)), String.valueOf(b.get(column))),
                            "indicator_score row " + e.getKey() + " column " + column + ": " + a.get(column) + " vs " + b.get(column));
                }
            }
            assertNotEquals(a.get("run_id"), b.get("run_id"), "the current row comes from the second run");
        }
        // both versions stay queryable; nothing changed between them
        WarehouseRows history = WarehouseRows.query(url, "history",
                "SELECT run_id, count(*) AS n FROM netmarket.indicator_score_history GROUP BY run_id", "run_id");
        assertEquals(2, history.size());
        WarehouseRows changes = WarehouseRows.query(url, "score_change", "SELECT * FROM netmarket.score_change", "region_code", "indicator_code");
        assertEquals(0, changes.size());
    }

    @Test
    void recomputingOneRegionAndIndicatorLeavesTheRestUntouchedAndShowsTheDifference() throws Exception {
        Published golden = publishGolden2024();
        String url = golden.url();
        Path data = golden.data();
        WarehouseRows before = WarehouseRows.query(url, "indicator_score", CURRENT_ITEMS, "region_code", "indicator_code");
        long firstRun = ((Number) before.row("140802|19.1").get("run_id")).longValue();

        // A re-delivery revises the late monitoring lead of 盐湖区: verified on time after all.
        Files.writeString(data.resolve("dispatches/dispatches-revision.csv"),
                "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at\n"
                        + "A-ML-9,140802,monitoring_lead,2024-07-01 09:00:00,2024-07-10 18:00:00,2024-07-10 17:00:00,"
                        + "2024-07-20 09:00:00,2025-02-01 09:00:00\n", StandardCharsets.UTF_8);
        JobRunner.Result recompute = run(url, data, "--year", "2024", "--regions", "140802", "--items", "19");
        assertEquals(ExitCodes.OK, recompute.exitCode(), recompute.output());

        WarehouseRows after = WarehouseRows.query(url, "indicator_score", CURRENT_ITEMS, "region_code", "indicator_code");
        assertEquals(before.size(), after.size());
        // 10 of 10 on time now: 19.1 scores 1, indicator 19 = 2
        after.assertValue("140802|19.1", "points", 1);
        after.assertValue("140802|19", "points", 2);
        long secondRun = ((Number) after.row("140802|19.1").get("run_id")).longValue();
        assertNotEquals(firstRun, secondRun);
        for (var e : after.all().entrySet()) {
            boolean recomputed = e.getKey().startsWith("140802|19");
            long runId = ((Number) e.getValue().get("run_id")).longValue();
            assertEquals(recomputed ? secondRun : firstRun, runId, "indicator_score row " + e.getKey() + " run_id");
        }
        // The city was not recomputed: it keeps its published 19.1 although its facts changed too.
        after.assertValue("140800|19.1", "points", 0);
        // 盐湖区's category and total combine the new item with the published ones: 86 + 1
        WarehouseRows evaluation = WarehouseRows.query(url, "evaluation_result",
                "SELECT * FROM netmarket.evaluation_result WHERE eval_year = 2024", "region_code");
        evaluation.assertValue("140802", "total_points", 87);
        evaluation.assertValue("140802", "run_id", secondRun);
        evaluation.assertValue("140800", "run_id", firstRun);
        WarehouseRows categories = WarehouseRows.query(url, "category_score",
                "SELECT * FROM netmarket.category_score WHERE eval_year = 2024", "region_code", "category_code");
        categories.assertValue("140802|regulation.enforcement", "points", 7);
        // What was published before stays queryable, and the change is listed.
        WarehouseRows changes = WarehouseRows.query(url, "score_change", "SELECT * FROM netmarket.score_change",
                "region_code", "indicator_code");
        assertEquals(2, changes.size(), "19.1 and indicator 19 of 盐湖区 changed");
        changes.assertValue("140802|19.1", "previous_points", 0);
        changes.assertValue("140802|19.1", "points", 1);
        changes.assertValue("140802|19.1", "previous_run_id", firstRun);
        changes.assertValue("140802|19", "points_change", 1);
        // Only the item adds up to the total's change (86 -> 87); the indicator repeats it.
        changes.assertValue("140802|19.1", "is_item", true);
        changes.assertValue("140802|19", "is_item", false);
        // The run prints the changes it published, the same as the view lists.
        assertTrue(recompute.output().contains("Changes against what was published before (2: 2 in points or status, 0 in the value only;"), recompute.output());
        assertTrue(recompute.output().contains("140802 2024 item      19.1  0.0 -> 1.0  value 0.9 -> 1\n"), recompute.output());
        assertTrue(recompute.output().contains("140802 2024 indicator 19    1.0 -> 2.0"), recompute.output());
        // Why each version had its points: the replaced one was computed without the revision file.
        WarehouseRows lineage = WarehouseRows.query(url, "item_lineage_history", "SELECT run_id, value, files::text AS files "
                + "FROM netmarket.item_lineage_history WHERE region_code = '140802' AND indicator_code = '19.1'", "run_id");
        lineage.assertValue(String.valueOf(firstRun), "value", "0.9");
        lineage.assertValue(String.valueOf(secondRun), "value", 1);
        assertFalse(lineage.row(String.valueOf(firstRun)).get("files").toString().contains("dispatches-revision.csv"));
        assertTrue(lineage.row(String.valueOf(secondRun)).get("files").toString().contains("dispatches-revision.csv"));
    }

    /** The scorecard line of a region in a run's output. */
    private static String scorecardLine(JobRunner.Result r, String region) {
        return r.output().lines().filter(l -> l.startsWith(region + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no scorecard line of " + region + " in " + r.output()));
    }

    /** The line of an item in the list of items recomputed (--items), which follows the scorecard. */
    private static String recomputedItemLine(JobRunner.Result r, String item) {
        List<String> lines = r.output().lines().dropWhile(l -> !l.startsWith("Items recomputed (")).toList();
        return lines.stream().filter(l -> l.startsWith("    " + item + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line of item " + item + " among the items recomputed in " + r.output()));
    }

    @Test
    void aDryRunOfSomeItemsPreviewsWhatPublishingThemWouldDo() throws Exception {
        Published golden = publishGolden2024();
        String url = golden.url();
        Path data = golden.data();
        // 盐湖区's 19.1 is revised to on time (0 -> 1 point), and the training extract goes missing,
        // which a full recompute would turn into 38.2 missing_data (1 -> 0 point): 19 alone moves.
        Files.writeString(data.resolve("dispatches/dispatches-revision.csv"),
                "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at\n"
                        + "A-ML-9,140802,monitoring_lead,2024-07-01 09:00:00,2024-07-10 18:00:00,2024-07-10 17:00:00,"
                        + "2024-07-20 09:00:00,2025-02-01 09:00:00\n", StandardCharsets.UTF_8);
        try (var files = Files.list(data.resolve("training"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(data.resolve("training"));
        JobRunner.Result preview = run(url, data, "--year", "2024", "--regions", "140802", "--items", "19", "--dry-run");
        assertEquals(ExitCodes.OK, preview.exitCode(), preview.output());
        String log = JobRunner.lastRunLog(reports);
        assertEquals(1, log.lines().filter(l -> l.contains("WARN") && l.contains("--regions: the regions above them (140800 运城市, "
                + "140000 山西省)")).count(), "the city and province left out of step are named once: " + log);
        assertEquals(1, WarehouseRows.query(url, "pipeline_run", "SELECT run_id FROM netmarket.pipeline_run", "run_id").size(),
                "the dry run wrote nothing");
        JobRunner.Result published = run(url, data, "--year", "2024", "--regions", "140802", "--items", "19");
        assertEquals(ExitCodes.OK, published.exitCode(), published.output());
        assertTrue(scorecardLine(published, "140802").matches("140802 盐湖区\\s+87\\.0 .*"), scorecardLine(published, "140802"));
        assertEquals(scorecardLine(published, "140802"), scorecardLine(preview, "140802"), "the preview is what was published");
        // The items recomputed are listed with what they measured, as the warehouse then holds them.
        assertTrue(published.output().contains("Items recomputed (19.1, 19.2):"), published.output());
        WarehouseRows items = WarehouseRows.query(url, "indicator_score", "SELECT indicator_code, points, status, numerator, "
                + "denominator FROM netmarket.indicator_score WHERE region_code = '140802' AND eval_year = 2024 "
                + "AND indicator_code IN ('19.1', '19.2')", "indicator_code");
        for (String item : List.of("19.1", "19.2")) {
            Map<String, Object> row = items.row(item);
            String line = recomputedItemLine(published, item);
            assertTrue(line.matches(" +" + Pattern.quote(item) + " +" + Pattern.quote(((BigDecimal) row.get("points")).toPlainString())
                    + " / 1\\.0 +" + row.get("status") + " .*\\(" + ((BigDecimal) row.get("numerator")).stripTrailingZeros().toPlainString()
                    + "/" + ((BigDecimal) row.get("denominator")).stripTrailingZeros().toPlainString() + "\\) vs .*"), line);
            assertEquals(line, recomputedItemLine(preview, item), "the preview lists the item as published");
        }
        // The changes it lists are those publishing then made (computed in Java, then by the publishing SQL).
        assertTrue(preview.output().contains("Publishing would change what is published (2: 2 in points or status, 0 in the value only;"
                + " all in the run folder's changes.csv):"),
                preview.output());
        assertEquals(changeLines(published), changeLines(preview));
        assertEquals(2, changeLines(preview).size(), preview.output());
    }

    /**
     * The console begins the list of changes; the run folder's changes.csv holds every one, the
     * same for a dry run as for the publication, in the same order, and the same as score_change.
     * The delivery's regions.csv lists the counties before their city: the order of the file is
     * not the order of the report.
     */
    @Test
    void everyChangeIsInTheRunFoldersChangesCsvAsInScoreChange(@TempDir Path tmp) throws Exception {
        Path data = GoldenData.copyTo(tmp.resolve("golden"));
        List<String> regionLines = Files.readAllLines(data.resolve("regions.csv"), StandardCharsets.UTF_8);
        List<String> reversed = new ArrayList<>(regionLines.subList(1, regionLines.size()));
        Collections.reverse(reversed);
        reversed.add(0, regionLines.get(0));
        Files.write(data.resolve("regions.csv"), reversed, StandardCharsets.UTF_8);

        String url = TestingPostgres.server().createWarehouse();
        assertEquals(ExitCodes.OK, run(url, data, "--year", "2024").exitCode());
        List<CSVRecord> first = changesCsv(JobRunner.lastRunFolder(reports));
        assertEquals(Set.copyOf(GoldenData.REGIONS), first.stream().map(r -> r.get("region_code")).collect(Collectors.toSet()));
        first.forEach(r -> assertEquals("first_published", r.get("change"), r.toString()));

        JobRunner.Result preview = run(url, data, "--year", "2024", "--as-of", "2024-06-30", "--dry-run");
        assertEquals(ExitCodes.OK, preview.exitCode(), preview.output());
        List<CSVRecord> previewCsv = changesCsv(JobRunner.lastRunFolder(reports));
        List<String> previewed = changeRows(previewCsv);
        JobRunner.Result published = run(url, data, "--year", "2024", "--as-of", "2024-06-30");
        assertEquals(ExitCodes.OK, published.exitCode(), published.output());
        List<CSVRecord> writtenCsv = changesCsv(JobRunner.lastRunFolder(reports));
        List<String> written = changeRows(writtenCsv);
        assertEquals(inOrder(writtenCsv), inOrder(previewCsv), "a dry run lists the changes in the order publishing does");
        assertTrue(new HashSet<>(inOrder(writtenCsv).stream().map(r -> r.substring(0, 6)).toList()).size() > 1,
                "changes in more than one region, so that their order tells: " + inOrder(writtenCsv));
        WarehouseRows changes = WarehouseRows.query(url, "score_change", "SELECT region_code, indicator_code, points"
                + " FROM netmarket.score_change WHERE run_id = 2", "region_code", "indicator_code");
        List<String> expected = changes.all().values().stream().map(r -> r.get("region_code") + "|" + r.get("indicator_code")
                + "|" + ((BigDecimal) r.get("points")).stripTrailingZeros().toPlainString()).sorted().toList();
        assertFalse(expected.isEmpty(), "June 30 changes some of the year's figures");
        assertEquals(expected, written);
        assertEquals(expected, previewed);
        assertTrue(preview.output().contains("Publishing would change what is published (" + expected.size() + ": "), preview.output());

        // The totals and passes those changes add up to, as the two versions of evaluation_result hold them.
        WarehouseRows versions = WarehouseRows.query(url, "evaluation_result_history", "SELECT a.region_code,"
                + " a.total_points AS before, b.total_points AS after, a.passed AS passed_before, b.passed AS passed_after"
                + " FROM netmarket.evaluation_result_history a JOIN netmarket.evaluation_result_history b"
                + " ON b.region_code = a.region_code AND b.eval_year = a.eval_year AND b.run_id = 2"
                + " WHERE a.run_id = 1 AND (a.total_points <> b.total_points OR a.passed <> b.passed)", "region_code");
        assertFalse(versions.all().isEmpty(), "June 30 changes some totals");
        List<String> totals = versions.all().values().stream().map(r -> r.get("region_code") + "|" + r.get("before") + "|"
                + r.get("after") + "|" + ((Boolean) r.get("passed_before") ? "pass" : "fail") + "|"
                + ((Boolean) r.get("passed_after") ? "pass" : "fail")).sorted().toList();
        assertEquals(totals, resultRows(changesCsv(JobRunner.lastRunFolder(reports))));
        assertEquals(resultLines(published), resultLines(preview));
        assertEquals(totals.size(), resultLines(published).size(), published.output());
        assertTrue(published.output().contains("Evaluations that changed (" + totals.size() + "):"), published.output());
        assertTrue(preview.output().contains("Evaluations publishing would change (" + totals.size() + "):"),
                preview.output());

        // The lineage of each version names the date its figures were counted to.
        WarehouseRows asOf = WarehouseRows.query(url, "item_lineage_history", "SELECT run_id, string_agg(DISTINCT as_of::text, ',')"
                + " AS as_of FROM netmarket.item_lineage_history GROUP BY run_id", "run_id");
        asOf.assertValue("1", "as_of", "2024-12-31");
        asOf.assertValue("2", "as_of", "2024-06-30");
        WarehouseRows current = WarehouseRows.query(url, "item_lineage", "SELECT DISTINCT as_of::text AS as_of"
                + " FROM netmarket.item_lineage", "as_of");
        assertEquals(Set.of("2024-06-30"), current.all().keySet());
    }

    /** change|region|code of every row of changes.csv, in the file's order. */
    private static List<String> inOrder(List<CSVRecord> rows) {
        return rows.stream().map(r -> r.get("region_code") + "|" + r.get("change") + "|" + r.get("code")).toList();
    }

    /** region|total before|after|pass before|after of the result rows of changes.csv, sorted. */
    private static List<String> resultRows(List<CSVRecord> rows) {
        return rows.stream().filter(r -> r.get("change").equals("result"))
                .map(r -> r.get("region_code") + "|" + r.get("previous_points") + "|" + r.get("points") + "|"
                        + r.get("previous_status") + "|" + r.get("status")).sorted().toList();
    }

    /** The lines of the totals a run printed as changed (or that publishing would change). */
    private static List<String> resultLines(JobRunner.Result r) {
        return r.output().lines().filter(l -> l.matches(" {4}\\d{6} \\d{4} total .*")).toList();
    }

    /** The rows of a run folder's changes.csv (written with a byte order mark). */
    private static List<CSVRecord> changesCsv(Path folder) throws IOException {
        String text = Files.readString(folder.resolve("changes.csv"), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "changes.csv starts with a byte order mark, for Excel");
        try (CSVParser p = CSVParser.parse(text.substring(1), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    /** region|code|points of the changed items and indicators of changes.csv, sorted. */
    private static List<String> changeRows(List<CSVRecord> rows) {
        return rows.stream().filter(r -> r.get("change").equals("changed"))
                .map(r -> r.get("region_code") + "|" + r.get("code") + "|"
                        + new BigDecimal(r.get("points")).stripTrailingZeros().toPlainString()).sorted().toList();
    }

    /** The lines of the changes a run printed (published, or that publishing would make). */
    private static List<String> changeLines(JobRunner.Result r) {
        return r.output().lines().filter(l -> l.matches(" {4}\\d{6} \\d{4} (item|indicator) .*")).toList();
    }

    @Test
    void aDryRunGivenAWarehouseSaysWhenPublishingWouldChangeNothing() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        String regions = String.join(", ", GoldenData.REGIONS.stream().sorted().toList());
        JobRunner.Result first = run(url, GoldenData.GIVEN, "--year", "2024");
        assertEquals(ExitCodes.OK, first.exitCode(), first.output());
        assertTrue(first.output().contains("Published 2024 for the first time for 4 region(s): " + regions), first.output());
        JobRunner.Result preview = run(url, GoldenData.GIVEN, "--year", "2024", "--dry-run");
        assertEquals(ExitCodes.OK, preview.exitCode(), preview.output());
        assertTrue(preview.output().contains(RunSummary.NO_CHANGE_PREVIEWED), preview.output());
        assertEquals(List.of(), changeLines(preview));
        assertEquals(1, WarehouseRows.query(url, "pipeline_run", "SELECT run_id FROM netmarket.pipeline_run", "run_id").size(),
                "the dry run wrote nothing");
        // A year never published changes nothing published, yet publishing it would add it all: said so.
        JobRunner.Result newYear = run(url, GoldenData.GIVEN, "--year", "2023", "--dry-run");
        assertEquals(ExitCodes.OK, newYear.exitCode(), newYear.output());
        assertTrue(newYear.output().contains("Publishing would publish 2023 for the first time for 4 region(s): " + regions),
                newYear.output());
        assertFalse(newYear.output().contains(RunSummary.NO_CHANGE_PREVIEWED), newYear.output());
        // Published again, a year is no longer new.
        JobRunner.Result again = run(url, GoldenData.GIVEN, "--year", "2024");
        assertEquals(ExitCodes.OK, again.exitCode(), again.output());
        assertFalse(again.output().contains("for the first time"), again.output());
        assertTrue(again.output().contains(RunSummary.NO_CHANGE), again.output());
        assertFalse(first.output().contains("No change against"), first.output());
    }

    @Test
    void aCountyNoLongerInRegionsCsvOfItsDeliveryLeavesTheCurrentScoresOfAFullRunOnly() throws Exception {
        Published golden = publishGolden2024();
        String url = golden.url();
        Path data = golden.data();
        assertEquals(ExitCodes.OK, run(url, data, "--year", "2023", "--regions", "140821").exitCode(), "its 2023 published too");
        // 临猗县 is merged away: regions.csv no longer lists it (its records are quarantined as unknown regions).
        Path regions = data.resolve("regions.csv");
        Files.write(regions, Files.readAllLines(regions).stream().filter(l -> !l.startsWith("140821,")).toList());
        String current = "SELECT region_code, count(*) AS n FROM netmarket.%s WHERE eval_year = 2024 GROUP BY region_code";

        JobRunner.Result city = run(url, data, "--year", "2024", "--regions", "140800", "--quarantine-threshold", "1");
        assertEquals(ExitCodes.OK, city.exitCode(), city.output());
        assertTrue(WarehouseRows.query(url, "evaluation_result", String.format(current, "evaluation_result"), "region_code")
                .all().containsKey("140821"), "a recompute of some regions takes nothing else out");

        JobRunner.Result preview = run(url, data, "--year", "2024", "--quarantine-threshold", "1", "--dry-run");
        assertTrue(preview.output().contains("Publishing would take out of the current scores (no longer in regions.csv of "
                + "this data directory; their history stays):\n    140821 2024\n"), preview.output());
        JobRunner.Result full = run(url, data, "--year", "2024", "--quarantine-threshold", "1");
        assertEquals(ExitCodes.OK, full.exitCode(), full.output());
        for (String table : List.of("indicator_score", "category_score", "evaluation_result")) {
            WarehouseRows rows = WarehouseRows.query(url, table, String.format(current, table), "region_code");
            assertEquals(Set.of("140000", "140800", "140802"), rows.all().keySet(), table + " after the full run");
        }
        WarehouseRows history = WarehouseRows.query(url, "evaluation_result_history",
                "SELECT region_code, count(*) AS n FROM netmarket.evaluation_result_history WHERE eval_year = 2024 "
                        + "GROUP BY region_code", "region_code");
        history.assertValue("140821", "n", 1);
        assertTrue(JobRunner.lastRunLog(reports).contains("2024: region(s) 140821 no longer in regions.csv"),
                JobRunner.lastRunLog(reports));
        assertTrue(full.output().contains("Taken out of the current scores (no longer in regions.csv of this data directory; "
                + "their history stays):\n    140821 2024\n"), full.output());
        // The removal is kept: score_change shows each code of the county's 2024 taken out, without points after.
        long fullRun = latestRunId(url);
        WarehouseRows removals = WarehouseRows.query(url, "region_year_removal",
                "SELECT region_code, eval_year, run_id FROM netmarket.region_year_removal", "region_code", "eval_year");
        assertEquals(Set.of("140821|2024"), removals.all().keySet());
        removals.assertValue("140821|2024", "run_id", fullRun);
        WarehouseRows removed = WarehouseRows.query(url, "score_change", "SELECT indicator_code, points, status, previous_points, "
                + "previous_run_id, is_removal FROM netmarket.score_change WHERE region_code = '140821' AND eval_year = 2024 "
                + "AND run_id = " + fullRun, "indicator_code");
        assertEquals(GoldenData.SCORE_ROWS / GoldenData.REGIONS.size(), removed.size(), "every code of the county's year");
        for (Map.Entry<String, Map<String, Object>> row : removed.all().entrySet()) {
            removed.assertValue(row.getKey(), "is_removal", true);
            removed.assertValue(row.getKey(), "points", null);
            removed.assertValue(row.getKey(), "status", null);
            removed.assertValue(row.getKey(), "previous_run_id", 1);
            assertTrue(row.getValue().get("previous_points") != null, row.toString());
        }
        // Its 2023, published before, is no longer its current status: its delivery no longer lists it.
        WarehouseRows status = WarehouseRows.query(url, "bi_pass_status",
                "SELECT eval_year, is_latest_year FROM netmarket.bi_pass_status WHERE region_code = '140821'", "eval_year");
        assertEquals(Set.of("2023"), status.all().keySet());
        status.assertValue("2023", "is_latest_year", false);

        // Published from another data directory (another delivery to the same warehouse), it is left alone;
        // published after its removal, its year starts afresh: no version before.
        assertEquals(ExitCodes.OK, run(url, GoldenData.GIVEN, "--year", "2024", "--regions", "140821").exitCode());
        WarehouseRows back = WarehouseRows.query(url, "score_revision", "SELECT indicator_code, previous_run_id, is_removal "
                + "FROM netmarket.score_revision WHERE region_code = '140821' AND eval_year = 2024 AND run_id = " + latestRunId(url),
                "indicator_code");
        assertEquals(GoldenData.SCORE_ROWS / GoldenData.REGIONS.size(), back.size());
        for (String code : back.all().keySet()) {
            back.assertValue(code, "previous_run_id", null);
            back.assertValue(code, "is_removal", false);
        }
        JobRunner.Result again = run(url, data, "--year", "2024", "--quarantine-threshold", "1");
        assertEquals(ExitCodes.OK, again.exitCode(), again.output());
        assertTrue(WarehouseRows.query(url, "evaluation_result", String.format(current, "evaluation_result"), "region_code")
                .all().containsKey("140821"), "another delivery's region stays");
    }

    /** A typo in a published county's row sets the row aside: the county is still listed, so it is not taken out. */
    @Test
    void aPublishedCountyWhoseRegionsRowIsSetAsideStopsTheRunInsteadOfLeavingTheScores() throws Exception {
        Published golden = publishGolden2024();
        String url = golden.url();
        Path data = golden.data();
        WarehouseRows before = WarehouseRows.query(url, "indicator_score", CURRENT_ITEMS, "region_code", "indicator_code");
        Path regions = data.resolve("regions.csv");
        List<String> lines = Files.readAllLines(regions);
        int at = lines.stream().filter(l -> l.startsWith("140821,")).findFirst().map(lines::indexOf).orElseThrow();
        lines.set(at, lines.get(at).replace(",central", ",中部"));
        Files.write(regions, lines);
        String expected = "regions.csv line " + (at + 1) + ": region 140821 has published 2024 scores, but its row was set"
                + " aside (the reason is in the quarantine report): fix the row before publishing the regions above it; only a"
                + " region that regions.csv no longer lists is taken out of the current scores";
        // A full run would take the county out; a run of its city would sum the city without it.
        for (String[] extra : new String[][]{{"--dry-run"}, {}, {"--regions", "140800"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("--year", "2024", "--quarantine-threshold", "1"));
            args.addAll(List.of(extra));
            JobRunner.Result r = run(url, data, args.toArray(String[]::new));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
            assertTrue(r.output().contains(expected), r.output());
        }
        assertCurrentScoresLeftAlone(url, before);
        WarehouseRows last = WarehouseRows.query(url, "pipeline_run",
                "SELECT 'last' AS k, status, failure_kind FROM netmarket.pipeline_run ORDER BY run_id DESC LIMIT 1", "k");
        last.assertValue("last", "status", "failed");
        last.assertValue("last", "failure_kind", "input");
        assertEquals(ExitCodes.OK, run(url, data, "--year", "2024", "--quarantine-threshold", "1", "--regions", "140802")
                .exitCode(), "a run of a region not above it goes on");
        // Still listed (its row set aside, not taken out): its 2024 stays its current status.
        WarehouseRows status = WarehouseRows.query(url, "bi_pass_status",
                "SELECT region_code, is_latest_year FROM netmarket.bi_pass_status WHERE eval_year = 2024", "region_code");
        status.assertValue("140821", "is_latest_year", true);
        status.assertValue("140802", "is_latest_year", true);
    }

    @Test
    void backfillPublishesEveryYearOfTheRange() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        JobRunner.Result r = JobRunner.run(reports, "backfill", "--data", GoldenData.GIVEN.toString(), "--jdbc-url", url,
                "--from", "2022", "--to", "2024");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        WarehouseRows years = WarehouseRows.query(url, "evaluation_result",
                "SELECT eval_year, count(*) AS regions FROM netmarket.evaluation_result GROUP BY eval_year", "eval_year");
        assertEquals(3, years.size());
        for (String y : new String[]{"2022", "2023", "2024"}) {
            years.assertValue(y, "regions", 4);
        }
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        assertEquals(1, runs.size());
        Map<String, Object> run = runs.all().values().iterator().next();
        assertEquals("backfill", run.get("mode"));
        assertEquals("succeeded", run.get("status"));
        // 2022 lacks the 2021 retail figures its growth needs
        WarehouseRows items = WarehouseRows.query(url, "indicator_score",
                "SELECT * FROM netmarket.indicator_score WHERE eval_year = 2022", "region_code", "indicator_code");
        items.assertValue("140802|1", "status", "missing_data");
    }

    @Test
    void tooManyQuarantinedRowsStopTheRunBeforePublishing() throws Exception {
        Published golden = publishGolden2024();
        String url = golden.url();
        Path data = golden.data();
        WarehouseRows before = WarehouseRows.query(url, "indicator_score", CURRENT_ITEMS, "region_code", "indicator_code");
        // 22 complaint rows, 1 already bad: one more bad row makes 2 of 23 = 8.7% > 5%
        Files.writeString(data.resolve("complaints/complaints-2024.csv"),
                "A-C-BAD2,140802,online,2024-03-01 09:00:00,2024-03-08 09:00:00,2024-03-05 09:00:00,2024-04-15 09:00:00,"
                        + "2024-04-10 09:00:00,maybe,satisfied,,2024-05-01 09:00:00\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JobRunner.Result r = run(url, data, "--year", "2024");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.output().contains("extract complaints: 2 of 23 rows quarantined"), r.output());
        assertCurrentScoresLeftAlone(url, before);
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        Map<String, Object> failed = runs.row("2");
        assertEquals("failed", failed.get("status"));
        assertTrue(String.valueOf(failed.get("error")).contains("complaints"), String.valueOf(failed.get("error")));
        assertEquals("12315网络消费投诉（complaints）：23 行中有 2 行被隔离（8.7%），超过允许的 5%；请查看隔离报告（quarantine.csv）",
                failed.get("error_zh"));
        // the failed run's quarantine is kept for the clerk
        WarehouseRows q = WarehouseRows.query(url, "quarantined_row",
                "SELECT * FROM netmarket.quarantined_row WHERE run_id = 2", "line");
        q.assertValue("24", "reason", "'maybe' is not one of success, failed, none");
        q.assertValue("24", "reason_zh", "“maybe”不是可选值之一：success、failed、none");
    }

    /** The current scores are those {@code before} (same rows, same run), and there were some. */
    private static void assertCurrentScoresLeftAlone(String url, WarehouseRows before) throws Exception {
        WarehouseRows after = WarehouseRows.query(url, "indicator_score", CURRENT_ITEMS, "region_code", "indicator_code");
        assertTrue(before.size() > 0, "the first run published rows for the stopped run to leave alone");
        assertEquals(before.size(), after.size(), "indicator_score rows after the stopped run");
        for (var e : before.all().entrySet()) {
            after.assertValue(e.getKey(), "run_id", e.getValue().get("run_id"));
        }
    }

    /** A region row that breaks an enumeration: 'town' is no level of the contract. */
    private static final String BAD_REGION_ROW = "140899,某镇,140800,town,central\n";

    @Test
    void tooManyQuarantinedRegionRowsStopTheRunBeforePublishing() throws Exception {
        Published golden = publishGolden2024();
        String url = golden.url();
        Path data = golden.data();
        WarehouseRows before = WarehouseRows.query(url, "indicator_score", CURRENT_ITEMS, "region_code", "indicator_code");
        // regions.csv is an extract of the contract too: 4 good rows and 1 bad make 1 of 5 = 20% > 5%
        Files.writeString(data.resolve("regions.csv"), BAD_REGION_ROW, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JobRunner.Result r = run(url, data, "--year", "2024");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("extract regions: 1 of 5 rows quarantined (20.0%), more than the allowed 5%; "
                + "see the quarantine report"), r.output());
        assertCurrentScoresLeftAlone(url, before);
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        runs.assertValue("2", "status", "failed");
        assertTrue(String.valueOf(runs.row("2").get("error")).contains("extract regions"), String.valueOf(runs.row("2").get("error")));
        // the failed run still records what it read of regions.csv, and the row it set aside
        WarehouseRows extracts = WarehouseRows.query(url, "run_extract",
                "SELECT * FROM netmarket.run_extract WHERE run_id = 2", "extract");
        extracts.assertValue("regions", "rows_read", 5);
        extracts.assertValue("regions", "rows_quarantined", 1);
        extracts.assertValue("regions", "rows_used", 4);
        WarehouseRows q = WarehouseRows.query(url, "quarantined_row",
                "SELECT * FROM netmarket.quarantined_row WHERE run_id = 2", "line");
        q.assertValue("6", "extract", "regions");
    }

    @Test
    void regionRowsQuarantinedAtTheThresholdDoNotStopTheRun() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        Path data = GoldenData.copyTo(Files.createTempDirectory(reports, "data"));
        Files.writeString(data.resolve("regions.csv"), BAD_REGION_ROW, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        // 1 of 5 = 20%: not more than a threshold of 20%
        JobRunner.Result r = run(url, data, "--year", "2024", "--quarantine-threshold", "0.2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        runs.assertValue("1", "status", "succeeded");
        WarehouseRows extracts = WarehouseRows.query(url, "run_extract",
                "SELECT * FROM netmarket.run_extract WHERE run_id = 1", "extract");
        extracts.assertValue("regions", "rows_read", 5);
        extracts.assertValue("regions", "rows_quarantined", 1);
        extracts.assertValue("regions", "rows_used", 4);
        WarehouseRows items = WarehouseRows.query(url, "indicator_score", CURRENT_ITEMS, "region_code", "indicator_code");
        assertEquals(GoldenData.SCORE_ROWS, items.size(), "the four good regions are scored");
        // The city's records and the sums of its counties would leave the town out: what the city
        // (and the province above it) counts of its counties is a data error naming the row; the
        // counties are not concerned.
        String setAside = "regions.csv line 6 (region 140899, below 140800) was set aside";
        items.assertValue("140800|11.2", "status", "data_error");
        assertTrue(String.valueOf(items.row("140800|11.2").get("reason")).contains(setAside), items.row("140800|11.2").toString());
        assertTrue(String.valueOf(items.row("140800|11.2").get("reason_zh")).contains("地区 140899，位于 140800 之下"),
                items.row("140800|11.2").toString());
        for (Map.Entry<String, Map<String, Object>> row : items.all().entrySet()) {
            assertFalse(row.getKey().startsWith("1408") && !row.getKey().startsWith("140800|")
                            && String.valueOf(row.getValue().get("reason")).contains(setAside),
                    row.getKey() + ": " + row.getValue());
        }
    }

    @Test
    void aRunThatCannotGetTheLockGivesUpWithExitCode3() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        assertEquals(ExitCodes.OK, run(url, GoldenData.GIVEN, "--year", "2024", "--regions", "140802").exitCode());
        try (Connection holder = DriverManager.getConnection(url);
             PreparedStatement s = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
            s.setLong(1, PublishLock.KEY);
            s.execute();
            JobRunner.Result r = run(url, GoldenData.GIVEN, "--year", "2024", "--regions", "140802");
            assertEquals(ExitCodes.LOCKED, r.exitCode());
            assertTrue(r.output().contains("another pipeline run holds the warehouse lock"), r.output());
        }
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        assertEquals(2, runs.size(), "the refused run is in the ledger");
        runs.assertValue("1", "status", "succeeded");
        runs.assertValue("2", "status", "failed");
        runs.assertValue("2", "failure_kind", "lock");
        assertTrue(String.valueOf(runs.row("2").get("error")).contains("another pipeline run holds the warehouse lock"),
                String.valueOf(runs.row("2").get("error")));
        // The holder is the test's own connection, which registered no run.
        runs.assertValue("2", "error_zh", "另一个运行持有数仓锁（一个尚未登记的运行）；已等待 0 秒。请待其结束后重试，或使用 --wait-for-lock 秒数");
        assertTrue(runs.row("2").get("finished_at") != null, "it ended when it gave up");
        WarehouseRows history = WarehouseRows.query(url, "history",
                "SELECT DISTINCT run_id FROM netmarket.indicator_score_history", "run_id");
        assertEquals(Set.of("1"), history.all().keySet(), "the refused run published nothing");
    }

    @Test
    void nightlyPublishesNothingWhenNoFileChanged() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        Path data = GoldenData.copyTo(Files.createTempDirectory(reports, "data"));
        JobRunner.Result first = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", url);
        assertEquals(ExitCodes.OK, first.exitCode(), first.output());
        String firstLog = JobRunner.lastRunLog(reports);
        // A delivery under a name no run reads is said on the night it arrives, though nothing is read.
        Files.writeString(data.resolve("retail/retail-2025-01.csv.gz"), "not read");
        Path facts = reports.resolve("facts-of-night-2.csv");
        JobRunner.Result second = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", url,
                "--facts-csv", facts.toString());
        assertEquals(ExitCodes.OK, second.exitCode(), second.output());
        assertFalse(Files.exists(facts), "nothing was scored");
        assertTrue(JobRunner.lastRunLog(reports).contains("--facts-csv " + facts + " not written: nothing was scored (--force "
                + "scores the staged state)"), JobRunner.lastRunLog(reports));
        assertTrue(second.output().contains("Run 2: no new or changed files since run 1; 1 file(s) of the data directory not "
                + "read (named in the run's log). Nothing was published.\nFiles and folders of the data directory that were "
                + "not read:\n  retail/retail-2025-01.csv.gz  not read: not a .csv file\n"), second.output());
        assertTrue(JobRunner.lastRunLog(reports).contains("extract retail: retail/retail-2025-01.csv.gz not read: not a .csv file"),
                JobRunner.lastRunLog(reports));
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        runs.assertValue("1", "mode", "nightly");
        // No --year: the year scored is the data's latest complete one, recorded once known. The
        // golden county 140821 lacks its December 2024 retail figures, so 2024 is not complete yet.
        WarehouseRows years = WarehouseRows.query(url, "pipeline_run",
                "SELECT run_id, eval_years::text AS years FROM netmarket.pipeline_run", "run_id");
        years.assertValue("1", "years", "{2023}");
        assertTrue(firstLog.contains("2024 is not complete yet: it lacks December retail figures of 1 of the 3 regions "
                + "reporting (140821)"), firstLog);
        runs.assertValue("2", "status", "succeeded");
        runs.assertValue("2", "note", "no new or changed files since run 1; 1 file(s) of the data directory not read "
                + "(named in the run's log)");
        WarehouseRows published = WarehouseRows.query(url, "history",
                "SELECT DISTINCT run_id FROM netmarket.evaluation_result_history", "run_id");
        assertEquals(1, published.size(), "the second nightly run published nothing");
        // a new delivery makes the next nightly run publish: the missing December completes 2024,
        // and a late training report lifts 140821's item 38.2 (0 in expect/computed-items.csv)
        Files.writeString(data.resolve("retail/retail-2024-12-late.csv"),
                "region_code,month,online_retail_yuan,total_retail_yuan,reported_at\n140821,2024-12,700.00,2900.00,2025-01-20\n",
                StandardCharsets.UTF_8);
        Files.writeString(data.resolve("training/training-late.csv"),
                "staff_id,region_code,year,training_hours,reported_at\nB-S1,140821,2024,52,2025-02-01\n", StandardCharsets.UTF_8);
        JobRunner.Result third = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", url);
        assertEquals(ExitCodes.OK, third.exitCode(), third.output());
        WarehouseRows.query(url, "pipeline_run", "SELECT run_id, eval_years::text AS years FROM netmarket.pipeline_run", "run_id")
                .assertValue("3", "years", "{2024}");
        WarehouseRows items = WarehouseRows.query(url, "indicator_score", CURRENT_ITEMS, "region_code", "indicator_code");
        items.assertValue("140821|1", "status", "scored");
        items.assertValue("140821|38.2", "points", 1);
        items.assertValue("140821|38.2", "run_id", 3);
    }

    /**
     * Which staged state a warehouse holds is recorded in that warehouse, by the publishing run:
     * a staging area that fed two warehouses in turn publishes to neither of them twice.
     */
    @Test
    void eachWarehouseKnowsWhichStagedStateItHolds() throws Exception {
        String first = TestingPostgres.server().createWarehouse();
        String second = TestingPostgres.server().createWarehouse();
        Path data = GoldenData.copyTo(Files.createTempDirectory(reports, "data"));
        assertEquals(ExitCodes.OK, JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", first).exitCode());
        JobRunner.Result other = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", second);
        assertEquals(ExitCodes.OK, other.exitCode(), other.output());
        assertFalse(other.output().contains("no new or changed files"), "the second warehouse had nothing yet: " + other.output());
        JobRunner.Result back = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", first);
        assertEquals(ExitCodes.OK, back.exitCode(), back.output());
        assertTrue(back.output().contains("no new or changed files since run 1"), back.output());
        String sql = "SELECT run_id, staged_state, note FROM netmarket.pipeline_run";
        WarehouseRows firstRuns = WarehouseRows.query(first, "pipeline_run", sql, "run_id");
        WarehouseRows secondRuns = WarehouseRows.query(second, "pipeline_run", sql, "run_id");
        Object state = firstRuns.row("1").get("staged_state");
        assertTrue(state != null, "the publishing night records the state it scored");
        secondRuns.assertValue("1", "staged_state", state);
        firstRuns.assertValue("2", "staged_state", null);
        // Marked succeeded only by the publishing transaction: a run that failed does not count.
        try (Connection c = DriverManager.getConnection(first); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE netmarket.pipeline_run SET status = 'failed' WHERE run_id = 1");
        }
        JobRunner.Result again = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", first);
        assertEquals(ExitCodes.OK, again.exitCode(), again.output());
        assertFalse(again.output().contains("no new or changed files"), again.output());
        WarehouseRows.query(first, "pipeline_run", sql, "run_id").assertValue("3", "staged_state", state);
    }

    /**
     * An analyst's run from the same data directory may replace what the night published (here,
     * the year as of June 30): the next night publishes the year as of its December 31 again,
     * though no file changed. So it does when the analyst names the folder another way (a file:
     * URI through a symbolic link: the same data directory in pipeline_run) or works on a copy.
     */
    @ParameterizedTest
    @ValueSource(strings = {"same path", "file URI through a link", "a copy"})
    void anAnalystsRunInBetweenMakesTheNextNightPublishAgain(String analystsFolder) throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        Path data = GoldenData.copyTo(Files.createTempDirectory(reports, "data"));
        assertEquals(ExitCodes.OK, JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", url).exitCode());
        Path link = reports.resolve("link-" + data.getFileName());
        String analysts = switch (analystsFolder) {
            case "same path" -> data.toString();
            case "file URI through a link" -> Files.createSymbolicLink(link, data).toUri().toString();
            default -> GoldenData.copyTo(Files.createTempDirectory(reports, "copy")).toString();
        };
        JobRunner.Result midYear = JobRunner.run(reports, "run", "--data", analysts, "--jdbc-url", url, "--wait-for-lock", "0",
                "--year", "2023", "--as-of", "2023-06-30");
        assertEquals(ExitCodes.OK, midYear.exitCode(), midYear.output());
        WarehouseRows dirs = WarehouseRows.query(url, "pipeline_run", "SELECT run_id, data_dir FROM netmarket.pipeline_run", "run_id");
        if (!analystsFolder.equals("a copy")) {
            assertEquals(dirs.row("1").get("data_dir"), dirs.row("2").get("data_dir"), "one folder, one data directory");
        }
        String sql = "SELECT DISTINCT eval_year, as_of::text AS as_of FROM netmarket.evaluation_result";
        WarehouseRows.query(url, "evaluation_result", sql, "eval_year").assertValue("2023", "as_of", "2023-06-30");
        JobRunner.Result night = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", url);
        assertEquals(ExitCodes.OK, night.exitCode(), night.output());
        assertFalse(night.output().contains("no new or changed files"), night.output());
        WarehouseRows.query(url, "evaluation_result", sql, "eval_year").assertValue("2023", "as_of", "2023-12-31");
    }

    /**
     * The nights of another data directory publishing to the same warehouse in between do not
     * count while they leave this night's scores in place (another city's; here, another year's);
     * once they replace them, the night publishes again.
     */
    @Test
    void anotherDataDirectorysNightsDoNotMakeANightScoreAgain() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        Path first = GoldenData.copyTo(Files.createTempDirectory(reports, "first"));
        Path second = GoldenData.copyTo(Files.createTempDirectory(reports, "second"));
        Path firstReports = Files.createTempDirectory(reports, "first-reports");
        Path secondReports = Files.createTempDirectory(reports, "second-reports");
        assertEquals(ExitCodes.OK, JobRunner.run(firstReports, "nightly", "--data", first.toString(), "--jdbc-url", url).exitCode());
        assertEquals(ExitCodes.OK, JobRunner.run(secondReports, "nightly", "--data", second.toString(), "--jdbc-url", url,
                "--year", "2022").exitCode());
        JobRunner.Result again = JobRunner.run(firstReports, "nightly", "--data", first.toString(), "--jdbc-url", url);
        assertEquals(ExitCodes.OK, again.exitCode(), again.output());
        assertTrue(again.output().contains("no new or changed files since run 1"), again.output());
        assertEquals(ExitCodes.OK, JobRunner.run(secondReports, "nightly", "--data", second.toString(), "--jdbc-url", url).exitCode());
        JobRunner.Result replaced = JobRunner.run(firstReports, "nightly", "--data", first.toString(), "--jdbc-url", url);
        assertEquals(ExitCodes.OK, replaced.exitCode(), replaced.output());
        assertFalse(replaced.output().contains("no new or changed files"), replaced.output());
    }

    @Test
    void aNightlyAskedForAYearScoresItThoughNoFileChanged() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        Path data = GoldenData.copyTo(Files.createTempDirectory(reports, "data"));
        assertEquals(ExitCodes.OK, JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", url).exitCode());
        JobRunner.Result asked = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", url, "--year", "2022");
        assertEquals(ExitCodes.OK, asked.exitCode(), asked.output());
        WarehouseRows years = WarehouseRows.query(url, "evaluation_result",
                "SELECT eval_year, min(run_id) AS run_id FROM netmarket.evaluation_result GROUP BY eval_year", "eval_year");
        years.assertValue("2022", "run_id", 2);
        years.assertValue("2023", "run_id", 1);
        // The staged state counts as published by full-scope nights only: the next plain night scores.
        JobRunner.Result plain = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", url);
        assertEquals(ExitCodes.OK, plain.exitCode(), plain.output());
        assertFalse(plain.output().contains("no new or changed files"), plain.output());
        WarehouseRows.query(url, "evaluation_result", "SELECT eval_year, min(run_id) AS run_id FROM netmarket.evaluation_result "
                + "GROUP BY eval_year", "eval_year").assertValue("2023", "run_id", 3);
    }

    @Test
    void aNightlyRunDoesNotStartWhileAnotherNightlyRunIsInProgress() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        try (org.netmarket.pipeline.NightlyLock held = org.netmarket.pipeline.NightlyLock.acquire(reports)) {
            JobRunner.Result r = JobRunner.run(reports, "nightly", "--data", GoldenData.GIVEN.toString(), "--jdbc-url", url);
            assertEquals(ExitCodes.LOCKED, r.exitCode());
            assertTrue(r.output().contains("another nightly run is in progress"), r.output());
        }
        WarehouseRows schemas = WarehouseRows.query(url, "schemata",
                "SELECT count(*) AS n FROM information_schema.schemata WHERE schema_name = 'netmarket'", "n");
        schemas.row("0"); // the refused run never even connected to the warehouse
    }

    @Test
    void credentialsNeverReachTheLogOrTheLedger() throws Exception {
        String url = TestingPostgres.server().createWarehouse() + "&password=s3cr3t-pw";
        JobRunner.Result r = run(url, GoldenData.GIVEN, "--year", "2024", "--regions", "140821");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertFalse(r.output().contains("s3cr3t-pw"), "the console output shows no password");
        try (var logs = Files.walk(reports)) {
            var runLogs = logs.filter(p -> p.getFileName().toString().equals("run.log")).toList();
            assertFalse(runLogs.isEmpty(), "the run wrote a run.log under " + reports + " to check");
            for (Path log : runLogs) {
                assertFalse(Files.readString(log).contains("s3cr3t-pw"), log + " shows no password");
            }
        }
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run",
                "SELECT run_id, pipeline_run::text AS everything FROM netmarket.pipeline_run", "run_id");
        assertFalse(String.valueOf(runs.row("1").get("everything")).contains("s3cr3t-pw"), "pipeline_run holds no password");
    }
}
