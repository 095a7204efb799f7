package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;

import java.math.BigDecimal;
import java.util.List;

/**
 * Item 25.2 网络消费调解成功率: success / (success + failed) over complaints of Y, against the
 * published national mediation success rate of Y.
 */
public final class MediationSuccess implements ComputedItem {
    @Override
    public String id() {
        return "mediation_success";
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
        long success = f.count(Facts.MEDIATION_SUCCESS);
        Observation o = Measures.rate(p, "success_rate", success, success + f.count(Facts.MEDIATION_FAILED),
                new Measures.Phrase("mediated complaints in " + f.year(), f.year() + " 年经调解的投诉"));
        return p.orMeasured(o == null ? List.of() : List.of(Measures.againstNational(o, national)));
    }

    @Override
    public List<String> nationalMetricParameters() {
        return List.of("national_metric");
    }
}
