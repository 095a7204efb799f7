package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.scoring.Measurement;
import org.netmarket.scoring.Observation;

import java.util.ArrayList;
import java.util.List;

/**
 * Item 38.2 培训覆盖率达到100%，每人每年不低于50学时: over the training rows of Y (every supervision
 * staff member, untrained ones with 0 hours), the share trained at all and the share with at
 * least the edition's minimum hours; the edition requires both to reach 100%.
 */
public final class StaffTraining implements ComputedItem {
    @Override
    public String id() {
        return "staff_training";
    }

    @Override
    public List<String> extracts() {
        return List.of("training");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        Measurement.Problems p = Measures.recordInputs(f, "training");
        if (p.any()) {
            return p.toMeasurement(List.of());
        }
        long staff = f.count(Facts.STAFF);
        String population = "training rows for " + f.year();
        List<Observation> out = new ArrayList<>();
        Observation coverage = Measures.rate(p, "coverage", f.count(Facts.STAFF_TRAINED), staff, population);
        if (coverage != null) {
            out.add(coverage);
            out.add(Measures.rate(p, "min_hours_share", f.count(Facts.STAFF_MIN_HOURS), staff, population));
        }
        return p.orMeasured(out);
    }
}
