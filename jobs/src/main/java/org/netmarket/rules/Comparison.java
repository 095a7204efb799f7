package org.netmarket.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The three comparisons of the indicator system, which decide boundary cases: strictly greater
 * (超过 in the 2022 edition), greater or equal (以上, which includes the number) and less or
 * equal (无, "no such cases" being at most 0).
 *
 * <p>Which word of an edition means which comparison is not decided here: an edition file
 * declares its words under {@code comparison_words}, keyed by {@link #key()}, so an edition
 * with a new word needs no Java change. The keys themselves are always understood.
 */
public enum Comparison {
    GREATER_THAN(">"),
    AT_LEAST(">="),
    AT_MOST("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The English key an edition file declares words under and may always write itself: {@code greater_than}, {@code at_least}, {@code at_most}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code value <op> bound} holds, decided exactly. */
    public boolean holds(Ratio value, Ratio bound) {
        int c = value.compareTo(bound);
        return switch (this) {
            case GREATER_THAN -> c > 0;
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
        };
    }

    /** The comparison whose {@link #key()} this is, ignoring case and surrounding blanks; empty for any other text. */
    public static Optional<Comparison> fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (Comparison c : values()) {
            if (c.key().equals(k)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
