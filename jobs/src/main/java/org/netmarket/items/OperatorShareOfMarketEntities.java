package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;

import java.math.BigDecimal;
import java.util.List;

/**
 * Item 3 网络交易经营者数量占市场主体比重: operators active at the as-of date (all three types) /
 * market entities at the latest date on or before it.
 */
public final class OperatorShareOfMarketEntities implements ComputedItem {
    @Override
    public String id() {
        return "operator_share_of_market_entities";
    }

    @Override
    public List<String> extracts() {
        return List.of("operators", "market-entities");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        Measurement.Problems p = Measures.recordInputs(f, "operators");
        BigDecimal entities = Measures.value(p, f.snapshot("market-entities", "market_entities"));
        // The base is judged even when the operators have a problem: a zero base (data_error)
        // takes precedence over a region without operator rows (no_records).
        // Not delivered, the operators were not counted (missing_data is recorded).
        BigDecimal active = f.delivered("operators") ? BigDecimal.valueOf(f.count(Facts.OPERATORS_ACTIVE)) : null;
        Ratio share = Measures.share(p, active, entities,
                new Measures.Phrase("market entities at " + f.asOf(), f.asOf() + " 的市场主体数"));
        return p.orMeasured(share == null ? List.of() : List.of(Observation.of("share", share)));
    }
}
