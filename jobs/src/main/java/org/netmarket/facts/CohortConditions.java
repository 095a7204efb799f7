package org.netmarket.facts;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The record-level definitions of the indicator system as Spark conditions: the cohort of year
 * Y, "completed" (a completion timestamp not after the as-of date's end) and "on time"
 * (completed and not after its due timestamp).
 */
final class CohortConditions {
    private CohortConditions() {
    }

    /**
     * The record started in year Y, whatever the as-of date: one started after an as-of date
     * inside Y is in the cohort and, its completion being later, neither completed nor on time.
     */
    static Column inCohort(String startColumn, EvaluationPeriod p) {
        return col(startColumn).geq(lit(p.yearStart())).and(col(startColumn).lt(lit(p.yearEnd())));
    }

    /** Completed: the timestamp is present and not after the as-of date's end. */
    static Column completed(String completion, EvaluationPeriod p) {
        return col(completion).isNotNull().and(col(completion).lt(lit(p.asOfEnd())));
    }

    /** On time: completed, and not after its due timestamp. */
    static Column onTime(String completion, String due, EvaluationPeriod p) {
        return completed(completion, p).and(col(completion).leq(col(due)));
    }
}
