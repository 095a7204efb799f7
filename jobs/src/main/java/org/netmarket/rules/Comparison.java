package org.netmarket.rules;

import java.util.Locale;

/**
 * The comparison words of the indicator system, which decide boundary cases.
 *
 * <ul>
 *   <li>超过 / 大于 / 高于 (exceeds, greater than): strictly greater.</li>
 *   <li>达到 (reaches) and 以上 (and above, includes the number): greater or equal.</li>
 *   <li>无 / 不超过 (none, at most): less or equal, e.g. "no such cases" is at most 0.</li>
 * </ul>
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

    /** Whether {@code value <op> bound} holds, decided exactly. */
    public boolean holds(Ratio value, Ratio bound) {
        int c = value.compareTo(bound);
        return switch (this) {
            case GREATER_THAN -> c > 0;
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
        };
    }

    /**
     * Reads a comparison as written in an edition file: the English key
     * ({@code greater_than}, {@code at_least}, {@code reaches}, {@code at_most}) or the
     * Chinese word of the indicator system.
     */
    public static Comparison fromWord(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "greater_than", "exceeds", ">", "超过", "大于", "高于" -> GREATER_THAN;
            case "at_least", "reaches", ">=", "达到", "以上", "不低于" -> AT_LEAST;
            case "at_most", "<=", "无", "不超过" -> AT_MOST;
            default -> throw new IllegalArgumentException("unknown comparison word '" + word
                    + "' (use greater_than/超过, at_least/以上, reaches/达到 or at_most/无)");
        };
    }
}
