package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.CountedItems;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

import java.util.List;

/**
 * Item 38.2 培训覆盖率达到100%，每人每年不低于50学时: over the training rows of Y (every supervision
 * staff member, untrained ones with 0 hours), the share trained at all and the share with at
 * least the edition's minimum hours; the edition requires both to reach 100%.
 */
public final class StaffTraining implements ComputedItem {
    @Override
    public String id() {
        return CountedItems.STAFF_TRAINING;
    }

    @Override
    public List<String> extracts() {
        return List.of("training");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        return Measures.twoCohortRates(f, Measures.RecordInput.cohort(f, "training"),
                new Measures.Phrase("training rows for " + f.year(), f.year() + " 年的培训记录"), Facts.STAFF,
                "coverage", Facts.STAFF_TRAINED,
                "min_hours_share", Facts.STAFF_MIN_HOURS);
    }

    @Override
    public List<String> requiredParameters() {
        return List.of(CountedItems.MIN_TRAINING_HOURS);
    }
}
