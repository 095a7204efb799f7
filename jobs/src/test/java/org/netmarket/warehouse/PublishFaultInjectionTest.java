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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database is lost in the middle of publishing: the published scores stay as they were,
 * the lost run is recorded as failed once the database is back, and the next run succeeds
 * without manual clean-up.
 */
class PublishFaultInjectionTest {
    @TempDir
    Path reports;

    @Test
    void losingTheDatabaseMidPublishLeavesPublishedScoresIntact() throws Exception {
        TestingPostgres server = TestingPostgres.server();
        assumeTrue(server.isOwn(), "needs a test server it may stop");
        String url = server.createDatabase();
        String[] args = {"--data", GoldenData.GIVEN.toString(), "--year", "2024", "--jdbc-url", url, "--wait-for-lock", "0"};
        assertEquals(ExitCodes.OK, JobRunner.run(reports, "run", args).exitCode());
        WarehouseRows published = WarehouseRows.query(url, "indicator_score",
                "SELECT * FROM netmarket.indicator_score", "region_code", "eval_year", "indicator_code");

        // Make the publishing transaction stall after it has replaced the current item rows.
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION netmarket.stall() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN PERFORM pg_sleep(600); RETURN NULL; END $$");
            s.execute("CREATE TRIGGER stall AFTER INSERT ON netmarket.evaluation_result "
                    + "FOR EACH STATEMENT EXECUTE FUNCTION netmarket.stall()");
        }
        CompletableFuture<JobRunner.Result> lost = CompletableFuture.supplyAsync(() -> JobRunner.run(reports, "run", args));
        waitUntilStalled(url, lost);
        server.stop();
        JobRunner.Result r = lost.get(5, TimeUnit.MINUTES);
        // The environment's failure, not the job's: exit 1 and one line, no stack trace after it.
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.output());
        List<String> lines = r.output().lines().toList();
        int errorLine = lines.indexOf(lines.stream().filter(l -> l.startsWith("error (failed, nothing was published): "))
                .findFirst().orElseThrow(() -> new AssertionError("no error line in\n" + r.output())));
        assertTrue(lines.get(errorLine).contains("lost the connection to the warehouse " + JdbcSettings.redact(url)
                + " during the run: "), lines.get(errorLine));
        // Nothing after it but where the run's log is: no stack trace, nor the server's "Where:" lines.
        assertTrue(errorLine + 1 == lines.size() || lines.get(errorLine + 1).startsWith("Run folder"),
                "nothing but the run folder after the error line:\n"
                        + String.join("\n", lines.subList(errorLine, Math.min(lines.size(), errorLine + 3))));
        server.start();

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER stall ON netmarket.evaluation_result");
        }
        WarehouseRows after = WarehouseRows.query(url, "indicator_score",
                "SELECT * FROM netmarket.indicator_score", "region_code", "eval_year", "indicator_code");
        assertEquals(published.size(), after.size());
        for (var e : published.all().entrySet()) {
            after.assertValue(e.getKey(), "run_id", e.getValue().get("run_id"));
            after.assertValue(e.getKey(), "points", e.getValue().get("points"));
        }
        WarehouseRows history = WarehouseRows.query(url, "history",
                "SELECT DISTINCT run_id FROM netmarket.indicator_score_history", "run_id");
        assertEquals(1, history.size(), "nothing of the lost run reached the history");

        assertEquals(ExitCodes.OK, JobRunner.run(reports, "run", args).exitCode(), "the next run needs no clean-up");
        // Run ids come from an identity column, which may jump after a crash: key the runs by order.
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run",
                "SELECT row_number() OVER (ORDER BY run_id) AS nth, * FROM netmarket.pipeline_run", "nth");
        assertEquals(3, runs.size());
        runs.assertValue("1", "status", "succeeded");
        runs.assertValue("2", "status", "failed");
        String error = String.valueOf(runs.row("2").get("error"));
        assertTrue(error.contains("stopped before finishing") || error.contains("connection"), error);
        runs.assertValue("3", "status", "succeeded");
        if (error.contains("stopped before finishing")) {
            // Closed by the next run, which says so in both languages.
            runs.assertValue("2", "error_zh", "运行在完成前中断（进程或数据库连接丢失）；由运行 " + runs.row("3").get("run_id")
                    + " 标记为失败");
            runs.assertValue("2", "failure_kind", "interrupted");
        } else {
            assertTrue(runs.row("2").get("error_zh") != null, "a failed run says why in Chinese too: " + runs.row("2"));
            // It recorded itself once the server was back: the warehouse's failure, not the job's.
            runs.assertValue("2", "failure_kind", "environment");
        }
        WarehouseRows current = WarehouseRows.query(url, "indicator_score",
                "SELECT DISTINCT run_id FROM netmarket.indicator_score", "run_id");
        assertEquals(1, current.size());
        current.row(String.valueOf(runs.row("3").get("run_id")));
    }

    /**
     * A full disk is the machine's state, not a defect of the job: exit 1 with one line naming
     * where the job writes (a run stages nothing: no staging area named), recorded as the
     * environment's failure, nothing published.
     * (/dev/full answers every write with ENOSPC, as a full file system does.)
     */
    @Test
    void aFullDiskStopsTheRunAsTheEnvironmentsFailureNamingWhereTheJobWrites() throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        String url = TestingPostgres.server().createWarehouse();
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                "--jdbc-url", url, "--facts-csv", "/dev/full");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.output());
        List<String> lines = r.output().lines().toList();
        int errorLine = lines.indexOf(lines.stream().filter(l -> l.startsWith("error (failed, nothing was published): "))
                .findFirst().orElseThrow(() -> new AssertionError("no error line in\n" + r.output())));
        assertEquals("error (failed, nothing was published): the disk is full (No space left on device): free space where the"
                + " job writes — the report folder (--report-dir) " + reports + ", Spark's scratch space (spark.local.dir) "
                + System.getProperty("java.io.tmpdir")
                + ", --facts-csv /dev/full — and rerun", lines.get(errorLine));
        assertTrue(errorLine + 1 == lines.size() || lines.get(errorLine + 1).startsWith("Run folder"),
                "no stack trace after the error line:\n" + String.join("\n", lines.subList(errorLine, Math.min(lines.size(), errorLine + 3))));
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        assertEquals(1, runs.size());
        String run = runs.all().keySet().iterator().next();
        runs.assertValue(run, "status", "failed");
        runs.assertValue(run, "failure_kind", "environment");
        assertTrue(String.valueOf(runs.row(run).get("error_zh")).startsWith("磁盘空间不足（No space left on device）"), runs.row(run).toString());
        assertEquals(0, WarehouseRows.query(url, "indicator_score", "SELECT * FROM netmarket.indicator_score",
                "region_code", "eval_year", "indicator_code").size(), "nothing published");
    }

    /** Waits until a backend of the test database sleeps in the stalling trigger. */
    private static void waitUntilStalled(String url, CompletableFuture<JobRunner.Result> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                throw new AssertionError("the run finished before it stalled: " + run.get().output());
            }
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' "
                         + "AND datname = current_database()")) {
                r.next();
                if (r.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the publishing transaction never reached the stalling trigger");
    }
}
