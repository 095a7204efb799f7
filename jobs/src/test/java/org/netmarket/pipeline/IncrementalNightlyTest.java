package org.netmarket.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmarket.cli.ExitCodes;
import org.netmarket.extract.UnifiedSocialCreditCode;
import org.netmarket.generator.DataGenerator;
import org.netmarket.generator.Scale;
import org.netmarket.report.RunSummary;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.SharedSpark;
import org.netmarket.testing.TestFiles;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly run that merges only the newly delivered files into its staging area publishes
 * exactly what a run reading every raw file publishes: on generated data with the next night's
 * delivery, with a conflict between a staged and a new row, after a staged file changed, and
 * after nights of revisions compacted into one generation.
 */
class IncrementalNightlyTest {
    private static final List<String> SCORE_TABLES = List.of("indicator_score", "category_score", "evaluation_result");
    private static final String DISPATCH_HEADER =
            "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at\n";
    /** A-IC-3 as dispatches-2024.csv (line 5) has it. */
    private static final String A_IC_3 = "A-IC-3,140802,identity_claim,2024-03-01 09:00:00,2024-03-15 09:00:00,"
            + "2024-03-05 09:00:00,2024-03-06 09:00:00,2024-03-06 10:00:00\n";
    /** A-IC-3 at the same version (updated_at), verified an hour later: in conflict with it. */
    private static final String A_IC_3_OTHERWISE = "A-IC-3,140802,identity_claim,2024-03-01 09:00:00,2024-03-15 09:00:00,"
            + "2024-03-05 10:00:00,2024-03-06 09:00:00,2024-03-06 10:00:00\n";

    @TempDir
    Path tmp;

    @Test
    void mergingTheNextNightPublishesWhatAFullReadPublishes() throws Exception {
        Path data = tmp.resolve("data");
        Path delta = tmp.resolve("delta");
        DataGenerator generator = new DataGenerator(Scale.TINY, 42, 2);
        generator.firstNight(data);
        generator.nextNight(delta);
        String nightly = TestingPostgres.server().createWarehouse();
        Path reports = tmp.resolve("reports");

        JobRunner.Result first = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", nightly);
        assertEquals(ExitCodes.OK, first.exitCode(), first.output());
        assertTrue(JobRunner.lastRunLog(reports).contains("no staging area yet"), "the first night builds the staging area");
        int copied = copyTree(delta, data);
        assertTrue(copied > 0);
        JobRunner.Result second = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", nightly);
        assertEquals(ExitCodes.OK, second.exitCode(), second.output());
        String secondLog = JobRunner.lastRunLog(reports);
        assertTrue(secondLog.contains(copied + " file(s) delivered since it was built"), secondLog);

        String full = fullRead(data);
        assertSamePublishedScores(full, nightly);
        // Rows used per extract: kept by arithmetic in the staging area, counted by the full run.
        assertSameRowsUsed(full, 1, nightly, 2);
        assertSameRegionRows(full, 1, nightly, 2);

        // The second night read only the new files (and regions.csv); its lineage lists them and
        // the files staged by the first night, which it scored from (NightlyLineageTest).
        WarehouseRows inputs = WarehouseRows.query(nightly, "run_input_file",
                "SELECT path FROM netmarket.run_input_file WHERE run_id = 2 AND read_by_run", "path");
        assertEquals(copied + 1, inputs.size(), "the new files and regions.csv");
        inputs.row("regions.csv");
        WarehouseRows all = WarehouseRows.query(nightly, "run_input_file",
                "SELECT path FROM netmarket.run_input_file WHERE run_id = 2", "path");
        WarehouseRows fullRead = WarehouseRows.query(full, "run_input_file",
                "SELECT path FROM netmarket.run_input_file WHERE run_id = 1", "path");
        assertEquals(fullRead.all().keySet(), all.all().keySet(), "every file the scores were computed from");
    }

