package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

import java.util.List;

/** Item 17.1 线索举报按时核查率: report clues of Y verified on time (verified_at <= due_at) / all. */
public final class ReportedClueTimeliness implements ComputedItem {
    @Override
    public String id() {
        return "reported_clue_timeliness";
    }

    @Override
    public List<String> extracts() {
        return List.of("case-clues");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        return Measures.cohortRate(f, Measures.RecordInput.cohort(f, "case-clues", "report"), "on_time_rate", Facts.REPORT_CLUES_VERIFIED_ON_TIME,
                Facts.REPORT_CLUES, new Measures.Phrase("report clues received in " + f.year(), f.year() + " 年收到的举报线索"));
    }
}
