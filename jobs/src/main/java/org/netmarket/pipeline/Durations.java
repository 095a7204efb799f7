package org.netmarket.pipeline;

import java.util.Locale;

/** Human-readable durations for the log. */
final class Durations {
    private Durations() {
    }

    static String format(long nanos) {
        long ms = nanos / 1_000_000;
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }
}