    @Test
    void aNewRowConflictingWithAStagedRowSetsBothAsideAsAFullReadDoes() throws Exception {
        // Also: a stale copy of a staged key leaves it as it is, a revision replaces it, and a
        // revision moving a record to another region or year moves it.
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        String nightly = firstNightOnGolden(data, reports, "--quarantine-threshold", "0.1");
        // Same key and version as A-IC-0 of the first night (dispatches-2024.csv line 2), other
        // completion time: neither version may be used, and the staged rows are set aside too.
        StringBuilder late = new StringBuilder(
                "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at\n"
                        + "A-IC-0,140802,identity_claim,2024-03-01 09:00:00,2024-03-15 09:00:00,2024-03-05 09:00:00,"
                        + "2024-03-07 09:00:00,2024-03-06 10:00:00\n");
        for (int i = 0; i < 20; i++) {
            late.append("L-").append(i).append(",140821,identity_claim,2024-11-01 09:00:00,2024-11-15 09:00:00,,,"
                    + "2024-11-01 09:00:00\n");
        }
        // A stale copy of A-IC-1 (an earlier version, completed late): the staged row must stay.
        // A revision of A-IC-2 (a later version, completed late): it must replace the staged row.
        late.append("A-IC-1,140802,identity_claim,2024-03-01 09:00:00,2024-03-15 09:00:00,2024-03-05 09:00:00,"
                + "2024-03-20 09:00:00,2024-03-06 09:30:00\n");
        late.append("A-IC-2,140802,identity_claim,2024-03-01 09:00:00,2024-03-15 09:00:00,2024-03-05 09:00:00,"
                + "2024-03-20 09:00:00,2024-03-21 10:00:00\n");
        // Revisions moving a staged record to another county (A-IC-3) and out of the year
        // (A-IC-4, dispatched in 2023): the old region and year must lose them, as in a full read.
        late.append("A-IC-3,140821,identity_claim,2024-03-01 09:00:00,2024-03-15 09:00:00,2024-03-05 09:00:00,"
                + "2024-03-20 09:00:00,2024-03-21 10:00:00\n");
        late.append("A-IC-4,140802,identity_claim,2023-12-01 09:00:00,2023-12-15 09:00:00,2023-12-05 09:00:00,"
                + "2023-12-06 09:00:00,2024-03-21 10:00:00\n");
        Files.writeString(data.resolve("dispatches/dispatches-late.csv"), late, StandardCharsets.UTF_8);
        JobRunner.Result merged = night(reports, data, nightly, "--quarantine-threshold", "0.1");
        assertEquals(ExitCodes.OK, merged.exitCode(), merged.output());
        String mergedLog = JobRunner.lastRunLog(reports);
        assertTrue(mergedLog.contains("1 file(s) delivered since it was built"), mergedLog);

        String full = assertPublishesAsAFullRead(data, nightly, "--quarantine-threshold", "0.1");
        assertSameRowsUsed(full, 1, nightly, 2);
        // The staged rows the new row sets aside count for their region as in a full read.
        assertSameRegionRows(full, 1, nightly, 2);
        WarehouseRows conflicts = WarehouseRows.query(nightly, "quarantined_row",
                "SELECT file, line, reason FROM netmarket.quarantined_row WHERE run_id = 2 AND extract = 'dispatches'",
                "file", "line");
        // The staged key has two identical rows (dispatches-2024.csv and the redelivery); with the
        // new row, every row of the key's greatest version is set aside, as in a full read (3 of
        // about 50 dispatch rows there, more than the default 5%: hence the threshold of 10%).
        WarehouseRows fullConflicts = WarehouseRows.query(full, "quarantined_row",
                "SELECT file, line, reason FROM netmarket.quarantined_row WHERE extract = 'dispatches'", "file", "line");
        assertEquals(fullConflicts.all().keySet(), conflicts.all().keySet());
        assertTrue(conflicts.all().containsKey("dispatches/dispatches-late.csv|2"), conflicts.all().keySet().toString());
        assertTrue(conflicts.all().containsKey("dispatches/dispatches-2024.csv|2"), conflicts.all().keySet().toString());
    }

    /**
     * The quarantine threshold judges the whole extract on a merging night, as a full read of
     * the same files does: one conflicting row delivered alone is 100% of its file but 2 of the
     * extract's 27 rows (7.4%), under a threshold of 10% for both.
     */
    @Test
    void aSmallDeliveryIsJudgedTogetherWithTheStagedRowsAsAFullReadIs() throws Exception {
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        String nightly = firstNightOnGolden(data, reports, "--quarantine-threshold", "0.1");
        // Same key and version as A-IC-1 (dispatches-2024.csv line 3), another completion time.
        Files.writeString(data.resolve("dispatches/dispatches-n2.csv"),
                "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at\n"
                        + "A-IC-1,140802,identity_claim,2024-03-01 09:00:00,2024-03-15 09:00:00,2024-03-05 09:00:00,"
                        + "2024-03-07 09:00:00,2024-03-06 10:00:00\n", StandardCharsets.UTF_8);
        JobRunner.Result merged = night(reports, data, nightly, "--quarantine-threshold", "0.1");
        assertEquals(ExitCodes.OK, merged.exitCode(), merged.output());
        assertPublishesAsAFullRead(data, nightly, "--quarantine-threshold", "0.1");
    }

    @Test
    void salesAndTheRegistryChangingTogetherGiveTheFiguresOfAFullRead() throws Exception {
        // Sales are the region's through their operator: a night that moves an operator to
        // another county, sets another aside as a conflict and adds sales (one of an unknown
        // operator) changes the sales figures of operators whose sales did not change. The
        // nightly run looks up only those references again and updates its kept counts.
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        String nightly = firstNightOnGolden(data, reports, "--quarantine-threshold", "0.7");
        Map<String, Object> firstNight = newAboveScale(nightly);
        Files.writeString(data.resolve("operators/operators-next.csv"),
                "operator_id,operator_name,region_code,operator_type,registered_on,deregistered_on,updated_at\n"
                        // moved: its 2024 sales make it new above scale in 140821, no longer in 140802
                        + "91140802MA0000314J,网店314,140821,in_platform,2015-01-01,,2025-02-01 08:00:00\n"
                        // two versions at the same time that disagree: its sales no longer resolve
                        + "91140802MA0000316Q,网店316,140802,in_platform,2015-01-01,,2025-02-01 08:00:00\n"
                        + "91140802MA0000316Q,网店316,140802,self_built,2015-01-01,,2025-02-01 08:00:00\n",
                StandardCharsets.UTF_8);
        Files.writeString(data.resolve("operator-sales/sales-next.csv"), "operator_id,year,ecommerce_sales_yuan,reported_at\n"
                + "91140802MA00000017,2024,200000000.00,2025-03-02\n"
                + UnifiedSocialCreditCode.complete("91140802MA9999999") + ",2024,300000000.00,2025-03-02\n",
                StandardCharsets.UTF_8);
        JobRunner.Result merged = night(reports, data, nightly, "--quarantine-threshold", "0.7");
        assertEquals(ExitCodes.OK, merged.exitCode(), merged.output());
        String log = JobRunner.lastRunLog(reports);
        assertTrue(log.contains("2 file(s) delivered since it was built"), log);
        assertTrue(log.contains("extract operator-sales: references of 4 key(s) looked up again"), log);
        assertTrue(log.contains("facts operator-sales: counts of operator-sales@"), log);
        assertTrue(log.contains("updated with the rows the delivery replaced and added"), log);

        String full = assertPublishesAsAFullRead(data, nightly, "--quarantine-threshold", "0.7");
        assertSameRowsUsed(full, 1, nightly, 2);
        // The moved operator's sales changed the figures of both counties.
        Map<String, Object> secondNight = newAboveScale(nightly);
        assertNotEquals(firstNight.get("140821"), secondNight.get("140821"), "140821 gained an operator: " + secondNight);
        assertEquals(newAboveScale(full), secondNight);
    }

