package org.netmarket.facts;

import org.apache.spark.sql.Column;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/** 12315 online consumer complaints received in year Y, both channels and ODR (items 25.x, 26.1). */
public final class ComplaintFacts implements RecordAggregation {
    @Override
    public String extract() {
        return "complaints";
    }

    @Override
    public Column cohort(AggregationContext c) {
        return CohortConditions.inCohort("received_at", c.period());
    }

    @Override
    public Map<String, Column> facts(AggregationContext c) {
        Column odr = col("channel").equalTo("odr");
        Column closed = CohortConditions.completed("closed_at", c.period());
        Column closedOnTime = CohortConditions.onTime("closed_at", "close_due", c.period());
        Map<String, Column> f = new LinkedHashMap<>();
        f.put(Facts.COMPLAINTS, col("complaint_id").isNotNull());
        f.put(Facts.COMPLAINTS_REVIEWED_ON_TIME, CohortConditions.onTime("initial_reviewed_at", "initial_review_due", c.period()));
        f.put(Facts.COMPLAINTS_CLOSED_ON_TIME, closedOnTime);
        f.put(Facts.MEDIATION_SUCCESS, col("mediation").equalTo("success"));
        f.put(Facts.MEDIATION_FAILED, col("mediation").equalTo("failed"));
        f.put(Facts.COMPLAINTS_RATED, col("satisfaction").isNotNull());
        f.put(Facts.COMPLAINTS_SATISFIED, col("satisfaction").isin("satisfied", "basically_satisfied"));
        f.put(Facts.ODR_COMPLAINTS, odr);
        f.put(Facts.ODR_CLOSED_ON_TIME, odr.and(closedOnTime));
        f.put(Facts.ODR_CLOSED, odr.and(closed));
        f.put(Facts.ODR_SETTLED, odr.and(closed).and(col("odr_settled").equalTo(true)));
        return f;
    }
}
