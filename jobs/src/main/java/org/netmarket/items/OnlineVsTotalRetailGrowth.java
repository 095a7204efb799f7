package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.CountedItems;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Item 2 网上零售额同比增速超过社会零售总额同比增速: for each recent year, the region's online-retail
 * growth against its own total-retail growth.
 */
public final class OnlineVsTotalRetailGrowth implements ComputedItem {
    @Override
    public String id() {
        return "online_vs_total_retail_growth";
    }

    @Override
    public List<String> extracts() {
        return List.of("retail");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        Measurement.Problems p = new Measurement.Problems();
        List<Observation> out = new ArrayList<>();
        for (int t : Measures.recentYears(f, parameters.integer(CountedItems.RECENT_YEARS))) {
            BigDecimal online = Measures.value(p, f.yearOfMonths("retail", "online_retail_yuan", t));
            BigDecimal onlinePrev = Measures.value(p, f.yearOfMonths("retail", "online_retail_yuan", t - 1));
            BigDecimal total = Measures.value(p, f.yearOfMonths("retail", "total_retail_yuan", t));
            BigDecimal totalPrev = Measures.value(p, f.yearOfMonths("retail", "total_retail_yuan", t - 1));
            Ratio onlineGrowth = Measures.growth(p, online, onlinePrev, Measures.ONLINE_RETAIL.of(t - 1));
            Ratio totalGrowth = Measures.growth(p, total, totalPrev, Measures.TOTAL_RETAIL.of(t - 1));
            if (onlineGrowth != null && totalGrowth != null) {
                out.add(Observation.against(Integer.toString(t), onlineGrowth, totalGrowth));
            }
        }
        return p.orMeasured(out);
    }

    @Override
    public List<String> requiredParameters() {
        return List.of(CountedItems.RECENT_YEARS);
    }

    @Override
    public Optional<String> observationCountParameter() {
        return Optional.of(CountedItems.RECENT_YEARS);
    }
}