    /** Item 4's value (new above-scale operators) of the two golden counties, as published. */
    private static Map<String, Object> newAboveScale(String url) throws SQLException {
        WarehouseRows item4 = WarehouseRows.query(url, "indicator_score",
                "SELECT region_code, value FROM netmarket.indicator_score WHERE indicator_code = '4'"
                        + " AND region_code IN ('140802', '140821')", "region_code");
        assertEquals(2, item4.size(), "item 4 of both counties");
        // 140802 holds the operator in conflict after the delivery: its item 4 is data_error, no value.
        Map<String, Object> values = new HashMap<>();
        values.put("140802", item4.row("140802").get("value"));
        values.put("140821", item4.row("140821").get("value"));
        return values;
    }

    /**
     * A staged sale whose operator turns into a conflict on a night that delivers no sales is set
     * aside by that night with the reason a full read gives it, and counts toward the quarantine
     * threshold as it does there: also when the manifest kept no count of the sales that resolve
     * (as after a compaction), when the night joins every staged sale with the registry.
     */
    @ParameterizedTest(name = "sales that resolve kept in the manifest: {0}")
    @ValueSource(booleans = {true, false})
    void aStagedSaleWhoseOperatorTurnsIntoAConflictIsSetAsideAsAFullReadSetsItAside(boolean resolvingSalesKept)
            throws Exception {
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        String nightly = firstNightOnGolden(data, reports);
        if (!resolvingSalesKept) {
            Path manifest = reports.resolve("staging/manifest.json");
            ObjectMapper json = new ObjectMapper();
            ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
            assertTrue(m.remove("references").has("operator-sales"), m.toString());
            json.writeValue(manifest.toFile(), m);
            // Hadoop's local file system keeps a checksum next to the file; the edit makes it stale.
            Files.deleteIfExists(manifest.resolveSibling(".manifest.json.crc"));
        }
        // Two versions of 91140802MA0000313F at one time that disagree: its two staged sales
        // (sales.csv lines 2 and 3) no longer have an operator.
        Files.writeString(data.resolve("operators/operators-next.csv"),
                "operator_id,operator_name,region_code,operator_type,registered_on,deregistered_on,updated_at\n"
                        + "91140802MA0000313F,网店313,140802,in_platform,2015-01-01,,2025-02-01 08:00:00\n"
                        + "91140802MA0000313F,网店313,140802,self_built,2015-01-01,,2025-02-01 08:00:00\n",
                StandardCharsets.UTF_8);
        assertStopsAsAFullReadStops(reports, data, nightly, "0.05",
                "extract operator-sales: 2 of 9 rows quarantined (22.2%), more than the allowed 5%");

        JobRunner.Result merged = night(reports, data, nightly, "--quarantine-threshold", "0.25");
        assertEquals(ExitCodes.OK, merged.exitCode(), merged.output());
        assertEquals(!resolvingSalesKept, JobRunner.lastRunLog(reports).contains("extract operator-sales: no count kept of its rows"
                + " that resolve as of the staged states this night starts from; every staged row is looked up in operators again"),
                "said when the night joins every staged sale with the registry");
        String full = assertPublishesAsAFullRead(data, nightly, "--quarantine-threshold", "0.25");
        assertSameRowsUsed(full, 1, nightly, 3);
        String reason = "operator_id 91140802MA0000313F has conflicting versions in the operators registry (both set aside),"
                + " so this row cannot be placed";
        Map<String, String> expected = Map.of("operator-sales/sales.csv|2", reason, "operator-sales/sales.csv|3", reason);
        assertEquals(expected, quarantineReasons(full, 1, "operator-sales"));
        assertEquals(expected, quarantineReasons(nightly, 3, "operator-sales"));
        WarehouseRows.query(nightly, "run_extract", "SELECT extract, rows_read, rows_quarantined FROM netmarket.run_extract"
                + " WHERE run_id = 3 AND extract = 'operator-sales'", "extract")
                .assertValue("operator-sales", "rows_quarantined", 2);
    }

