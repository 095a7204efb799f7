package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;

import java.util.List;

/**
 * Item 18.1 涉网违法案件维持率、胜诉率: reviews decided in Y, upheld / reconsiderations and won /
 * litigations. A review type with no decided reviews is an absent observation, which the
 * edition's rule counts as met.
 */
public final class ReviewOutcomes implements ComputedItem {
    @Override
    public String id() {
        return "review_outcomes";
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
        return Measurement.of(
                observation("upheld_rate", f.count(Facts.RECONSIDERATIONS_UPHELD), f.count(Facts.RECONSIDERATIONS)),
                observation("won_rate", f.count(Facts.LITIGATIONS_WON), f.count(Facts.LITIGATIONS)));
    }

    private static Observation observation(String label, long numerator, long denominator) {
        return denominator == 0 ? Observation.absent(label) : Observation.of(label, Ratio.of(numerator, denominator));
    }
}
