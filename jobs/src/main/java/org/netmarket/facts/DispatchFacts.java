package org.netmarket.facts;

import org.apache.spark.sql.Column;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/** Dispatches of the national supervision platform in year Y (items 11.2, 19.1, 19.2). */
public final class DispatchFacts implements RecordAggregation {
    @Override
    public String extract() {
        return "dispatches";
    }

    @Override
    public Column cohort(AggregationContext c) {
        return CohortConditions.inCohort("dispatched_at", c.period());
    }

    @Override
    public Map<String, Column> facts(AggregationContext c) {
        Column claim = col("dispatch_type").equalTo("identity_claim");
        Column lead = col("dispatch_type").equalTo("monitoring_lead");
        Map<String, Column> f = new LinkedHashMap<>();
        f.put(Facts.IDENTITY_CLAIMS, claim);
        f.put(Facts.IDENTITY_CLAIMS_COMPLETED, claim.and(CohortConditions.completed("completed_at", c.period())));
        f.put(Facts.MONITORING_LEADS, lead);
        f.put(Facts.MONITORING_LEADS_VERIFIED_ON_TIME, lead.and(CohortConditions.onTime("verified_at", "due_at", c.period())));
        f.put(Facts.MONITORING_LEADS_COMPLETED, lead.and(CohortConditions.completed("completed_at", c.period())));
        return f;
    }
}