    /**
     * The quarantine threshold of a merging night counts the rows a full read of the same files
     * sets aside: a key in conflict that a third file delivers again has its 3 rows set aside,
     * not the 2 the night that found the conflict counted plus the 3 of tonight.
     */
    @Test
    void aConflictDeliveredAgainCountsItsRowsOnceAsAFullReadDoes() throws Exception {
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        String nightly = firstNightOnGolden(data, reports);
        Files.writeString(data.resolve("dispatches/dispatches-b.csv"), DISPATCH_HEADER + A_IC_3_OTHERWISE,
                StandardCharsets.UTF_8);
        JobRunner.Result conflict = night(reports, data, nightly, "--quarantine-threshold", "0.12");
        assertEquals(ExitCodes.OK, conflict.exitCode(), conflict.output());
        Files.writeString(data.resolve("dispatches/dispatches-c.csv"), DISPATCH_HEADER + A_IC_3, StandardCharsets.UTF_8);
        assertStopsAsAFullReadStops(reports, data, nightly, "0.1",
                "extract dispatches: 3 of 28 rows quarantined (10.7%), more than the allowed 10%");

        JobRunner.Result merged = night(reports, data, nightly, "--quarantine-threshold", "0.12");
        assertEquals(ExitCodes.OK, merged.exitCode(), merged.output());
        String full = assertPublishesAsAFullRead(data, nightly, "--quarantine-threshold", "0.12");
        Set<String> conflicting = Set.of("dispatches/dispatches-2024.csv|5", "dispatches/dispatches-b.csv|2",
                "dispatches/dispatches-c.csv|2");
        assertEquals(conflicting, quarantineReasons(full, 1, "dispatches").keySet());
        assertEquals(conflicting, quarantineReasons(nightly, 4, "dispatches").keySet());
        // The lineage's rows set aside per region count the conflict's 3 rows once, and so does a
        // night after it that does not touch the key (its quarantine does not list them).
        assertSameRegionRows(full, 1, nightly, 4);
        Files.writeString(data.resolve("dispatches/dispatches-d.csv"), DISPATCH_HEADER + "L-0,140821,identity_claim,"
                + "2024-11-01 09:00:00,2024-11-15 09:00:00,,,2024-11-01 09:00:00\n", StandardCharsets.UTF_8);
        JobRunner.Result after = night(reports, data, nightly, "--quarantine-threshold", "0.12");
        assertEquals(ExitCodes.OK, after.exitCode(), after.output());
        assertSameRegionRows(assertPublishesAsAFullRead(data, nightly, "--quarantine-threshold", "0.12"), 1, nightly, 5);
    }

    /**
     * A conflict that a later version of its key settles no longer counts on the night the
     * version comes, as in a full read, though the night that found the conflict counted its rows:
     * a clerk who delivers the correction sees the night pass as --full does.
     */
    @Test
    void aConflictSettledByALaterVersionNoLongerCountsAsInAFullRead() throws Exception {
        Path data = GoldenData.copyTo(tmp.resolve("golden"));
        Path reports = tmp.resolve("reports");
        Files.writeString(data.resolve("dispatches/dispatches-conflict.csv"), DISPATCH_HEADER + A_IC_3_OTHERWISE,
                StandardCharsets.UTF_8);
        String nightly = TestingPostgres.server().createWarehouse();
        JobRunner.Result first = night(reports, data, nightly, "--quarantine-threshold", "0.1");
        assertEquals(ExitCodes.OK, first.exitCode(), first.output());
        // A-IC-3 an hour later, and a row of a type the contract does not know.
        Files.writeString(data.resolve("dispatches/dispatches-settled.csv"), DISPATCH_HEADER
                + A_IC_3.replace("2024-03-06 10:00:00", "2024-03-06 11:00:00")
                + "A-X-1,140802,bogus,2024-03-01 09:00:00,2024-03-15 09:00:00,,,2024-03-01 09:00:00\n",
                StandardCharsets.UTF_8);
        assertStopsAsAFullReadStops(reports, data, nightly, "0",
                "extract dispatches: 1 of 29 rows quarantined (3.4%), more than the allowed 0%");

        JobRunner.Result settled = night(reports, data, nightly);
        assertEquals(ExitCodes.OK, settled.exitCode(), settled.output());
        String full = assertPublishesAsAFullRead(data, nightly);
        assertSameRowsUsed(full, 1, nightly, 3);
        // The settled conflict's rows no longer count for 盐湖区 either.
        assertSameRegionRows(full, 1, nightly, 3);
    }

    /**
     * Sales staged on a night the registry was not delivered are judged on the night it first
     * comes, as a full read judges them: a sale of an operator the registry does not hold is set
     * aside, named by file and line, not left out of the quarantine because no night judged it.
     */
    @Test
    void salesStagedBeforeTheRegistryCameAreJudgedWhenItComes() throws Exception {
        Path data = GoldenData.copyTo(tmp.resolve("golden"));
        Path reports = tmp.resolve("reports");
        Path heldBack = tmp.resolve("operators-held-back");
        Files.move(data.resolve("operators"), heldBack);
        Files.writeString(data.resolve("operator-sales/sales-unknown.csv"),
                "operator_id,year,ecommerce_sales_yuan,reported_at\n91140802MA00009007,2024,150000000.00,2025-03-01\n",
                StandardCharsets.UTF_8);
        String nightly = TestingPostgres.server().createWarehouse();
        JobRunner.Result first = night(reports, data, nightly, "--quarantine-threshold", "0.2");
        assertEquals(ExitCodes.OK, first.exitCode(), first.output());
        Files.move(heldBack, data.resolve("operators"));
        JobRunner.Result second = night(reports, data, nightly, "--quarantine-threshold", "0.2");
        assertEquals(ExitCodes.OK, second.exitCode(), second.output());

        String full = assertPublishesAsAFullRead(data, nightly, "--quarantine-threshold", "0.2");
        Map<String, String> expected = quarantineReasons(full, 1, "operator-sales");
        assertTrue(expected.containsKey("operator-sales/sales-unknown.csv|2"), "the full read sets the sale aside: " + expected);
        assertEquals(expected, quarantineReasons(nightly, 2, "operator-sales"), "the night the registry came");
    }

