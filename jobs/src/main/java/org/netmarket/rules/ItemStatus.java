package org.netmarket.rules;

import java.util.Locale;

/**
 * The status every item gets. Every status other than {@link #SCORED} gives 0 points and puts
 * the item on the region's "needs attention" list. When several apply, the one with the lowest
 * {@link #precedence()} wins: missing_data, then data_error, then no_records.
 */
public enum ItemStatus {
    SCORED(99),
    /** An input needed is not delivered, or a period is incomplete (fewer than 12 months). */
    MISSING_DATA(0),
    /** Conflicting versions of a key the item needs, or a zero base for a growth rate or share. */
    DATA_ERROR(1),
    /** A rate's denominator is 0: the extract was delivered and there was nothing to count. */
    NO_RECORDS(2),
    /** No assessment row for an assessed item. */
    NOT_ASSESSED(3);

    private final int precedence;

    ItemStatus(int precedence) {
        this.precedence = precedence;
    }

    public int precedence() {
        return precedence;
    }

    /** The warehouse spelling, e.g. {@code missing_data}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ItemStatus fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** The status that wins when both apply. */
    public static ItemStatus worst(ItemStatus a, ItemStatus b) {
        return a.precedence <= b.precedence ? a : b;
    }
}
