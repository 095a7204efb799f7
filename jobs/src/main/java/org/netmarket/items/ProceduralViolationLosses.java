package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;

import java.util.List;

/**
 * Item 18.2 无程序性违法导致复议撤销、确认违法或败诉的案件: the number of reviews decided in Y with a
 * procedural violation and outcome revoked, confirmed_illegal or lost (the edition wants none).
 */
public final class ProceduralViolationLosses implements ComputedItem {
    @Override
    public String id() {
        return "procedural_violation_losses";
    }

    @Override
    public List<String> extracts() {
        return List.of("case-reviews");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        Measurement.Problems p = Measures.recordInputs(f, "case-reviews");
        if (p.any()) {
            return p.toMeasurement(List.of());
        }
        return Measurement.of(Observation.count("cases", f.count(Facts.PROCEDURAL_LOSSES)));
    }

    @Override
    public boolean valueMayExceedOne() {
        return true;
    }
}
