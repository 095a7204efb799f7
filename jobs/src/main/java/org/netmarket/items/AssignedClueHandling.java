package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

import java.util.List;

/**
 * Item 17.2 上级交办、督办线索处置及时率和完成率: superior-assigned clues of Y, on-time rate (verified
 * by due_at) and completion rate (closed by the as-of date); the edition requires both.
 */
public final class AssignedClueHandling implements ComputedItem {
    @Override
    public String id() {
        return "assigned_clue_handling";
    }

    @Override
    public List<String> extracts() {
        return List.of("case-clues");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        return Measures.twoCohortRates(f, Measures.RecordInput.cohort(f, "case-clues", "superior_assigned"),
                new Measures.Phrase("superior-assigned clues received in " + f.year(), f.year() + " 年收到的上级交办线索"), Facts.ASSIGNED_CLUES,
                "on_time_rate", Facts.ASSIGNED_CLUES_VERIFIED_ON_TIME,
                "completion_rate", Facts.ASSIGNED_CLUES_CLOSED);
    }
}
