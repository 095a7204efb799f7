package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

import java.util.List;

/**
 * Item 25.3 消费者满意度: (satisfied + basically satisfied) / rated complaints of Y, against the
 * published national consumer satisfaction rate of Y.
 */
public final class ConsumerSatisfaction implements ComputedItem {
    @Override
    public String id() {
        return "consumer_satisfaction";
    }

    @Override
    public List<String> extracts() {
        return List.of("complaints", "national");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        return Measures.cohortRateAgainstNational(f, "complaints", parameters.string("national_metric"), "satisfaction_rate",
                Facts.COMPLAINTS_SATISFIED, List.of(Facts.COMPLAINTS_RATED),
                new Measures.Phrase("rated complaints in " + f.year(), f.year() + " 年有满意度评价的投诉"));
    }

    @Override
    public List<String> nationalMetricParameters() {
        return List.of("national_metric");
    }
}
