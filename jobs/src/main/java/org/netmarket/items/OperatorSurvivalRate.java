package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.CountedItems;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

import java.util.List;

/**
 * Item 9 存续时间2年以上的网络交易经营者占比: active operators registered on or before the as-of
 * date minus the survival years (calendar arithmetic: 2024-12-31 gives 2022-12-31) / active
 * operators at the as-of date.
 */
public final class OperatorSurvivalRate implements ComputedItem {
    @Override
    public String id() {
        return CountedItems.OPERATOR_SURVIVAL_RATE;
    }

    @Override
    public List<String> extracts() {
        return List.of("operators");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        return Measures.cohortRate(f, Measures.RecordInput.cohort(f, "operators"), "survival_rate", Facts.OPERATORS_SURVIVED,
                Facts.OPERATORS_ACTIVE, new Measures.Phrase("active operators at " + f.asOf(), f.asOf() + " 在营的网络交易经营者"));
    }

    @Override
    public List<String> requiredParameters() {
        return List.of(CountedItems.SURVIVAL_YEARS);
    }
}
