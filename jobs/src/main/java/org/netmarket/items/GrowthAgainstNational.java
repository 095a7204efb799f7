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
 * Year-on-year growth of a monthly figure (12-month totals) for each of the recent years,
 * observed against the published national growth rate of that year (items 1 and 5).
 */
abstract class GrowthAgainstNational implements ComputedItem {
    private final String extract;
    private final String measure;

    GrowthAgainstNational(String extract, String measure) {
        this.extract = extract;
        this.measure = measure;
    }

    @Override
    public List<String> extracts() {
        return List.of(extract, "national");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        String metric = parameters.string("national_metric");
        Measurement.Problems p = new Measurement.Problems();
        List<Observation> out = new ArrayList<>();
        for (int t : Measures.recentYears(f, parameters.integer("recent_years"))) {
            BigDecimal current = Measures.value(p, f.yearOfMonths(extract, measure, t));
            BigDecimal previous = Measures.value(p, f.yearOfMonths(extract, measure, t - 1));
            BigDecimal national = Measures.value(p, f.national(metric, t));
            Ratio g = Measures.growth(p, current, previous, new Measures.Phrase(measure + " of " + (t - 1), (t - 1) + " 年的 " + measure));
            if (g != null && national != null) {
                out.add(Observation.against(Integer.toString(t), g, Ratio.of(national)));
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
