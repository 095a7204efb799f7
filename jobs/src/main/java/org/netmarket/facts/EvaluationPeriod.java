package org.netmarket.facts;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The evaluation year Y and the as-of date (default Y-12-31): the point in time for stock
 * figures and the cut-off for completion timestamps ("not after the as-of date's end"). It does
 * not narrow a cohort: the contract defines a cohort as the records whose start falls in Y.
 */
public record EvaluationPeriod(int year, LocalDate asOf) implements Serializable {

    public static EvaluationPeriod of(int year) {
        return new EvaluationPeriod(year, LocalDate.of(year, 12, 31));
    }

    /** First instant of year Y. */
    public LocalDateTime yearStart() {
        return LocalDate.of(year, 1, 1).atStartOfDay();
    }

    /** First instant after year Y. */
    public LocalDateTime yearEnd() {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay();
    }

    /** First instant after the as-of date: completions must be strictly before it. */
    public LocalDateTime asOfEnd() {
        return asOf.plusDays(1).atStartOfDay();
    }
}
