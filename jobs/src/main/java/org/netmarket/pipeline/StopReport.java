package org.netmarket.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a JVM that is being stopped (SIGTERM) until the command line has said how the run
 * ended: the run's shutdown hook waits for the run to record itself, then for this, which the
 * command line gives once it has printed the error line, added it to the run's log and named the
 * run folder. Without it the JVM halts as soon as the run has recorded itself, and that account —
 * what a scheduler's mail and the night's log show — is cut off or missing.
 */
public final class StopReport {
    /** One per JVM: a JVM stops once, after whichever command it ran. */
    private static final CountDownLatch GIVEN = new CountDownLatch(1);
    /** How long a stopping JVM waits for the report once the run has ended: printing takes milliseconds. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private StopReport() {
    }

    /** The command line has reported (or had nothing to report): a stopping JVM may halt. */
    public static void given() {
        GIVEN.countDown();
    }

    /** Waits at most {@link #WAIT} for {@link #given}. */
    static void await() throws InterruptedException {
        GIVEN.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
