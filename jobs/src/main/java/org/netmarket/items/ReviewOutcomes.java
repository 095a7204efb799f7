package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;
import org.netmarket.rules.Reason;

import java.util.List;

/**
 * Item 18.1 涉网违法案件维持率、胜诉率: reviews decided in Y, upheld / reconsiderations and won /
 * litigations. A review type with no decided reviews is an absent observation, which the
 * edition's rule counts as met; with no review of either type decided in Y there is nothing in
 * the rate's cohort, which the contract makes {@code no_records} as it does a region without
 * review rows at all (extracts.md, "Delivered but empty"): full points for a region with no
 * decided case would hide that nothing was measured.
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
        if (f.count(Facts.RECONSIDERATIONS) + f.count(Facts.LITIGATIONS) == 0) {
            return p.add(ItemStatus.NO_RECORDS, Reason.of("no reconsideration or litigation of region " + f.region().code()
                    + " decided in " + f.year() + ": nothing to count",
                    "地区 " + f.region().code() + " " + f.year() + " 年没有审结的行政复议或行政诉讼案件，无可统计"))
                    .toMeasurement(List.of());
        }
        return Measurement.of(
                observation("upheld_rate", f.count(Facts.RECONSIDERATIONS_UPHELD), f.count(Facts.RECONSIDERATIONS)),
                observation("won_rate", f.count(Facts.LITIGATIONS_WON), f.count(Facts.LITIGATIONS)));
    }

    private static Observation observation(String label, long numerator, long denominator) {
        return denominator == 0 ? Observation.absent(label) : Observation.of(label, Ratio.of(numerator, denominator));
    }
}
