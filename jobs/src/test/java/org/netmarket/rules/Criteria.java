package org.netmarket.rules;

/** Criteria as the tests write them: without the edition's word, which only display uses. */
final class Criteria {
    private Criteria() {
    }

    /** {@code value <comparison> threshold}. */
    static Criterion against(Comparison comparison, Ratio threshold) {
        return new Criterion(comparison, threshold, null);
    }

    /** {@code value <comparison>} the observation's own comparison value. */
    static Criterion againstComparison(Comparison comparison) {
        return new Criterion(comparison, null, null);
    }
}
