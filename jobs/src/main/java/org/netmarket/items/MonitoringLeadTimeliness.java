package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

import java.util.List;

/** Item 19.1 监测信息核查及时率: monitoring-lead dispatches of Y verified on time / all. */
public final class MonitoringLeadTimeliness implements ComputedItem {
    @Override
    public String id() {
        return "monitoring_lead_timeliness";
    }

    @Override
    public List<String> extracts() {
        return List.of("dispatches");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        return Measures.cohortRate(f, Measures.RecordInput.cohort(f, "dispatches", "monitoring_lead"), "on_time_rate", Facts.MONITORING_LEADS_VERIFIED_ON_TIME,
                Facts.MONITORING_LEADS, new Measures.Phrase("monitoring-lead dispatches in " + f.year(), f.year() + " 年派发的监测线索"));
    }
}