    /**
     * A nightly run of {@code data} with the quarantine threshold stops with {@code problem}
     * (exit 2, nothing published, the delivery left to be merged again), as validate, a full
     * read of every file, does.
     */
    private void assertStopsAsAFullReadStops(Path reports, Path data, String url, String threshold, String problem) {
        JobRunner.Result validated = JobRunner.run(tmp.resolve("reports-full"), "validate", "--data", data.toString(),
                "--quarantine-threshold", threshold);
        assertEquals(ExitCodes.BAD_INPUT, validated.exitCode(), validated.output());
        assertTrue(validated.output().contains(problem), validated.output());
        JobRunner.Result stopped = night(reports, data, url, "--quarantine-threshold", threshold);
        assertEquals(ExitCodes.BAD_INPUT, stopped.exitCode(), stopped.output());
        assertTrue(stopped.output().contains(problem), stopped.output());
    }

    /** The quarantined rows a run recorded of an extract: file|line -> reason. */
    private static Map<String, String> quarantineReasons(String url, long runId, String extract) throws SQLException {
        WarehouseRows rows = WarehouseRows.query(url, "quarantined_row", "SELECT file, line, reason FROM netmarket.quarantined_row"
                + " WHERE run_id = " + runId + " AND extract = '" + extract + "'", "file", "line");
        Map<String, String> out = new TreeMap<>();
        rows.all().forEach((key, row) -> out.put(key, String.valueOf(row.get("reason"))));
        return out;
    }

    @Test
    void aNightWithoutNewFilesReusesTheKeptCounts() throws Exception {
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        String nightly = firstNightOnGolden(data, reports);
        JobRunner.Result again = night(reports, data, nightly, "--force");
        assertEquals(ExitCodes.OK, again.exitCode(), again.output());
        String log = JobRunner.lastRunLog(reports);
        assertTrue(log.contains("facts complaints: the counts of complaints@"), log);
        assertTrue(log.contains("were kept by an earlier run"), log);
        String full = assertPublishesAsAFullRead(data, nightly);
        assertSameRowsUsed(full, 1, nightly, 2);
    }

    @Test
    void aChangedStagedFileRebuildsTheStagingArea() throws Exception {
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        String nightly = firstNightOnGolden(data, reports);
        Path redelivery = data.resolve("dispatches/dispatches-redelivery.csv");
        Files.writeString(redelivery, Files.readString(redelivery).replace("2025-01-03 09:00:00,2025-01-03 10:00:00",
                "2025-01-04 09:00:00,2025-01-04 10:00:00"), StandardCharsets.UTF_8);
        JobRunner.Result rebuilt = night(reports, data, nightly);
        assertEquals(ExitCodes.OK, rebuilt.exitCode(), rebuilt.output());
        assertTrue(JobRunner.lastRunLog(reports).contains("1 changed and 0 removed file(s) since the staging area was built"),
                JobRunner.lastRunLog(reports));
        assertPublishesAsAFullRead(data, nightly);
    }

    /**
     * A staged generation deleted by hand fails the next night that reads it with one line saying
     * how to recover (exit 1, no stack trace); deleting the staging folder, as it says, lets the
     * following night rebuild it from the raw extracts.
     */
    @Test
    void aDamagedStagingAreaSaysHowToRecover() throws Exception {
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        String nightly = firstNightOnGolden(data, reports);
        Path staging = reports.resolve("staging");
        try (Stream<Path> generations = Files.list(staging.resolve("complaints"))) {
            for (Path g : generations.filter(p -> p.getFileName().toString().startsWith("g")).toList()) {
                TestFiles.deleteTree(g);
            }
        }
        Files.writeString(data.resolve("complaints/complaints-late.csv"), "complaint_id,region_code,channel,received_at,"
                + "initial_review_due,initial_reviewed_at,close_due,closed_at,mediation,satisfaction,odr_settled,updated_at\n"
                + "A-C-late,140802,online,2024-06-01 09:00:00,2024-06-08 09:00:00,2024-06-05 09:00:00,2024-07-15 09:00:00,"
                + "2024-07-10 09:00:00,success,satisfied,,2024-08-01 09:00:00\n", StandardCharsets.UTF_8);
        JobRunner.Result damaged = night(reports, data, nightly);
        assertEquals(ExitCodes.FAILURE, damaged.exitCode(), damaged.output());
        String error = damaged.output().lines().filter(l -> l.startsWith("error (")).findFirst().orElse(damaged.output());
        assertTrue(error.startsWith("error (failed, nothing was published): cannot read the staging area: [PATH_NOT_FOUND] "
                + "Path does not exist: " + staging.toUri().toString().replace("file:///", "file:/") + "complaints/g"), error);
        assertTrue(error.endsWith("(if it persists, the staging area is damaged: delete the folder " + staging.toUri().toString()
                .replace("file:///", "file:/").replaceAll("/$", "") + ", and the next nightly run rebuilds it from the raw extracts)"),
                error);
        assertFalse(damaged.output().lines().anyMatch(l -> l.startsWith("\tat org.netmarket")), "no stack trace: " + damaged.output());

        TestFiles.deleteTree(staging);
        JobRunner.Result rebuilt = night(reports, data, nightly);
        assertEquals(ExitCodes.OK, rebuilt.exitCode(), rebuilt.output());
        assertTrue(JobRunner.lastRunLog(reports).contains("no staging area yet"), JobRunner.lastRunLog(reports));
    }

