package org.netmarket.warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A short use of the warehouse on a session of its own, tried again while the warehouse is away
 * for a moment: a restart refuses connections for seconds, which is also when a run's own
 * session is lost. Attempts follow pauses of 1, 2 and 4 s, and none starts later than
 * {@link #WITHIN} after the first; each connects briefly ({@link Warehouse#connectBriefly}). The
 * attempts take about 8 s, plus the last one's (at most 5 s to connect and 5 s for an answer):
 * well within a stopped job's grace (30 s) when the warehouse refuses or answers, as it does
 * while restarting.
 */
final class Retrying {
    private static final Logger LOG = LoggerFactory.getLogger(Retrying.class);
    /** The pauses before the second, third and fourth attempt. */
    static final List<Duration> PAUSES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    /** No attempt starts later than this after the first. */
    static final Duration WITHIN = Duration.ofSeconds(8);
    /**
     * SQL states of a warehouse that is there but takes no session for now: a database that
     * does not accept connections (ALTER DATABASE … ALLOW_CONNECTIONS false), too many clients
     * (every client reconnecting after a restart).
     */
    private static final Set<String> NO_SESSION_FOR_NOW = Set.of("55000", "53300");

    private Retrying() {
    }

    /** One attempt. */
    interface Attempt<T> {
        T run() throws SQLException;
    }

    /** Thrown by an attempt whose answer is not final yet (a transaction still committing): tried again. */
    static final class NotYet extends SQLException {
        NotYet(String reason) {
            super(reason);
        }
    }

    /**
     * The result of the first attempt that succeeds; the last failure when none did. Only the
     * warehouse being away (a lost or refused connection) or an answer not final yet is tried
     * again: a refused password or a missing table fails at once.
     */
    static <T> T retrying(String what, Attempt<T> attempt) throws SQLException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        for (int i = 0; ; i++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                boolean passing = e instanceof NotYet || Warehouse.isConnectionLoss(e)
                        || NO_SESSION_FOR_NOW.contains(e.getSQLState());
                if (!passing || i == PAUSES.size() || System.nanoTime() + PAUSES.get(i).toNanos() > deadline) {
                    throw e;
                }
                LOG.info("could not {} ({}); trying again in {} s", what, Warehouse.serverSaid(e), PAUSES.get(i).toSeconds());
                try {
                    Thread.sleep(PAUSES.get(i).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
