package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

import java.util.List;

/**
 * Item 25.1 网络消费投诉按时初查率、按时办结率: complaints of Y (both channels), initial review on
 * time and closed on time; the edition requires both rates.
 */
public final class ComplaintTimeliness implements ComputedItem {
    @Override
    public String id() {
        return "complaint_timeliness";
    }

    @Override
    public List<String> extracts() {
        return List.of("complaints");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        return Measures.twoCohortRates(f, Measures.RecordInput.cohort(f, "complaints"),
                new Measures.Phrase("complaints received in " + f.year(), f.year() + " 年受理的投诉"), Facts.COMPLAINTS,
                "initial_review_on_time_rate", Facts.COMPLAINTS_REVIEWED_ON_TIME,
                "closed_on_time_rate", Facts.COMPLAINTS_CLOSED_ON_TIME);
    }
}
