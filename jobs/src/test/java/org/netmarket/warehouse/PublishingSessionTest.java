package org.netmarket.warehouse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netmarket.testing.CapturedLog;
import org.netmarket.testing.TestingPostgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session a run publishes on: the one holding its warehouse lock, idle for as long as the run
 * computes. A server that ends idle sessions does not take it away; a run whose session went
 * anyway (and whose lock another run took) publishes nothing, nor turns the failure the other
 * run recorded for it into a success; and a job stopped while it publishes rolls back.
 */
class PublishingSessionTest {
    /** A warehouse of its own for each test, and its run ledger. */
    private String url;
    private Warehouse warehouse;
    private RunLedger ledger;

    /** What the publisher logged: whether it asked again. */
    private final CapturedLog log = CapturedLog.start();

    @AfterEach
    void restoringStderr() {
        log.close();
    }

    /** Waits until the publisher, asking whether its commit landed, got no final answer and is to ask again. */
    private void awaitRetry() {
        try {
            log.await(ASKING_AGAIN, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String ASKING_AGAIN = "'s commit landed (";

    @BeforeEach
    void freshWarehouse() {
        url = TestingPostgres.server().createWarehouse();
        warehouse = Warehouse.open(JdbcSettings.of(url, Map.of()));
        ledger = new RunLedger(warehouse);
    }

    /** 盐湖区's indicator 3 and total at {@code points}, for the year. */
    private static List<Publication> yanhu(String points) {
        return TestPublications.indicatorThree(Map.of("140802", points), LocalDate.of(2024, 12, 31));
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return query(c, sql);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** No current or history row of scores or results. */
    private static void assertNothingPublished(String url, String when) throws SQLException {
        for (String table : List.of("indicator_score", "indicator_score_history", "evaluation_result", "evaluation_result_history")) {
            assertEquals("0", query(url, "SELECT count(*) FROM netmarket." + table), table + " " + when);
        }
    }

    @Test
    void aServerThatEndsIdleSessionsDoesNotEndTheLocksSession() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + c.getCatalog() + " SET idle_session_timeout = '300ms'");
        }
        try (PublishLock held = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false);
             Connection plain = DriverManager.getConnection(url)) {
            // Until the server ended the ordinary session, idle as long as the lock's.
            String plainPid = query(plain, "SELECT pg_backend_pid()");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!"0".equals(query(url, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + plainPid))) {
                assertTrue(System.nanoTime() < deadline, "the server never ended the idle session");
                Thread.sleep(50);
            }
            // The control: an ordinary session idle as long was ended, so the hazard was real.
            assertThrows(SQLException.class, () -> query(plain, "SELECT 1"), "the server ends idle sessions");
            assertThrows(PublishLock.LockedException.class,
                    () -> PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false).close(),
                    "the lock is still held after its session was idle");
            assertTrue(held.session().isValid(5), "the lock's session is still open");
        }
    }

    /**
     * The server probes the lock's session (TCP keepalives) after a minute of quiet, so that a
     * run whose machine went away without closing it frees the lock within minutes, not the
     * operating system's two hours; an ordinary session keeps the server's settings.
     */
    @Test
    void theServerProbesTheLocksSessionSoThatAMachineGoneFreesTheLock() throws Exception {
        String keepalives = "SELECT string_agg(setting, ' ' ORDER BY name) FROM pg_settings"
                + " WHERE name IN ('tcp_keepalives_count', 'tcp_keepalives_idle', 'tcp_keepalives_interval')";
        try (PublishLock held = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false);
             Connection plain = warehouse.connect()) {
            String[] set = query(held.session(), keepalives).split(" ");
            int probes = Integer.parseInt(set[0]);
            int idle = Integer.parseInt(set[1]);
            int interval = Integer.parseInt(set[2]);
            assertTrue(probes > 0 && idle > 0 && interval > 0, String.join(" ", set));
            assertTrue(idle + probes * interval <= 180, "a machine gone is found within 3 minutes: " + String.join(" ", set));
            assertNotEquals(query(held.session(), keepalives), query(plain, keepalives), "the lock's session's own");
        }
    }

    @Test
    void aRunWhoseLockWentWithItsSessionPublishesNothing() throws Exception {
        PublishLock lost = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false);
        long first = ledger.start(TestPublications.runRecord("adhoc"));
        long pid;
        try (Statement s = lost.session().createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            pid = r.getLong(1);
        }
        // The session ends under the run (a server restart, a dropped connection) while it computes.
        assertEquals("t", query(url, "SELECT pg_terminate_backend(" + pid + ")"));
        try (PublishLock taken = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            long second = ledger.start(TestPublications.runRecord("adhoc"));
            assertEquals(1, ledger.closeAbandoned(second), "the next run marks the first failed");

            SQLException e = assertThrows(SQLException.class,
                    () -> new ScorePublisher(lost, warehouse, () -> false).publish(first, List.of(), yanhu("1.0")));
            assertTrue(e.getMessage().startsWith("the connection that holds the warehouse lock was lost while the run computed"),
                    e.getMessage());
            assertTrue(Warehouse.lostConnection(e, "db") != null, "a failure of the run's environment, not a defect of the job");
            assertEquals("0", query(url, "SELECT count(*) FROM netmarket.indicator_score_history"),
                    "nothing of the first run published");
            assertEquals("failed", query(url, "SELECT status FROM netmarket.pipeline_run WHERE run_id = " + first));

            new ScorePublisher(taken, warehouse, () -> false).publish(second, List.of(), yanhu("2.0"));
            assertEquals(second + " 2.0", query(url, "SELECT run_id || ' ' || points FROM netmarket.indicator_score"));
        } finally {
            lost.close();
        }
    }

    /**
     * A job stopped while it publishes (SIGTERM) rolls the publication back instead of committing
     * it, so that its exit code (143, non-zero) is true: nothing was published.
     */
    @Test
    void aJobStoppedWhileItPublishesRollsThePublicationBack() throws Exception {
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            long run = ledger.start(TestPublications.runRecord("adhoc"));
            assertThrows(ScorePublisher.StoppedBeforeCommit.class,
                    () -> new ScorePublisher(lock, warehouse, () -> true).publish(run, List.of(), yanhu("1.0")));
            assertNothingPublished(url, "after the stopped publication");
            assertEquals("running", query(url, "SELECT status FROM netmarket.pipeline_run WHERE run_id = " + run),
                    "the run is left for the pipeline to record as interrupted");
        }
    }

    /**
     * The mark of success is taken only from a run still marked running: one marked failed by a
     * run that took the lock meanwhile rolls its whole publication back, and a night with nothing
     * to publish cannot turn it into a success either.
     */
    @Test
    void aRunMarkedFailedMeanwhileStaysFailedAndPublishesNothing() throws Exception {
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), Duration.ZERO, () -> false)) {
            long run = ledger.start(TestPublications.runRecord("adhoc"));
            long other = ledger.start(TestPublications.runRecord("adhoc"));
            assertEquals(1, ledger.closeAbandoned(other), "the run is marked failed as if another had taken the lock");

            SQLException e = assertThrows(SQLException.class,
                    () -> new ScorePublisher(lock, warehouse, () -> false).publish(run, List.of(), yanhu("1.0")));
            assertEquals("run " + run + " is no longer marked running in pipeline_run: a later run marked it failed, having taken"
                    + " the warehouse lock this run lost; nothing was published", e.getMessage());
            assertTrue(Warehouse.lostConnection(e, "db") != null, "a failure of the run's environment, not a defect of the job");
            assertNothingPublished(url, "after the rolled-back publication");
            assertThrows(SQLException.class, () -> ledger.succeedWithoutPublishing(run, "nothing new"));
            assertEquals("failed", query(url, "SELECT status FROM netmarket.pipeline_run WHERE run_id = " + run));

            // The session is usable again, in autocommit, for the run's own next publication.
            new ScorePublisher(lock, warehouse, () -> false).publish(other, List.of(), yanhu("1.5"));
            assertTrue(lock.session().getAutoCommit());
            assertEquals("succeeded", query(url, "SELECT status FROM netmarket.pipeline_run WHERE run_id = " + other));
        }
    }

    /**
     * A session whose commit is lost as the server answers it (a restart, a dropped network): the
     * server commits first when {@code landing}, then the session ends and the driver reports
     * the connection gone, as it does when the acknowledgement never arrives.
     */
    private static Connection losingItsCommit(Connection session, boolean landing, Runnable afterwards) {
        return committingBy(session, () -> {
            if (landing) {
                session.commit();
            }
            session.close();
            afterwards.run();
            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
        });
    }

    /** What a session's commit does instead of committing. */
    private interface Commit {
        void run() throws SQLException;
    }

    /** The session, with {@code commit} in place of its commit. */
    private static Connection committingBy(Connection session, Commit commit) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        commit.run();
                        return null;
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * The acknowledgement of a commit that landed is lost: the run published (pipeline_run says
     * succeeded, the scores are current), and publishing says so instead of failing, which would
     * tell a scheduler that nothing was published.
     */
    @Test
    void aCommitWhoseAcknowledgementIsLostButLandedIsAPublication() throws Exception {
        try (PublishLock lock = PublishLock.acquire(losingItsCommit(warehouse.connect(), true, () -> { }), Duration.ZERO,
                () -> false)) {
            long run = ledger.start(TestPublications.runRecord("adhoc"));
            ScoreChanges.Report report = new ScorePublisher(lock, warehouse, () -> false).publish(run, List.of(), yanhu("1.5"));
            assertEquals(List.of(new ScoreChanges.RegionYear("140802", 2024)), report.additions(),
                    "what the run published, reported as for any publication");
            assertEquals("succeeded", query(url, "SELECT status FROM netmarket.pipeline_run WHERE run_id = " + run));
            assertEquals(run + " 1.5", query(url, "SELECT run_id || ' ' || points FROM netmarket.indicator_score"));
        }
    }

    /**
     * The warehouse refuses connections for a moment after the lost commit (a restart): asked
     * again once it answers, it says the run published.
     */
    @Test
    void aCommitLostAsTheWarehouseRestartsIsFoundLandedOnceItAnswers() throws Exception {
        TestingPostgres server = TestingPostgres.server();
        // Back once the first attempt to ask was refused: asked again, the server answers.
        Runnable restart = () -> {
            server.allowConnections(url, false);
            CompletableFuture.runAsync(() -> {
                awaitRetry();
                server.allowConnections(url, true);
            });
        };
        try (PublishLock lock = PublishLock.acquire(losingItsCommit(warehouse.connect(), true, restart), Duration.ZERO,
                () -> false)) {
            long run = ledger.start(TestPublications.runRecord("adhoc"));
            new ScorePublisher(lock, warehouse, () -> false).publish(run, List.of(), yanhu("1.5"));
            assertEquals("succeeded", query(url, "SELECT status FROM netmarket.pipeline_run WHERE run_id = " + run));
            assertTrue(log.text().contains(ASKING_AGAIN), "asked again: " + log.text());
        } finally {
            server.allowConnections(url, true);
        }
    }

    /**
     * The commit log says committed a moment before other sessions see the commit (PostgreSQL
     * marks it, then waits for a synchronous standby, then shows it): asked then, the run still
     * reads as running. Asked again once the commit shows, the run published; taken as "not
     * committed" it was reported as a failure that published nothing. Mimicked here by the run's
     * status read back as running for a moment after the commit.
     */
    @Test
    void aCommitLostBeforeOtherSessionsSeeItIsFoundLandedOnceTheyDo() throws Exception {
        long[] run = new long[1];
        Runnable notYetVisible = () -> {
            try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
                s.execute("UPDATE netmarket.pipeline_run SET status = 'running' WHERE run_id = " + run[0]);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            // Shown once the run was asked after and read as running.
            CompletableFuture.runAsync(() -> {
                awaitRetry();
                try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
                    s.execute("UPDATE netmarket.pipeline_run SET status = 'succeeded' WHERE run_id = " + run[0]);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        };
        try (PublishLock lock = PublishLock.acquire(losingItsCommit(warehouse.connect(), true, notYetVisible), Duration.ZERO,
                () -> false)) {
            run[0] = ledger.start(TestPublications.runRecord("adhoc"));
            ScoreChanges.Report report = new ScorePublisher(lock, warehouse, () -> false).publish(run[0], List.of(), yanhu("1.5"));
            assertEquals(List.of(new ScoreChanges.RegionYear("140802", 2024)), report.additions(), "a publication");
            assertEquals(run[0] + " 1.5", query(url, "SELECT run_id || ' ' || points FROM netmarket.indicator_score"));
            assertTrue(log.text().contains(ASKING_AGAIN), "asked again: " + log.text());
        }
    }

    /** The session is lost before the commit landed: the failure stands, and nothing was published. */
    @Test
    void aCommitLostBeforeItLandedFailsAndPublishesNothing() throws Exception {
        try (PublishLock lock = PublishLock.acquire(losingItsCommit(warehouse.connect(), false, () -> { }), Duration.ZERO,
                () -> false)) {
            long run = ledger.start(TestPublications.runRecord("adhoc"));
            SQLException e = assertThrows(SQLException.class,
                    () -> new ScorePublisher(lock, warehouse, () -> false).publish(run, List.of(), yanhu("1.5")));
            assertEquals("08006", e.getSQLState(), e.getMessage());
            assertTrue(Warehouse.lostConnection(e, "db") != null, "a failure of the run's environment: " + e.getMessage());
            assertFalse(PublicationOutcomeUnknown.isCauseOf(e), "known not to have landed: " + e.getMessage());
            assertNothingPublished(url, "after a commit that did not land");
            assertEquals("running", query(url, "SELECT status FROM netmarket.pipeline_run WHERE run_id = " + run),
                    "left for the pipeline to record as failed");
        }
    }

    /**
     * A commit the server refuses (a serialization failure, say) is no lost connection: nothing
     * landed, and the failure is the server's, as it said it, without asking anything.
     */
    @Test
    void aCommitTheServerRefusesFailsAsItSaid() throws Exception {
        Connection session = warehouse.connect();
        Connection refusing = committingBy(session, () -> {
            session.rollback();
            throw new SQLException("could not serialize access due to concurrent update", "40001");
        });
        try (PublishLock lock = PublishLock.acquire(refusing, Duration.ZERO, () -> false)) {
            long run = ledger.start(TestPublications.runRecord("adhoc"));
            SQLException e = assertThrows(SQLException.class,
                    () -> new ScorePublisher(lock, warehouse, () -> false).publish(run, List.of(), yanhu("1.5")));
            assertEquals("40001", e.getSQLState(), e.getMessage());
            assertEquals(null, Warehouse.lostConnection(e, "db"), "not the environment's: " + e.getMessage());
            assertNothingPublished(url, "after a refused commit");
        }
    }

    /**
     * The warehouse does not answer after the session was lost as it committed: the failure
     * says that whether the run published is not known, and where to look, which is true.
     */
    @Test
    void aCommitLostWithTheWarehouseSaysWhetherItPublishedIsNotKnown() throws Exception {
        TestingPostgres server = TestingPostgres.server();
        try (PublishLock lock = PublishLock.acquire(losingItsCommit(warehouse.connect(), true,
                () -> server.allowConnections(url, false)), Duration.ZERO, () -> false)) {
            long run = ledger.start(TestPublications.runRecord("adhoc"));
            SQLException e = assertThrows(SQLException.class,
                    () -> new ScorePublisher(lock, warehouse, () -> false).publish(run, List.of(), yanhu("1.5")));
            String said = Warehouse.lostConnection(e, "db").getMessage();
            assertTrue(said.startsWith("lost the connection to the warehouse db during the run: whether run " + run
                    + " published is not known: the connection was lost as it committed"), said);
            assertTrue(said.endsWith("; pipeline_run says 'succeeded' for run " + run + " if it did"), said);
            assertTrue(PublicationOutcomeUnknown.isCauseOf(e), "told apart from a failure that published nothing");
            server.allowConnections(url, true);
            assertEquals("succeeded", query(url, "SELECT status FROM netmarket.pipeline_run WHERE run_id = " + run),
                    "where the message says to look: the commit had landed");
        } finally {
            server.allowConnections(url, true);
        }
    }
}
