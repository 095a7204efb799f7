package org.netmarket.warehouse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netmarket.testing.CapturedLog;
import org.netmarket.testing.TestingPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's failure is recorded with its reason though the warehouse, which may be why the run
 * failed, refuses connections for a moment; when it stays away, the failure to record says why.
 */
class RecordingFailureTest {
    private final TestingPostgres server = TestingPostgres.server();
    /** A warehouse of its own for each test, its ledger, and a run registered in it. */
    private String url;
    private RunLedger ledger;
    private long run;

    /** What the attempts logged. */
    private final CapturedLog log = CapturedLog.start();

    @AfterEach
    void restoringStderr() {
        log.close();
    }

    @BeforeEach
    void registeredRun() throws SQLException {
        url = server.createWarehouse();
        ledger = new RunLedger(Warehouse.open(JdbcSettings.of(url, Map.of())));
        run = ledger.start(TestPublications.runRecord("nightly"));
    }

    private String statusAndError() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT status || ' ' || coalesce(error, '-') || ' ' || coalesce(failure_kind, '-') "
                     + "FROM netmarket.pipeline_run WHERE run_id = " + run)) {
            r.next();
            return r.getString(1);
        }
    }

    /** What a test does while the warehouse refuses connections. */
    private interface WhileRefused {
        void run() throws Exception;
    }

    /** Runs {@code action} with new connections to the warehouse refused, and lets them in again after it. */
    private void refusingConnections(WhileRefused action) throws Exception {
        server.allowConnections(url, false);
        try {
            action.run();
        } finally {
            server.allowConnections(url, true);
        }
    }

    @Test
    void aFailureIsRecordedOnceTheWarehouseAnswersAgain() throws Exception {
        refusingConnections(() -> {
            CompletableFuture<Boolean> recorded = CompletableFuture.supplyAsync(() -> {
                try {
                    return ledger.fail(run, "lost the connection to the warehouse", "与数仓的连接中断",
                            RunLedger.FailureKind.ENVIRONMENT);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            // Back once the first attempt was refused (not after a fixed delay, which a slow first
            // attempt could outlast): the second attempt finds it.
            log.await("could not record run " + run + " as failed", Duration.ofSeconds(30));
            server.allowConnections(url, true);
            assertTrue(recorded.get(30, TimeUnit.SECONDS), "recorded");
        });
        assertEquals(2, attempts(), "recorded by the second attempt: " + log.text());
        assertEquals("failed lost the connection to the warehouse environment", statusAndError());
    }

    @Test
    void aWarehouseThatStaysAwayFailsTheRecordingWithItsReason() throws Exception {
        refusingConnections(() -> {
            SQLException e = assertThrows(SQLException.class,
                    () -> ledger.fail(run, "disk full", "磁盘已满", RunLedger.FailureKind.ENVIRONMENT));
            assertEquals("55000", e.getSQLState(), "the server's refusal, as it said it: " + e.getMessage());
        });
        assertEquals(1 + Retrying.PAUSES.size(), attempts(), "tried again after each pause before giving up: " + log.text());
        assertEquals("running - -", statusAndError(), "left for the next run to close");
    }

    /** The attempts to record this run the log shows so far: the first, and one more for each "trying again". */
    private int attempts() {
        return 1 + (int) log.text().lines()
                .filter(l -> l.contains("could not record run " + run + " as failed") && l.contains("; trying again in "))
                .count();
    }

    /** A run no longer running (it published, or another run marked it failed) is left as it is, and said to be. */
    @Test
    void aRunNoLongerRunningIsNotRecordedAsFailed() throws Exception {
        ledger.succeedWithoutPublishing(run, "nothing new");
        assertFalse(ledger.fail(run, "stopped", "被停止", RunLedger.FailureKind.INTERRUPTED), "not recorded");
        assertEquals("succeeded - -", statusAndError());
    }
}
