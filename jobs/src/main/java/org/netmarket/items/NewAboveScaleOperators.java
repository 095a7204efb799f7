package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;

import java.util.List;

/**
 * Item 4 新增规模以上网络交易经营者数量: distinct operators of the region that became above scale in
 * one of the recent years (sales(t) at or above the threshold of the region's economic zone, and
 * no sales row for t-1 or sales(t-1) below it). Counted by Spark; the thresholds are edition
 * parameters.
 */
public final class NewAboveScaleOperators implements ComputedItem {
    @Override
    public String id() {
        return "new_above_scale_operators";
    }

    @Override
    public List<String> extracts() {
        return List.of("operators", "operator-sales");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        // Sales of the recent years and the year before them decide who is new above scale.
        int first = f.year() - parameters.integer("recent_years");
        Measurement.Problems p = Measures.recordInputs(f, Measures.RecordInput.cohort(f, "operators"),
                new Measures.RecordInput("operator-sales", first, f.year(), null));
        String zone = f.region().economicZone();
        String threshold = parameters.decimal("above_scale_threshold_yuan." + zone).toPlainString();
        // Published with the item: the region table keeps only today's zone, and the threshold follows it.
        Measurement m = p.any() ? p.toMeasurement(List.of())
                : Measurement.of(Observation.count("operators", f.count(Facts.OPERATORS_NEW_ABOVE_SCALE)));
        return m.withBasis("economic_zone", zone).withBasis("above_scale_threshold_yuan", threshold);
    }

    @Override
    public boolean valueMayExceedOne() {
        return true;
    }

    @Override
    public List<String> requiredParameters() {
        return List.of("recent_years", "above_scale_threshold_yuan.east", "above_scale_threshold_yuan.central",
                "above_scale_threshold_yuan.west");
    }
}
