package org.netmarket.facts;

import org.apache.spark.sql.Column;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/** Violation clues received in year Y, by source (items 17.1, 17.2). */
public final class CaseClueFacts implements RecordAggregation {
    @Override
    public String extract() {
        return "case-clues";
    }

    @Override
    public Column cohort(AggregationContext c) {
        return CohortConditions.inCohort("received_at", c.period());
    }

    @Override
    public Map<String, Column> facts(AggregationContext c) {
        Column report = col("source").equalTo("report");
        Column assigned = col("source").equalTo("superior_assigned");
        Column verifiedOnTime = CohortConditions.onTime("verified_at", "due_at", c.period());
        Map<String, Column> f = new LinkedHashMap<>();
        f.put(Facts.REPORT_CLUES, report);
        f.put(Facts.REPORT_CLUES_VERIFIED_ON_TIME, report.and(verifiedOnTime));
        f.put(Facts.ASSIGNED_CLUES, assigned);
        f.put(Facts.ASSIGNED_CLUES_VERIFIED_ON_TIME, assigned.and(verifiedOnTime));
        f.put(Facts.ASSIGNED_CLUES_CLOSED, assigned.and(CohortConditions.completed("closed_at", c.period())));
        return f;
    }
}
