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
 * A ratio of two figures of an extract for each of the recent years, observed against the
 * published national figure of that year: a growth rate (items 1 and 5,
 * {@link GrowthAgainstNational}) or a share (item 6, {@link OnlineRetailShare}).
 */
abstract class RecentYearsAgainstNational implements ComputedItem {
    private final String extract;

    RecentYearsAgainstNational(String extract) {
        this.extract = extract;
    }

    /** The two figures a year's ratio is taken of, each null when missing (recorded in the problems). */
    record Figures(BigDecimal first, BigDecimal second) {
    }

    /** The year's figures, read in the order their problems are to be reported. */
    abstract Figures figures(RegionFacts f, Measurement.Problems p, int year);

    /** The year's ratio of the figures, or null (recording why, when the figures cannot give one). */
    abstract Ratio ratio(Measurement.Problems p, Figures figures, int year);

    @Override
    public List<String> extracts() {
        return List.of(extract, "national");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        String metric = parameters.string("national_metric");
        Measurement.Problems p = new Measurement.Problems();
        List<Observation> out = new ArrayList<>();
        for (int t : Measures.recentYears(f, parameters.integer(CountedItems.RECENT_YEARS))) {
            Figures figures = figures(f, p, t);
            BigDecimal national = Measures.value(p, f.national(metric, t));
            Ratio r = ratio(p, figures, t);
            if (r != null && national != null) {
                out.add(Observation.against(Integer.toString(t), r, Ratio.of(national)));
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

    @Override
    public List<String> nationalMetricParameters() {
        return List.of("national_metric");
    }
}
