package org.netmarket.rules;

import java.io.Serializable;

/**
 * One measured quantity of an item, e.g. the 2024 online-retail growth of a region or the
 * on-time rate of report clues, with what it is compared against when the comparison is not a
 * fixed threshold of the edition (a published national rate, the region's own total-retail
 * growth).
 *
 * @param label      what was measured, e.g. {@code 2024} or {@code on_time_rate}
 * @param value      the measured ratio; null when {@code absent}
 * @param comparison the value it is compared with, or null when the edition's threshold applies
 * @param absent     true when there was nothing to measure (e.g. no litigation decided in the
 *                   year), which some rules count as met
 * @param count      true when the value is a number of things (operators, cases), not a ratio
 *                   of two: it is published without a numerator and denominator
 */
public record Observation(String label, Ratio value, Ratio comparison, boolean absent, boolean count)
        implements Serializable {

    public static Observation of(String label, Ratio value) {
        return new Observation(label, value, null, false, false);
    }

    /** A number of things, e.g. new above-scale operators. */
    public static Observation count(String label, long count) {
        return new Observation(label, Ratio.of(count), null, false, true);
    }

    public static Observation against(String label, Ratio value, Ratio comparison) {
        return new Observation(label, value, comparison, false, false);
    }

    public static Observation absent(String label) {
        return new Observation(label, null, null, true, false);
    }
}
