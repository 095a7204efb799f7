package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.CountedItems;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;

import java.util.List;
import java.util.stream.Stream;

/**
 * Item 4 新增规模以上网络交易经营者数量: distinct operators of the region that became above scale in
 * one of the recent years (sales(t) at or above the threshold of the region's economic zone, and
 * no sales row for t-1 or sales(t-1) below it). Counted by Spark; the thresholds are edition
 * parameters.
 */
public final class NewAboveScaleOperators implements ComputedItem {
    @Override
    public String id() {
        return CountedItems.NEW_ABOVE_SCALE_OPERATORS;
    }

    @Override
    public List<String> extracts() {
        return List.of("operators", "operator-sales");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        // Sales of the recent years and the year before them decide who is new above scale.
        Measurement.Problems p = Measures.recordInputs(f, Measures.RecordInput.cohort(f, "operators"),
                new Measures.RecordInput("operator-sales", CountedItems.firstSalesYear(parameters, f.year()), f.year(), null));
        String zone = f.region().economicZone();
        // A zone the edition gives no threshold for fails here, naming the parameter (and so the zone).
        String threshold = parameters.decimal(CountedItems.aboveScaleThreshold(zone)).toPlainString();
        // Published with the item: the region table keeps only today's zone, and the threshold follows it.
        Measurement m = p.any() ? p.toMeasurement(List.of())
                : Measurement.of(Observation.count("operators", f.count(Facts.OPERATORS_NEW_ABOVE_SCALE)));
        return m.withBasis("economic_zone", zone).withBasis(CountedItems.ABOVE_SCALE_THRESHOLD, threshold);
    }

    @Override
    public boolean valueMayExceedOne() {
        return true;
    }

    @Override
    public List<String> requiredParameters() {
        // One threshold per zone regions.csv may name, so an edition that leaves one out is refused on load.
        return Stream.concat(Stream.of(CountedItems.RECENT_YEARS), CountedItems.aboveScaleThresholds().stream()).toList();
    }
}
