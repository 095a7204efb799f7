package org.netmarket.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The freshness banner of a dashboard ({@code bi_run_status}), from real runs of the job
 * against a real PostgreSQL: a publication, a later delivery that fails, an analyst's commands
 * refused for their options (counted apart, never the latest run), a run under way, and a second
 * data directory that never published.
 */
class BiRunStatusTest {
    private static final Path MISSING_COLUMN = Path.of("jobs/src/test/resources/hostile/missing-column");

    @TempDir
    Path tmp;

    @Test
    void eachDataDirectoryShowsItsLastPublicationAndTheRunsThatFailedSince() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        Path data = GoldenData.copyTo(tmp.resolve("yuncheng"));
        Path reports = tmp.resolve("reports");
        JobRunner.Result published = JobRunner.run(reports, "run", "--data", data.toString(), "--year", "2024",
                "--jdbc-url", url, "--wait-for-lock", "0");
        assertEquals(ExitCodes.OK, published.exitCode(), published.output());
        // The next delivery brings a complaints file without the required column close_due.
        Files.copy(MISSING_COLUMN.resolve("complaints/complaints-2024.csv"), data.resolve("complaints/complaints-late.csv"));
        JobRunner.Result failed = JobRunner.run(reports, "run", "--data", data.toString(), "--year", "2024",
                "--jdbc-url", url, "--wait-for-lock", "0");
        assertEquals(ExitCodes.BAD_INPUT, failed.exitCode(), failed.output());
        JobRunner.Result otherCity = JobRunner.run(reports, "run", "--data", MISSING_COLUMN.toString(), "--year", "2024",
                "--jdbc-url", url, "--wait-for-lock", "0");
        assertEquals(ExitCodes.BAD_INPUT, otherCity.exitCode(), otherCity.output());
        // An analyst's commands refused for their options: a year the data lacks, a mistyped folder.
        JobRunner.Result wrongYear = JobRunner.run(reports, "run", "--data", data.toString(), "--year", "1999",
                "--jdbc-url", url, "--wait-for-lock", "0");
        assertEquals(ExitCodes.BAD_INPUT, wrongYear.exitCode(), wrongYear.output());
        JobRunner.Result wrongFolder = JobRunner.run(reports, "run", "--data", tmp.resolve("yunchegn").toString(), "--year", "2024",
                "--jdbc-url", url, "--wait-for-lock", "0");
        assertEquals(ExitCodes.BAD_INPUT, wrongFolder.exitCode(), wrongFolder.output());

        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        String yuncheng = (String) runs.row("1").get("data_dir");
        assertEquals(yuncheng, runs.row("2").get("data_dir"));
        runs.assertValue("1", "failure_kind", null);
        runs.assertValue("2", "failure_kind", "input");
        runs.assertValue("3", "failure_kind", "input");
        runs.assertValue("4", "failure_kind", "options");
        runs.assertValue("5", "failure_kind", "options");
        runs.assertValue("5", "status", "failed");
        WarehouseRows status = WarehouseRows.query(url, "bi_run_status", "SELECT * FROM netmarket.bi_run_status", "data_dir");
        assertEquals(2, status.size(), "one row per data directory, none for the mistyped folder");

        status.assertValue(yuncheng, "last_published_run_id", 1);
        status.assertValue(yuncheng, "last_published_at", runs.row("1").get("finished_at"));
        status.assertValue(yuncheng, "latest_run_id", 2);
        status.assertValue(yuncheng, "latest_run_status", "failed");
        status.assertValue(yuncheng, "latest_run_status_zh", "失败");
        status.assertValue(yuncheng, "latest_run_mode", "adhoc");
        status.assertValue(yuncheng, "latest_run_finished_at", runs.row("2").get("finished_at"));
        String error = String.valueOf(status.row(yuncheng).get("latest_run_error"));
        assertTrue(error.contains("complaints/complaints-late.csv: header (line 1) lacks required column close_due"), error);
        String errorZh = String.valueOf(status.row(yuncheng).get("latest_run_error_zh"));
        assertTrue(errorZh.startsWith("complaints/complaints-late.csv：表头（第 1 行）缺少必需的列 close_due；"
                + "12315网络消费投诉（complaints）需要以下各列："), errorZh);
        status.assertValue(yuncheng, "latest_run_files_refused", 1);
        status.assertValue(yuncheng, "failed_runs_since_published", 1);
        status.assertValue(yuncheng, "latest_run_failure_kind", "input");
        status.assertValue(yuncheng, "refused_runs_since_published", 1);
        status.assertValue(yuncheng, "running_since", null);

        String other = (String) runs.row("3").get("data_dir");
        status.assertValue(other, "last_published_run_id", null);
        status.assertValue(other, "last_published_at", null);
        status.assertValue(other, "latest_run_id", 3);
        status.assertValue(other, "failed_runs_since_published", 1);
        status.assertValue(other, "refused_runs_since_published", 0);
        // The page of the latest run's set-aside rows is that of the failed delivery, not emptied by the refusals.
        WarehouseRows latestSetAside = WarehouseRows.query(url, "bi_set_aside_rows", "SELECT DISTINCT run_id FROM"
                + " netmarket.bi_set_aside_rows WHERE is_latest_run AND data_dir = '" + yuncheng + "'", "run_id");
        assertEquals(Set.of("2"), latestSetAside.all().keySet());

        // A run under way shows when it started; the latest finished run stays the latest one.
        long running = new RunLedger(Warehouse.open(JdbcSettings.of(url, Map.of()))).start(new RunRecord("nightly", "nightly",
                "2022", List.of(2024), null, null, null, yuncheng, Map.of(), "host", "test"));
        WarehouseRows underWay = WarehouseRows.query(url, "bi_run_status", "SELECT * FROM netmarket.bi_run_status", "data_dir");
        Object started = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run WHERE run_id = " + running,
                "run_id").row(String.valueOf(running)).get("started_at");
        assertNotNull(started);
        underWay.assertValue(yuncheng, "running_since", started);
        underWay.assertValue(yuncheng, "latest_run_id", 2);
        underWay.assertValue(other, "running_since", null);
    }
}
