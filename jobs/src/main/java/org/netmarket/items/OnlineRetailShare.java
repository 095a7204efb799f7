package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Item 6 网络市场消费贡献度: s(t) = online_retail(t)/total_retail(t) for the recent years, each
 * against the published national online-retail share of t.
 */
public final class OnlineRetailShare implements ComputedItem {
    @Override
    public String id() {
        return "online_retail_share";
    }

    @Override
    public List<String> extracts() {
        return List.of("retail", "national");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        String metric = parameters.string("national_metric");
        Measurement.Problems p = new Measurement.Problems();
        List<Observation> out = new ArrayList<>();
        for (int t : Measures.recentYears(f, parameters.integer("recent_years"))) {
            BigDecimal online = Measures.value(p, f.yearOfMonths("retail", "online_retail_yuan", t));
            BigDecimal total = Measures.value(p, f.yearOfMonths("retail", "total_retail_yuan", t));
            BigDecimal national = Measures.value(p, f.national(metric, t));
            Ratio s = Measures.share(p, online, total, new Measures.Phrase("total retail of " + t, t + " 年社会消费品零售总额"));
            if (s != null && national != null) {
                out.add(Observation.against(Integer.toString(t), s, Ratio.of(national)));
            }
        }
        return p.orMeasured(out);
    }

    @Override
    public List<String> requiredParameters() {
        return List.of("recent_years");
    }

    @Override
    public List<String> nationalMetricParameters() {
        return List.of("national_metric");
    }
}
