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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two real runs at once against one warehouse, each in its own JVM as two scheduled jobs would
 * be: the second waits for the first's lock, and their writes never interleave.
 */
class ConcurrentRunsTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondRunWaitsForTheFirstAndTheirWritesDoNotInterleave() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        Process first = OtherJvm.start(tmp.resolve("first.out"), tmp.resolve("first"), "run", "--data", GoldenData.GIVEN.toString(),
                "--jdbc-url", url, "--year", "2024", "--wait-for-lock", "300");
        try {
            awaitRunning(url, first);
            Path reports = tmp.resolve("second");
            JobRunner.Result second = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(),
                    "--jdbc-url", url, "--year", "2024", "--wait-for-lock", "300");
            assertEquals(ExitCodes.OK, second.exitCode(), second.output());
            assertTrue(first.waitFor(5, TimeUnit.MINUTES), "the first run finishes");
            assertEquals(ExitCodes.OK, first.exitValue(), OtherJvm.output(tmp.resolve("first.out")));
            assertTrue(JobRunner.lastRunLog(reports).contains("waiting for the warehouse lock held by run 1"), JobRunner.lastRunLog(reports));
        } finally {
            first.destroyForcibly();
        }

        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run",
                "SELECT run_id, status, started_at, finished_at FROM netmarket.pipeline_run", "run_id");
        assertEquals(2, runs.size());
        Map<String, Object> one = runs.row("1");
        Map<String, Object> two = runs.row("2");
        assertEquals("succeeded", one.get("status"));
        assertEquals("succeeded", two.get("status"));
        Timestamp firstFinished = (Timestamp) one.get("finished_at");
        Timestamp secondStarted = (Timestamp) two.get("started_at");
        assertTrue(!secondStarted.before(firstFinished),
                "run 2 registered at " + secondStarted + ", before run 1 finished at " + firstFinished);
        // Every current row is the second run's, and each run published a complete set.
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertEquals(List.of(2L), longs(s, "SELECT DISTINCT run_id FROM netmarket.indicator_score ORDER BY 1"));
            assertEquals(List.of(2L), longs(s, "SELECT DISTINCT run_id FROM netmarket.evaluation_result ORDER BY 1"));
            List<Long> perRun = longs(s, "SELECT count(*) FROM netmarket.indicator_score_history GROUP BY run_id ORDER BY run_id");
            assertEquals(2, perRun.size());
            assertEquals(perRun.get(0), perRun.get(1), "both runs wrote the same rows to the history");
            assertEquals(perRun.get(1), longs(s, "SELECT count(*) FROM netmarket.indicator_score").get(0));
        }
    }

    /** Waits until the other JVM's run holds the lock and has registered. */
    private void awaitRunning(String url, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the first run ended early: " + OtherJvm.output(tmp.resolve("first.out")));
            }
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM netmarket.pipeline_run WHERE status = 'running'")) {
                r.next();
                if (r.getLong(1) == 1) {
                    return;
                }
            } catch (SQLException e) {
                if (!PublishedScores.UNDEFINED_TABLE.equals(e.getSQLState())) {
                    throw e; // anything but "the first run has not created the schema yet"
                }
            }
            Thread.sleep(200);
        }
        fail("the first run did not register within 3 minutes: " + OtherJvm.output(tmp.resolve("first.out")));
    }

    private static List<Long> longs(Statement s, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getLong(1));
            }
        }
        return out;
    }
}
