package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

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
        return Measures.cohortRateAgainstNational(f, "complaints", parameters.string("national_metric"), "success_rate",
                Facts.MEDIATION_SUCCESS, List.of(Facts.MEDIATION_SUCCESS, Facts.MEDIATION_FAILED),
                new Measures.Phrase("mediated complaints in " + f.year(), f.year() + " 年经调解的投诉"));
    }

    @Override
    public List<String> nationalMetricParameters() {
        return List.of("national_metric");
    }
}
