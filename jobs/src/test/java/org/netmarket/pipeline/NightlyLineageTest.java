package org.netmarket.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.RunReports;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lineage of a nightly run that merges into its staging area: it reads only the new files,
 * but its scores are computed from every staged file, so {@code run_input_file},
 * {@code item_lineage} and the run folder's {@code inputs.csv} list them all (with checksums and
 * the row counts found when they were read), and {@code read_by_run} tells which it read.
 */
class NightlyLineageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISPATCH_HEADER =
            "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at\n";

    @TempDir
    Path tmp;

    @Test
    void itemLineageOfAMergingNightListsEveryFileOfItsExtracts() throws Exception {
        Path data = GoldenData.copyTo(tmp.resolve("golden"));
        Path reports = tmp.resolve("reports");
        String url = TestingPostgres.server().createWarehouse();
        night(reports, data, url, "no staging area yet");                            // run 1: reads everything
        writeDispatches(data.resolve("dispatches/dispatches-late.csv"), "L-", 3);
        night(reports, data, url, "1 file(s) delivered since it was built");         // run 2: merges one file

        // Every file of the staged state, with the one the night read marked as such.
        Map<String, Map<String, Object>> first = inputFiles(url, 1);
        Map<String, Map<String, Object>> second = inputFiles(url, 2);
        Set<String> expected = new TreeSet<>(first.keySet());
        expected.add("dispatches/dispatches-late.csv");
        assertEquals(expected, second.keySet(), "run 2 lists every staged file, not only what it read");
        for (Map.Entry<String, Map<String, Object>> e : second.entrySet()) {
            String path = e.getKey();
            Map<String, Object> f = e.getValue();
            boolean read = path.equals("regions.csv") || path.equals("dispatches/dispatches-late.csv");
            assertEquals(read, f.get("read_by_run"), "read_by_run of " + path);
            assertEquals(sha256(data.resolve(path)), f.get("sha256"), "sha256 of " + path);
            if (!read) {
                // As found by the run that read it (the first night), kept in the staging manifest.
                for (String column : new String[] {"extract", "bytes", "rows_read", "rows_quarantined", "encoding"}) {
                    assertEquals(String.valueOf(first.get(path).get(column)), String.valueOf(f.get(column)),
                            column + " of " + path);
                }
            }
        }
        assertEquals(3L, ((Number) second.get("dispatches/dispatches-late.csv").get("rows_read")).longValue());
        // The run's own counts are still those of the files it read.
        WarehouseRows extract = WarehouseRows.query(url, "run_extract",
                "SELECT rows_read, files FROM netmarket.run_extract WHERE run_id = 2 AND extract = 'dispatches'", "files");
        assertEquals(1, extract.size());
        assertEquals("3", String.valueOf(extract.all().values().iterator().next().get("rows_read")));

        // item_lineage of an item published by the night: every dispatch file, old and new.
        Map<String, Map<String, JsonNode>> lineage = lineage(url, "run_id = 2 AND extract = 'dispatches'");
        assertFalse(lineage.isEmpty(), "items computed from dispatches published by run 2");
        for (Map.Entry<String, Map<String, JsonNode>> item : lineage.entrySet()) {
            Map<String, JsonNode> files = item.getValue();
            assertEquals(Set.of("dispatches/dispatches-2024.csv", "dispatches/dispatches-redelivery.csv",
                    "dispatches/dispatches-late.csv"), files.keySet(), item.getKey());
            for (Map.Entry<String, JsonNode> f : files.entrySet()) {
                assertEquals(sha256(data.resolve(f.getKey())), f.getValue().get("sha256").asText(), f.getKey());
                assertEquals(f.getKey().endsWith("-late.csv"), f.getValue().get("read_by_run").asBoolean(), f.getKey());
                assertTrue(f.getValue().get("rows_read").canConvertToLong(), f.getKey() + " has its rows read");
            }
        }

        // The run folder lists the same files as the warehouse.
        Map<String, CSVRecord> csv = inputsCsv(JobRunner.lastRunFolder(reports));
        assertEquals(second.keySet(), csv.keySet(), "inputs.csv of run 2");
        for (Map.Entry<String, CSVRecord> r : csv.entrySet()) {
            Map<String, Object> f = second.get(r.getKey());
            assertEquals(String.valueOf(f.get("read_by_run")), r.getValue().get("read_by_run"), r.getKey());
            assertEquals(f.get("sha256"), r.getValue().get("sha256"), r.getKey());
            assertEquals(String.valueOf(f.get("rows_read")), r.getValue().get("rows_read"), r.getKey());
        }

        // A full read of the same files gives every item the same files with the same counts.
        String full = TestingPostgres.server().createWarehouse();
        JobRunner.Result reference = JobRunner.run(tmp.resolve("reports-full"), "run", "--data", data.toString(),
                "--jdbc-url", full, "--year", "2024");
        assertEquals(ExitCodes.OK, reference.exitCode(), reference.output());
        Map<String, Map<String, JsonNode>> fullLineage = lineage(full, "true");
        Map<String, Map<String, JsonNode>> nightLineage = lineage(url, "true");
        assertEquals(fullLineage.keySet(), nightLineage.keySet());
        for (String item : fullLineage.keySet()) {
            assertEquals(withoutReadByRun(fullLineage.get(item)), withoutReadByRun(nightLineage.get(item)), item);
        }
        // The region's own rows, kept up to date from the staged counts, and those set aside, the
        // night's and those the first night set aside from the files it staged, are a full read's.
        Map<String, Object> nightRows = regionRows(url);
        assertEquals(regionRows(full), nightRows);
        assertEquals("6|0", nightRows.get("140821|2024|19.1|dispatches"), "临猗县's 3 dispatches and the night's 3");
        assertEquals("20|1", nightRows.get("140802|2024|25.1|complaints"), "盐湖区's complaint closed before it was received");

        // The next night: the file staged by a merge is listed with the counts that merge found.
        writeDispatches(data.resolve("dispatches/dispatches-later.csv"), "M-", 2);
        night(reports, data, url, "1 file(s) delivered since it was built");         // run 3
        Map<String, Map<String, Object>> third = inputFiles(url, 3);
        expected.add("dispatches/dispatches-later.csv");
        assertEquals(expected, third.keySet());
        Map<String, Object> late = third.get("dispatches/dispatches-late.csv");
        assertEquals(false, late.get("read_by_run"));
        assertEquals(3L, ((Number) late.get("rows_read")).longValue());
        assertEquals(0L, ((Number) late.get("rows_quarantined")).longValue());
        assertEquals(true, third.get("dispatches/dispatches-later.csv").get("read_by_run"));
    }

    @Test
    void aManifestThatDidNotKeepTheCountsGivesUnknownCounts() throws Exception {
        // A staging area written before the manifest kept counts (the job version in its
        // fingerprint need not change): the night merges as before and records the counts as unknown.
        Path data = GoldenData.copyTo(tmp.resolve("golden"));
        Path reports = tmp.resolve("reports");
        String url = TestingPostgres.server().createWarehouse();
        night(reports, data, url, "no staging area yet");
        Path manifest = reports.resolve("staging/manifest.json");
        ObjectNode m = (ObjectNode) JSON.readTree(manifest.toFile());
        m.get("files").forEach(f -> ((ObjectNode) f).remove(List.of("rowsRead", "rowsQuarantined", "encoding",
                "extraColumns")));
        JSON.writeValue(manifest.toFile(), m);
        // Hadoop's local file system keeps a checksum next to the file; the edit makes it stale.
        Files.deleteIfExists(manifest.resolveSibling(".manifest.json.crc"));
        writeDispatches(data.resolve("dispatches/dispatches-late.csv"), "L-", 3);
        night(reports, data, url, "1 file(s) delivered since it was built");

        Map<String, Map<String, Object>> second = inputFiles(url, 2);
        assertEquals(inputFiles(url, 1).size() + 1, second.size());
        Map<String, Object> staged = second.get("dispatches/dispatches-2024.csv");
        assertEquals(false, staged.get("read_by_run"));
        assertEquals(sha256(data.resolve("dispatches/dispatches-2024.csv")), staged.get("sha256"));
        assertNull(staged.get("rows_read"));
        assertNull(staged.get("rows_quarantined"));
        assertNull(staged.get("encoding"));
        Map<String, Object> read = second.get("dispatches/dispatches-late.csv");
        assertEquals(true, read.get("read_by_run"));
        assertEquals(3L, ((Number) read.get("rows_read")).longValue(), "the night's own file: counted as it was read");
        assertEquals(0L, ((Number) read.get("rows_quarantined")).longValue());
    }

    /** Runs a nightly for 2024 and checks that it succeeded and what its log says about the staging area. */
    private void night(Path reports, Path data, String url, String expectedInLog) throws IOException {
        JobRunner.Result r = JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", url, "--year", "2024");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        String log = JobRunner.lastRunLog(reports);
        assertTrue(log.contains(expectedInLog), log);
    }

    /** New identity-claim dispatches of county 140821 (new keys: no conflict with staged rows). */
    private static void writeDispatches(Path file, String prefix, int rows) throws IOException {
        StringBuilder sb = new StringBuilder(DISPATCH_HEADER);
        for (int i = 0; i < rows; i++) {
            sb.append(prefix).append(i).append(",140821,identity_claim,2024-11-01 09:00:00,2024-11-15 09:00:00,,,"
                    + "2024-11-01 09:00:00\n");
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    /** A run's run_input_file rows by path. */
    private static Map<String, Map<String, Object>> inputFiles(String url, long runId) throws SQLException {
        return new TreeMap<>(WarehouseRows.query(url, "run_input_file",
                "SELECT * FROM netmarket.run_input_file WHERE run_id = " + runId, "path").all());
    }

    /** item_lineage's region_rows and region_rows_set_aside ({@code rows|set aside}) by item (region, year, code, extract). */
    private static Map<String, Object> regionRows(String url) throws SQLException {
        Map<String, Object> out = new TreeMap<>();
        WarehouseRows.query(url, "item_lineage", "SELECT region_code, eval_year, indicator_code, extract, "
                + "region_rows || '|' || region_rows_set_aside AS region_rows FROM netmarket.item_lineage",
                "region_code", "eval_year", "indicator_code", "extract").all()
                .forEach((item, row) -> out.put(item, row.get("region_rows")));
        return out;
    }

    /** item_lineage's files by item (region, year, code, extract) and path. */
    private static Map<String, Map<String, JsonNode>> lineage(String url, String where) throws Exception {
        WarehouseRows rows = WarehouseRows.query(url, "item_lineage", "SELECT region_code, eval_year, indicator_code, "
                + "extract, files::text AS files FROM netmarket.item_lineage WHERE " + where,
                "region_code", "eval_year", "indicator_code", "extract");
        Map<String, Map<String, JsonNode>> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> r : rows.all().entrySet()) {
            Map<String, JsonNode> files = new TreeMap<>();
            for (JsonNode f : JSON.readTree((String) r.getValue().get("files"))) {
                files.put(f.get("path").asText(), f);
            }
            out.put(r.getKey(), files);
        }
        return out;
    }

    private static Map<String, JsonNode> withoutReadByRun(Map<String, JsonNode> files) {
        Map<String, JsonNode> out = new HashMap<>();
        files.forEach((path, f) -> {
            ObjectNode copy = f.deepCopy();
            copy.remove("read_by_run");
            out.put(path, copy);
        });
        return out;
    }

    private static Map<String, CSVRecord> inputsCsv(Path runFolder) throws IOException {
        Map<String, CSVRecord> out = new TreeMap<>();
        for (CSVRecord c : RunReports.records(runFolder.resolve("inputs.csv"))) {
            out.put(c.get("path"), c);
        }
        return out;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
