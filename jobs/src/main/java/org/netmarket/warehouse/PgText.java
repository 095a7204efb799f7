package org.netmarket.warehouse;

import java.util.List;

/**
 * Text as PostgreSQL can store it. A {@code text} or {@code jsonb} value cannot hold the NUL
 * character, and a damaged or UTF-16 delivery carries it into what a run records about its
 * input: the raw line of a quarantined row, a header's column names, an error message. Stored
 * as is, it would fail the run's own bookkeeping; it is shown as ␀ (U+2400) instead.
 */
final class PgText {
    /** What a NUL character is stored as. */
    static final char NUL_SYMBOL = '\u2400';

    private PgText() {
    }

    static String of(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', NUL_SYMBOL);
    }

    static List<String> of(List<String> values) {
        return values.stream().map(PgText::of).toList();
    }
}
