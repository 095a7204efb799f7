package org.netmarket.facts;

import org.apache.spark.sql.Column;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** Reconsiderations and litigations decided in year Y (items 18.1, 18.2). */
public final class CaseReviewFacts implements RecordAggregation {
    @Override
    public String extract() {
        return "case-reviews";
    }

    @Override
    public Column cohort(AggregationContext c) {
        LocalDate start = c.period().yearStart().toLocalDate();
        LocalDate end = c.period().yearEnd().toLocalDate(); // exclusive; the as-of date does not narrow it
        return col("decided_on").geq(lit(start)).and(col("decided_on").lt(lit(end)));
    }

    @Override
    public Map<String, Column> facts(AggregationContext c) {
        Column reconsideration = col("review_type").equalTo("reconsideration");
        Column litigation = col("review_type").equalTo("litigation");
        Map<String, Column> f = new LinkedHashMap<>();
        f.put(Facts.RECONSIDERATIONS, reconsideration);
        f.put(Facts.RECONSIDERATIONS_UPHELD, reconsideration.and(col("outcome").equalTo("upheld")));
        f.put(Facts.LITIGATIONS, litigation);
        f.put(Facts.LITIGATIONS_WON, litigation.and(col("outcome").equalTo("won")));
        f.put(Facts.PROCEDURAL_LOSSES, col("procedural_violation").equalTo(true)
                .and(col("outcome").isin("revoked", "confirmed_illegal", "lost")));
        return f;
    }
}
