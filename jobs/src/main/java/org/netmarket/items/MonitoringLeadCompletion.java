package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

import java.util.List;

/** Item 19.2 监测信息核查完成率: monitoring-lead dispatches of Y completed by the as-of date / all. */
public final class MonitoringLeadCompletion implements ComputedItem {
    @Override
    public String id() {
        return "monitoring_lead_completion";
    }

    @Override
    public List<String> extracts() {
        return List.of("dispatches");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        return Measures.cohortRate(f, Measures.RecordInput.cohort(f, "dispatches", "monitoring_lead"), "completion_rate", Facts.MONITORING_LEADS_COMPLETED,
                Facts.MONITORING_LEADS, new Measures.Phrase("monitoring-lead dispatches in " + f.year(), f.year() + " 年派发的监测线索"));
    }
}
