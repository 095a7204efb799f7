package org.netmarket.warehouse;

import org.junit.jupiter.api.Test;
import org.netmarket.testing.TestingPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warehouse lock on a real PostgreSQL: one holder at a time, and a wait a stop ends. */
class PublishLockTest {
    @Test
    void aSecondRunIsRefusedAtOnceOrWhenStoppedWhileWaitingAndGetsTheLockOnceItIsFree() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        PublishLock held = PublishLock.acquire(DriverManager.getConnection(url), Duration.ZERO, () -> false);

        Connection refused = DriverManager.getConnection(url);
        PublishLock.LockedException e = assertThrows(PublishLock.LockedException.class,
                () -> PublishLock.acquire(refused, Duration.ZERO, () -> false));
        assertTrue(e.getMessage().startsWith("another pipeline run holds the warehouse lock (a run that has not registered yet); "
                + "waited 0 s"), e.getMessage());
        assertEquals(Optional.of("另一个运行持有数仓锁（一个尚未登记的运行）；已等待 0 秒。请待其结束后重试，或使用 --wait-for-lock 秒数"),
                e.messageZh());
        assertTrue(refused.isClosed(), "a refused run's lock connection is closed");

        // A wait of an hour, ended by the job being stopped after the first try.
        AtomicInteger asked = new AtomicInteger();
        Connection stopped = DriverManager.getConnection(url);
        e = assertThrows(PublishLock.LockedException.class,
                () -> PublishLock.acquire(stopped, Duration.ofHours(1), () -> asked.incrementAndGet() >= 1));
        assertEquals("stopped while waiting for the warehouse lock held by a run that has not registered yet", e.getMessage());
        assertEquals(Optional.of("在等待一个尚未登记的运行持有的数仓锁时被停止"), e.messageZh());
        assertEquals(1, asked.get(), "asked once, after the first try");
        assertTrue(stopped.isClosed());

        held.close();
        try (PublishLock next = PublishLock.acquire(DriverManager.getConnection(url), Duration.ZERO, () -> false)) {
            // The next run holds it now: a third is refused.
            assertThrows(PublishLock.LockedException.class,
                    () -> PublishLock.acquire(DriverManager.getConnection(url), Duration.ZERO, () -> false));
        }
    }

    /** A server failing the lock's query (here: an aborted transaction) leaves no connection open behind it. */
    @Test
    void aLockQueryTheServerFailsClosesTheLocksConnection() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        Connection failing = DriverManager.getConnection(url);
        failing.setAutoCommit(false);
        try (Statement s = failing.createStatement()) {
            assertThrows(SQLException.class, () -> s.execute("SELECT 1 / 0"));
        }
        SQLException e = assertThrows(SQLException.class, () -> PublishLock.acquire(failing, Duration.ZERO, () -> false));
        assertEquals("25P02", e.getSQLState(), "in failed transaction: " + e.getMessage());
        assertTrue(failing.isClosed(), "the connection of a lock not taken is closed");
    }
}
