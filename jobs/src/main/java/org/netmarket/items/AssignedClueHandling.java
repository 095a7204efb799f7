package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.scoring.Measurement;
import org.netmarket.scoring.Observation;

import java.util.ArrayList;
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
        Measurement.Problems p = Measures.recordInputs(f, Measures.RecordInput.cohort(f, "case-clues", "superior_assigned"));
        if (p.any()) {
            return p.toMeasurement(List.of());
        }
        long total = f.count(Facts.ASSIGNED_CLUES);
        String population = "superior-assigned clues received in " + f.year();
        List<Observation> out = new ArrayList<>();
        Observation onTime = Measures.rate(p, "on_time_rate", f.count(Facts.ASSIGNED_CLUES_VERIFIED_ON_TIME), total, population);
        if (onTime != null) {
            out.add(onTime);
            out.add(Measures.rate(p, "completion_rate", f.count(Facts.ASSIGNED_CLUES_CLOSED), total, population));
        }
        return p.orMeasured(out);
    }
}