    /**
     * An extract folder the staging area holds files of, gone from the data directory (a share
     * mounted in part), stops the night before anything is scored (exit 1, the scheduler may
     * retry) rather than publishing its items as missing_data; --full confirms a withdrawal.
     */
    @Test
    void anExtractGoneFromTheDataDirectoryStopsTheNightUntilFullConfirmsIt() throws Exception {
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        String nightly = firstNightOnGolden(data, reports);
        Files.move(data.resolve("complaints"), tmp.resolve("complaints-elsewhere"));
        JobRunner.Result gone = night(reports, data, nightly);
        assertEquals(ExitCodes.FAILURE, gone.exitCode(), gone.output());
        assertTrue(gone.output().contains("error (failed, nothing was published): the data directory " + data.toUri()
                .toString().replace("file:///", "file:/").replaceAll("/$", "") + " no longer has any file of complaints/ "
                + "(1 staged file), which earlier nights staged: is the delivery share fully mounted? (the scheduler may "
                + "retry; if the extract was withdrawn on purpose, run nightly --full once to rebuild the staging area "
                + "without it)"), gone.output());
        WarehouseRows runs = WarehouseRows.query(nightly, "pipeline_run", "SELECT run_id, status, error_zh FROM netmarket.pipeline_run",
                "run_id");
        runs.assertValue("2", "status", "failed");
        runs.assertValue("2", "error_zh", "数据目录 " + data.toUri().toString().replace("file:///", "file:/").replaceAll("/$", "")
                + " 中已没有以往夜间暂存过的这些数据的任何文件：complaints/（已暂存 1 个文件）。投递共享目录是否完整挂载？"
                + "（调度可以重试；若该数据是有意撤回的，请运行一次 nightly --full，不含它重建暂存区）");
        WarehouseRows before = WarehouseRows.query(nightly, "indicator_score", "SELECT region_code, indicator_code, status "
                + "FROM netmarket.indicator_score WHERE indicator_code = '25.1'", "region_code");
        before.assertValue("140802", "status", "scored");
        // Delivered again in a form no run reads (compressed): said with the files it found.
        Files.createDirectories(data.resolve("complaints"));
        Files.writeString(data.resolve("complaints/complaints-2024.csv.gz"), "not read");
        JobRunner.Result misnamed = night(reports, data, nightly);
        assertEquals(ExitCodes.FAILURE, misnamed.exitCode(), misnamed.output());
        assertTrue(misnamed.output().contains("no longer has any file of complaints/ (1 staged file; it holds only files not "
                + "read: complaints/complaints-2024.csv.gz — not a .csv file), which earlier nights staged"), misnamed.output());

        JobRunner.Result confirmed = night(reports, data, nightly, "--full");
        assertEquals(ExitCodes.OK, confirmed.exitCode(), confirmed.output());
        // The folder is there without a file it reads: delivered but empty, as the contract has it.
        WarehouseRows.query(nightly, "indicator_score", "SELECT region_code, indicator_code, status "
                + "FROM netmarket.indicator_score WHERE indicator_code = '25.1'", "region_code")
                .assertValue("140802", "status", "no_records");
    }

