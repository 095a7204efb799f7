package org.netmarket.warehouse;

import org.netmarket.rules.BilingualFailure;
import org.netmarket.rules.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The warehouse-wide lock that keeps two runs from interleaving their writes: a PostgreSQL
 * session advisory lock held on a dedicated connection for the whole run. A run that cannot
 * get it within the wait gives up with {@link LockedException}, naming the run that holds it.
 * The lock goes away with its connection, so a crashed run never leaves it behind, nor, within
 * minutes, a run whose machine went away ({@link #keptAlive}).
 *
 * <p>For the same reason a run could lose it unawares while it computes (the session ended by
 * the server, a dropped connection) and another run take it: so the run publishes in a
 * transaction on the lock's own {@link #session}, which then fails instead of publishing beside
 * the other run; and the session is kept from ending for being idle.
 */
public final class PublishLock implements AutoCloseable {
    /** Advisory lock key: the bytes of "netmkt01" as a bigint, fixed for every version. */
    public static final long KEY = 0x6e65746d6b743031L;

    private static final Logger LOG = LoggerFactory.getLogger(PublishLock.class);

    /** Quiet on the lock's connection after which the server probes the run's machine. */
    static final int KEEPALIVE_IDLE_SECONDS = 60;
    /** Between the server's probes of an unanswering machine. */
    static final int KEEPALIVE_INTERVAL_SECONDS = 10;
    /** Probes unanswered after which the server ends the session, and the lock with it. */
    static final int KEEPALIVE_PROBES = 6;

    private final Connection connection;

    private PublishLock(Connection connection) {
        this.connection = connection;
    }

    /** Another run holds the lock. */
    public static final class LockedException extends RuntimeException implements BilingualFailure {
        private static final long serialVersionUID = 1L;
        private final String messageZh;

        public LockedException(Reason reason) {
            super(reason.en());
            this.messageZh = reason.zh();
        }

        @Override
        public Optional<String> messageZh() {
            return Optional.of(messageZh);
        }
    }

    /**
     * Takes the lock, waiting up to {@code wait} (polling once a second) unless the job is
     * stopped meanwhile: a Ctrl-C during a long {@code --wait-for-lock} ends the wait at once.
     *
     * @param connection    a connection used only for the lock; closed by {@link #close()}, or at once when the
     *                      lock is not taken
     * @param stopRequested true once the job is being stopped
     */
    public static PublishLock acquire(Connection connection, Duration wait, BooleanSupplier stopRequested) throws SQLException {
        try {
            return new PublishLock(keptAlive(waitFor(connection, wait, stopRequested)));
        } catch (SQLException | RuntimeException e) {
            // Not taken (held, stopped, or the server failing): the lock's connection is not kept.
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Polls for the lock until it is taken (returns the connection holding it) or the wait ends. */
    private static Connection waitFor(Connection connection, Duration wait, BooleanSupplier stopRequested) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean logged = false;
        while (true) {
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, KEY);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return connection;
                    }
                }
            }
            Reason holder = holder(connection);
            if (stopRequested.getAsBoolean()) {
                throw new LockedException(Reason.of("stopped while waiting for the warehouse lock held by " + holder.en(),
                        "在等待" + holder.zh() + "持有的数仓锁时被停止"));
            }
            if (System.nanoTime() >= deadline) {
                throw new LockedException(Reason.of("another pipeline run holds the warehouse lock (" + holder.en()
                        + "); waited " + wait.toSeconds() + " s. Try again when it has finished, or pass --wait-for-lock SECONDS",
                        "另一个运行持有数仓锁（" + holder.zh() + "）；已等待 " + wait.toSeconds()
                        + " 秒。请待其结束后重试，或使用 --wait-for-lock 秒数"));
            }
            if (!logged) {
                LOG.info("waiting for the warehouse lock held by {}", holder.en());
                logged = true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockedException(Reason.of("interrupted while waiting for the warehouse lock", "在等待数仓锁时被中断"));
            }
        }
    }

    /**
     * The lock's session sits idle while the run computes, minutes to hours: a server's
     * {@code idle_session_timeout} (PostgreSQL 14 and later; a guard against leaked sessions)
     * would end it, and free the lock for another run, long before the run publishes.
     *
     * <p>A run whose machine goes away without closing the connection (a power cut, a lost
     * network: a process that dies has its connection closed) would keep the lock until the
     * server's TCP keepalives found the connection dead, two hours and more by the usual
     * operating-system defaults, and every run until then waits for it and gives up. The session
     * asks the server to probe it after {@link #KEEPALIVE_IDLE_SECONDS} s of quiet, every
     * {@link #KEEPALIVE_INTERVAL_SECONDS} s, {@link #KEEPALIVE_PROBES} times: the lock of a
     * machine gone is free within about two minutes, while a machine that computes answers the
     * probes from its kernel. (Over a Unix socket the settings read 0 and do nothing.)
     */
    private static Connection keptAlive(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET tcp_keepalives_idle = " + KEEPALIVE_IDLE_SECONDS);
            s.execute("SET tcp_keepalives_interval = " + KEEPALIVE_INTERVAL_SECONDS);
            s.execute("SET tcp_keepalives_count = " + KEEPALIVE_PROBES);
        }
        if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET idle_session_timeout = 0");
            }
        }
        return connection;
    }

    /**
     * The session that holds the lock. A transaction on it runs with the lock held, or fails
     * when the session, and the lock with it, is gone: publishing on it can never interleave
     * with a run that took the lock since.
     */
    public Connection session() {
        return connection;
    }

    /** Who holds the lock: {@code run 7 'nightly' started … on host}, and in Chinese. */
    private static Reason holder(Connection c) {
        String sql = "SELECT r.run_id, r.started_at, r.host, r.command FROM pipeline_run r "
                + "WHERE r.status = 'running' ORDER BY r.run_id DESC LIMIT 1";
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            if (r.next()) {
                return Reason.of("run " + r.getLong(1) + " '" + r.getString(4) + "' started " + r.getTimestamp(2) + " on " + r.getString(3),
                        "运行 " + r.getLong(1) + "（" + r.getString(4) + "，" + r.getTimestamp(2) + " 在 " + r.getString(3) + " 上开始）");
            }
        } catch (SQLException e) {
            LOG.debug("cannot tell who holds the lock", e);
        }
        return Reason.of("a run that has not registered yet", "一个尚未登记的运行");
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, KEY);
            s.execute();
        } catch (SQLException e) {
            LOG.debug("releasing the lock failed; closing its connection releases it", e);
        } finally {
            connection.close();
        }
    }
}
