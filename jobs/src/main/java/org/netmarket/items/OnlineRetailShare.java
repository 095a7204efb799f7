package org.netmarket.items;

import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Ratio;

/**
 * Item 6 网络市场消费贡献度: s(t) = online_retail(t)/total_retail(t) for the recent years, each
 * against the published national online-retail share of t.
 */
public final class OnlineRetailShare extends RecentYearsAgainstNational {
    public OnlineRetailShare() {
        super("retail");
    }

    @Override
    public String id() {
        return "online_retail_share";
    }

    @Override
    Figures figures(RegionFacts f, Measurement.Problems p, int year) {
        return new Figures(Measures.value(p, f.yearOfMonths("retail", "online_retail_yuan", year)),
                Measures.value(p, f.yearOfMonths("retail", "total_retail_yuan", year)));
    }

    @Override
    Ratio ratio(Measurement.Problems p, Figures figures, int year) {
        return Measures.share(p, figures.first(), figures.second(), Measures.TOTAL_RETAIL.of(year));
    }
}
