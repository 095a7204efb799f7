package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;

import java.math.BigDecimal;
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
        Measurement.Problems p = Measures.recordInputs(f, "complaints");
        BigDecimal national = Measures.value(p, f.national(parameters.string("national_metric"), f.year()));
        if (p.any()) {
            return p.toMeasurement(List.of());
        }
        Observation o = Measures.rate(p, "satisfaction_rate", f.count(Facts.COMPLAINTS_SATISFIED),
                f.count(Facts.COMPLAINTS_RATED), new Measures.Phrase("rated complaints in " + f.year(), f.year() + " 年有满意度评价的投诉"));
        return p.orMeasured(o == null ? List.of() : List.of(Measures.againstNational(o, national)));
    }

    @Override
    public List<String> nationalMetricParameters() {
        return List.of("national_metric");
    }
}
