package org.netmarket.rules;

import java.io.Serializable;

/**
 * One test an observation must pass: {@code value <comparison> bound}, where the bound is a
 * fixed threshold of the edition or, when {@code threshold} is null, the observation's own
 * comparison value (a national rate, the region's total-retail growth).
 *
 * @param comparison the comparison word
 * @param threshold  the fixed threshold, or null to compare with the observation's comparison
 * @param word       the word as written in the edition (a band's: its first at_least word), for display (may be null)
 */
public record Criterion(Comparison comparison, Ratio threshold, String word) implements Serializable {

    /** Whether the observation passes. An absent observation never passes here. */
    public boolean passes(Observation o) {
        if (o.absent() || o.value() == null) {
            return false;
        }
        Ratio bound = bound(o);
        if (bound == null) {
            throw new IllegalStateException("observation '" + o.label()
                    + "' has no comparison value and the rule has no threshold");
        }
        return comparison.holds(o.value(), bound);
    }

    /** The value the observation is compared with. */
    public Ratio bound(Observation o) {
        return threshold != null ? threshold : o.comparison();
    }

    @Override
    public String toString() {
        return comparison.symbol() + " " + (threshold == null ? "comparison" : threshold.toDecimal().toPlainString());
    }
}