    /**
     * --min-file-age: a file delivered moments before the night started is named and left for a
     * later night, which merges it once it is old enough; a staged file rewritten in place moments
     * before keeps its staged rows for the night, and stops a rebuild, which would leave them out.
     */
    @Test
    void aFileModifiedMomentsAgoIsLeftForALaterNight() throws Exception {
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        GoldenData.copyTo(data);
        // Delivered long ago, all of it: only the files below are young.
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(86_400)));
            }
        }
        String nightly = TestingPostgres.server().createWarehouse();
        assertEquals(ExitCodes.OK, night(reports, data, nightly, "--min-file-age", "3600").exitCode());
        // A new file still arriving, and a staged one being rewritten in place (its last line not there yet).
        Path late = data.resolve("complaints/complaints-late.csv");
        Path staged = data.resolve("complaints/complaints-2024.csv");
        List<String> stagedLines = Files.readAllLines(staged);
        Files.writeString(late, stagedLines.stream().limit(2).map(l -> l + "\n").reduce("", String::concat)
                .replace("2024-05-01 09:00:00", "2025-03-01 09:00:00"));
        Files.write(staged, stagedLines.subList(0, stagedLines.size() - 1));
        JobRunner.Result young = night(reports, data, nightly, "--min-file-age", "3600");
        assertEquals(ExitCodes.OK, young.exitCode(), young.output());
        assertTrue(young.output().contains("  complaints/complaints-late.csv  not read: modified at "), young.output());
        assertTrue(young.output().contains("  complaints/complaints-2024.csv  not read: modified at "), young.output());
        assertTrue(young.output().contains("less than 3600 s before the run started (--min-file-age): maybe still being "
                + "delivered; a later run reads it"), young.output());
        String youngLog = JobRunner.lastRunLog(reports);
        assertTrue(youngLog.contains("0 file(s) delivered since it was built"), youngLog);
        assertTrue(youngLog.contains("complaints/complaints-2024.csv, staged by an earlier night, is too recently "
                + "modified to be read (--min-file-age): tonight scores the rows staged from it"), youngLog);
        // Its staged rows stand for it: the night scores what the first night scored.
        assertTrue(young.output().contains(RunSummary.NO_CHANGE), young.output());

        // A rebuild reads only the raw files, and one of them is not whole yet.
        JobRunner.Result rebuild = night(reports, data, nightly, "--min-file-age", "3600", "--full");
        assertEquals(ExitCodes.FAILURE, rebuild.exitCode(), rebuild.output());
        assertTrue(rebuild.output().contains("the staging area is to be rebuilt (--full was given), but 1 file(s) it holds "
                + "from earlier nights were modified less than 3600 s before the run started (--min-file-age), maybe "
                + "still being rewritten: complaints/complaints-2024.csv; a rebuild now would leave their rows out"),
                rebuild.output());

        for (Path settled : List.of(late, staged)) {
            Files.setLastModifiedTime(settled, FileTime.from(Instant.now().minusSeconds(7200)));
        }
        JobRunner.Result old = night(reports, data, nightly, "--min-file-age", "3600");
        assertEquals(ExitCodes.OK, old.exitCode(), old.output());
        assertFalse(old.output().contains("not read"), old.output());
        assertTrue(JobRunner.lastRunLog(reports).contains("1 changed and 0 removed file(s) since the staging area was built"),
                JobRunner.lastRunLog(reports));
    }

    /**
     * A first night whose every file was copied moments ago has nothing to score yet: a failure
     * the scheduler retries (exit 1), not bad input, and no scorecard of missing data. The files
     * are named as left for a later run.
     */
    @Test
    void aFirstNightWhoseEveryFileIsStillArrivingScoresNothingAndIsRetried() throws Exception {
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        GoldenData.copyTo(data);
        String nightly = TestingPostgres.server().createWarehouse();
        JobRunner.Result r = night(reports, data, nightly, "--min-file-age", "3600");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.output());
        assertTrue(r.output().contains("every extract file of the data directory was modified too recently to be read"
                + " (--min-file-age): the delivery is still being copied; a later run reads it, nothing published"), r.output());
        assertFalse(r.output().contains("holds no extract file"), r.output());
        assertEquals(0L, WarehouseRows.query(nightly, "evaluation_result", "SELECT count(*) AS n, 1 AS k FROM"
                + " netmarket.evaluation_result", "k").row("1").get("n"));
    }

    /**
     * After {@code spark.netmarket.staging.maxGenerations} generations (3 here, 8 by default) an
     * extract is compacted into one at the start of the next merging night. Every night revises a
     * staged dispatch (completed late or on time, by turns) and adds one; the keys revised come
     * round again, so the latest version of a key may sit in any generation, the compacted one
     * included. The compacted state scores as a full read does.
     */
    @Test
    void revisionsCompactedIntoOneGenerationScoreAsAFullRead() throws Exception {
        Path data = tmp.resolve("golden");
        Path reports = tmp.resolve("reports");
        String nightly = firstNightOnGolden(data, reports);
        Path dispatches = reports.resolve("staging").resolve("dispatches");
        // Generations of dispatches after each night: the first night's and one per night, until a
        // night starts with three, compacts them into one and adds its own.
        List<Integer> generations = List.of(2, 3, 2, 3, 2);
        SharedSpark.session().conf().set("spark.netmarket.staging.maxGenerations", "3");
        try {
            for (int n = 1; n <= generations.size(); n++) {
                String completed = n % 2 == 1 ? "2024-03-20 09:00:00" : "2024-03-07 09:00:00";
                Files.writeString(data.resolve("dispatches/dispatches-night-" + n + ".csv"),
                        "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at\n"
                                + "A-IC-" + ((n - 1) % 3 + 1) + ",140802,identity_claim,2024-03-01 09:00:00,2024-03-15 09:00:00,"
                                + "2024-03-05 09:00:00," + completed + ",2024-04-" + String.format("%02d", n) + " 10:00:00\n"
                                + "N-" + n + ",140821,identity_claim,2024-05-01 09:00:00,2024-05-15 09:00:00,,,2024-05-01 09:00:00\n",
                        StandardCharsets.UTF_8);
                JobRunner.Result merged = night(reports, data, nightly);
                assertEquals(ExitCodes.OK, merged.exitCode(), "night " + n + ": " + merged.output());
                String log = JobRunner.lastRunLog(reports);
                assertEquals(n == 3 || n == 5, log.contains("extract dispatches: compacting 3 staged generations into one"),
                        "night " + n + " compacts only when three generations are staged: " + log);
                // The count of the sales that resolve names the states of sales and registry only:
                // compacting dispatches keeps it, and no night joins every staged sale again.
                assertFalse(log.contains("extract operator-sales: no count kept"), "night " + n + ": " + log);
                assertEquals(generations.get(n - 1).longValue(), generationFolders(dispatches), "generations of dispatches after night " + n);
            }
        } finally {
            SharedSpark.session().conf().unset("spark.netmarket.staging.maxGenerations");
        }
        String full = assertPublishesAsAFullRead(data, nightly);
        assertSameRowsUsed(full, 1, nightly, 1 + generations.size());
    }

    private static long generationFolders(Path extract) throws IOException {
        try (Stream<Path> generations = Files.list(extract)) {
            return generations.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("g")).count();
        }
    }

    /**
     * The reference: an ad-hoc run reading every raw file of {@code data}, with further options,
     * published into a new database, which it returns.
     */
    private String fullRead(Path data, String... options) {
        String url = TestingPostgres.server().createWarehouse();
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--jdbc-url", url));
        args.addAll(List.of(options));
        JobRunner.Result read = JobRunner.run(tmp.resolve("reports-full"), "run", args.toArray(new String[0]));
        assertEquals(ExitCodes.OK, read.exitCode(), read.output());
        return url;
    }

    /**
     * Runs {@code data} for 2024 with the options into a new database, as an analyst's full read,
     * asserts that the nightly runs published the same scores into {@code nightly}, and returns
     * the full read's database.
     */
    private String assertPublishesAsAFullRead(Path data, String nightly, String... options) throws SQLException {
        List<String> args = new ArrayList<>(List.of("--year", "2024"));
        args.addAll(List.of(options));
        String full = fullRead(data, args.toArray(new String[0]));
        assertSamePublishedScores(full, nightly);
        return full;
    }

    /** A nightly run of {@code data} into {@code url} for 2024, with further options. */
    private static JobRunner.Result night(Path reports, Path data, String url, String... options) {
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--jdbc-url", url, "--year", "2024"));
        args.addAll(List.of(options));
        return JobRunner.run(reports, "nightly", args.toArray(new String[0]));
    }

    /**
     * Copies the golden delivery to {@code data} and runs the first night on it for 2024 into a
     * new database, which it returns.
     */
    private static String firstNightOnGolden(Path data, Path reports, String... options) throws Exception {
        GoldenData.copyTo(data);
        String url = TestingPostgres.server().createWarehouse();
        JobRunner.Result first = night(reports, data, url, options);
        assertEquals(ExitCodes.OK, first.exitCode(), first.output());
        return url;
    }

    /** The current rows of the three score tables, every column but run_id, are identical. */
    private static void assertSamePublishedScores(String expectedUrl, String actualUrl) throws SQLException {
        for (String table : SCORE_TABLES) {
            List<String> expected = rows(expectedUrl, table);
            List<String> actual = rows(actualUrl, table);
            assertTrue(expected.size() > 0, table + " has rows");
            assertEquals(expected, actual, table);
        }
    }

    /** Per extract, the rows used and conflicting keys one run recorded equal those of another. */
    private static void assertSameRowsUsed(String expectedUrl, long expectedRun, String actualUrl, long actualRun)
            throws SQLException {
        String sql = "SELECT extract, rows_used, conflicting_keys FROM netmarket.run_extract WHERE run_id = ";
        WarehouseRows expected = WarehouseRows.query(expectedUrl, "run_extract", sql + expectedRun, "extract");
        WarehouseRows actual = WarehouseRows.query(actualUrl, "run_extract", sql + actualRun, "extract");
        assertTrue(expected.size() > 1, "run_extract has rows");
        assertEquals(expected.all().keySet(), actual.all().keySet());
        for (String extract : expected.all().keySet()) {
            assertEquals(expected.row(extract).get("rows_used"), actual.row(extract).get("rows_used"),
                    "rows_used of " + extract);
            assertEquals(expected.row(extract).get("conflicting_keys"), actual.row(extract).get("conflicting_keys"),
                    "conflicting_keys of " + extract);
        }
    }

    /**
     * The lineage's rows per region of one run (region_extract_rows: rows in the region and those
     * set aside, which a merging night adds up from the staging manifest) equal another's.
     */
    private static void assertSameRegionRows(String expectedUrl, long expectedRun, String actualUrl, long actualRun)
            throws SQLException {
        String sql = "SELECT region_code, eval_year, extract, rows_in_region, rows_set_aside FROM netmarket.region_extract_rows"
                + " WHERE run_id = ";
        Map<String, Map<String, Object>> expected = WarehouseRows.query(expectedUrl, "region_extract_rows", sql + expectedRun,
                "region_code", "eval_year", "extract").all();
        assertFalse(expected.isEmpty(), "region_extract_rows has rows");
        assertTrue(expected.values().stream().anyMatch(r -> ((Number) r.get("rows_set_aside")).longValue() > 0),
                "some region has rows set aside: the comparison would prove little");
        assertEquals(expected, WarehouseRows.query(actualUrl, "region_extract_rows", sql + actualRun,
                "region_code", "eval_year", "extract").all());
    }

    private static List<String> rows(String url, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM netmarket." + table)) {
            ResultSetMetaData md = r.getMetaData();
            while (r.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (!md.getColumnLabel(i).equals("run_id")) {
                        sb.append(md.getColumnLabel(i)).append('=').append(r.getString(i)).append(' ');
                    }
                }
                out.add(sb.toString());
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    /** Copies every file under {@code from} to the same relative path under {@code to}; returns how many. */
    private static int copyTree(Path from, Path to) throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
                n++;
            }
        }
        return n;
    }
}
