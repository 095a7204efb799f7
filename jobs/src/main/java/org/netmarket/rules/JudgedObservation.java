package org.netmarket.rules;

import java.math.BigDecimal;

/**
 * An observation in the figures an analyst reads, as its item's rule judges it: what the
 * warehouse publishes as an item's value, numerator, denominator and comparison (and in its
 * detail per observation), and what the scorecard of an {@code --items} run prints.
 *
 * @param value       the measured value in decimal form; null when absent
 * @param numerator   the ratio's numerator; null for a count (a number of things) or when absent
 * @param denominator the ratio's denominator; null likewise
 * @param comparison  what the value is measured against ({@link ScoringRule#comparedWith}); null when nothing
 * @param met         whether the rule counts it as met ({@link ScoringRule#verdict}); null when it has no such verdict
 */
public record JudgedObservation(String label, boolean absent, BigDecimal value, BigDecimal numerator,
                                BigDecimal denominator, BigDecimal comparison, Boolean met) {

    public static JudgedObservation of(Observation o, ScoringRule rule) {
        Ratio bound = rule.comparedWith(o);
        BigDecimal comparison = bound == null ? null : bound.toDecimal();
        if (o.absent() || o.value() == null) {
            return new JudgedObservation(o.label(), o.absent(), null, null, null, comparison, rule.verdict(o));
        }
        boolean ratio = !o.count();
        // Without the zeros Spark's decimal sums carry (277648566.920000000000).
        return new JudgedObservation(o.label(), false, o.value().toDecimal(),
                ratio ? o.value().numerator().stripTrailingZeros() : null,
                ratio ? o.value().denominator().stripTrailingZeros() : null, comparison, rule.verdict(o));
    }
}
