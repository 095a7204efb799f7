package org.netmarket.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the job logs while a test runs, for a test that asserts which way the code went when the
 * results of both ways are the same. The log's console appender follows System.err as it is at
 * each line, so the capture replaces System.err, still passing every line on to it, until closed.
 */
public final class CapturedLog implements AutoCloseable {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream stderr;

    private CapturedLog() {
        stderr = System.err;
        System.setErr(new PrintStream(new TeeStream(captured, stderr), true, StandardCharsets.UTF_8));
    }

    /** Starts capturing. */
    public static CapturedLog start() {
        return new CapturedLog();
    }

    /** Everything logged since the capture started (from any thread). */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * Waits until the log holds {@code part}, for a test that acts once the code under test got
     * that far (not after a fixed delay, which a slow machine outlasts); fails when it does not
     * within {@code within}.
     */
    public void await(String part, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!text().contains(part)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the log never said '" + part + "' within " + within.toSeconds() + " s: " + text());
            }
            Thread.sleep(20);
        }
    }

    /** Puts System.err back as it was. */
    @Override
    public void close() {
        System.setErr(stderr);
    }
}
