package org.netmarket.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.OtherJvm;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A run stopped by SIGTERM (a scheduler's timeout, systemd stopping the service) while Spark
 * reads the extracts: it exits 143, records itself as stopped rather than leaving a 'running'
 * row, publishes nothing, and the next run needs no clean-up.
 */
class StoppedRunTest {
    private static final String STOPPED = "interrupted: the job was stopped";

    @TempDir
    Path tmp;

    @Test
    void aRunStoppedWhileReadingRecordsItselfAsStoppedAndLeavesThePublishedScores() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        String[] args = {"--data", GoldenData.GIVEN.toString(), "--jdbc-url", url, "--year", "2024"};
        JobRunner.Result first = JobRunner.run(tmp.resolve("first"), "run", args);
        assertEquals(ExitCodes.OK, first.exitCode(), first.output());
        WarehouseRows published = currentScores(url);
        assertTrue(published.size() > 0, "run 1 published scores");

        String log = stoppedOnceItSays("stage ingest: started", "stopped", concat("run", args));
        assertTrue(log.contains("stage ingest: stopped after"), log);
        assertTrue(log.contains("WARN  ScoringPipeline - " + STOPPED), log);
        assertTrue(log.contains("before it finished; run 2 recorded as failed"), log);

        Map<String, Object> run2 = runs(url).row("2");
        assertEquals("failed", run2.get("status"), run2.toString());
        assertTrue(((String) run2.get("error")).startsWith(STOPPED), run2.toString());
        assertEquals("运行被中止：作业在完成前被停止（SIGTERM、Ctrl-C 或 JVM 关闭）", run2.get("error_zh"), run2.toString());
        assertEquals(published.all(), currentScores(url).all(), "the published scores are run 1's, untouched");

        JobRunner.Result next = JobRunner.run(tmp.resolve("next"), "run", args);
        assertEquals(ExitCodes.OK, next.exitCode(), next.output());
        WarehouseRows after = runs(url);
        assertEquals("succeeded", after.row("3").get("status"));
        assertEquals(run2, after.row("2"), "the next run leaves the stopped run's record as it was");
    }

    /**
     * Stopped while it waits for the warehouse lock another session holds: recorded as stopped
     * (failure_kind interrupted, saying what it waited for), not as a night that found the lock held.
     */
    @Test
    void aRunStoppedWhileWaitingForTheLockIsRecordedAsStopped() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        String[] args = {"--data", GoldenData.GIVEN.toString(), "--jdbc-url", url, "--year", "2024", "--wait-for-lock", "600"};
        JobRunner.Result first = JobRunner.run(tmp.resolve("first"), "run", args); // publishes once
        assertEquals(ExitCodes.OK, first.exitCode(), first.output());
        try (Connection holder = DriverManager.getConnection(url); Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + PublishLock.KEY + ")");
            String log = stoppedOnceItSays("waiting for the warehouse lock held by", "waiting", concat("run", args));
            assertTrue(log.contains("WARN  ScoringPipeline - " + STOPPED), log);
        }
        Map<String, Object> run2 = WarehouseRows.query(url, "pipeline_run",
                "SELECT run_id, status, failure_kind, error, error_zh FROM netmarket.pipeline_run", "run_id").row("2");
        assertEquals("failed", run2.get("status"), run2.toString());
        assertEquals("interrupted", run2.get("failure_kind"), run2.toString());
        String error = (String) run2.get("error");
        assertTrue(error.startsWith(STOPPED) && error.contains("(stopped while waiting for the warehouse lock held by "), error);
        assertTrue(((String) run2.get("error_zh")).startsWith("运行被中止"), run2.toString());
    }

    private static WarehouseRows currentScores(String url) throws Exception {
        return WarehouseRows.query(url, "indicator_score",
                "SELECT region_code, eval_year, indicator_code, points, status, value, run_id FROM netmarket.indicator_score",
                "region_code", "eval_year", "indicator_code");
    }

    private static WarehouseRows runs(String url) throws Exception {
        return WarehouseRows.query(url, "pipeline_run", "SELECT run_id, status, error, error_zh FROM netmarket.pipeline_run", "run_id");
    }

    /**
     * Runs the job in another JVM (its folders under {@code name}), sends it SIGTERM once it has
     * printed {@code line}, asserts that it exits 143, and returns what it printed.
     */
    private String stoppedOnceItSays(String line, String name, String... args) throws Exception {
        Path output = tmp.resolve(name + ".out");
        Process process = OtherJvm.start(output, tmp.resolve(name), args);
        try {
            awaitLine(process, output, line);
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the stopped run exits");
        } finally {
            process.destroyForcibly();
        }
        String log = OtherJvm.output(output);
        assertEquals(128 + 15, process.exitValue(), log);
        // The JVM halts only once the command line has said how the run ended, as for any failure:
        // the error line, the same as the last line of the run's log, and where the run folder is.
        assertTrue(log.contains("error (failed, nothing was published): " + STOPPED), log);
        assertTrue(log.contains("Run folder (run.log"), log);
        String runLog = JobRunner.lastRunLog(tmp.resolve(name));
        String last = runLog.lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains(" ERROR ") && last.contains("failed, nothing was published: " + STOPPED), runLog);
        return log;
    }

    /** Waits until the other JVM has printed {@code line}, failing if it ends first. */
    private static void awaitLine(Process process, Path output, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (OtherJvm.output(output).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                fail("the run ended before '" + line + "': " + OtherJvm.output(output));
            }
            Thread.sleep(50);
        }
        fail("no '" + line + "' within 3 minutes: " + OtherJvm.output(output));
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
