package org.netmarket.items;

import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Ratio;

/**
 * Year-on-year growth of a monthly figure (12-month totals) for each of the recent years,
 * observed against the published national growth rate of that year (items 1 and 5).
 */
abstract class GrowthAgainstNational extends RecentYearsAgainstNational {
    private final String extract;
    private final String measure;
    private final Measures.Phrase named;

    /** @param named what the measure is, for reasons ("online retail", "网络零售额") */
    GrowthAgainstNational(String extract, String measure, Measures.Phrase named) {
        super(extract);
        this.extract = extract;
        this.measure = measure;
        this.named = named;
    }

    @Override
    Figures figures(RegionFacts f, Measurement.Problems p, int year) {
        return new Figures(Measures.value(p, f.yearOfMonths(extract, measure, year)),
                Measures.value(p, f.yearOfMonths(extract, measure, year - 1)));
    }

    @Override
    Ratio ratio(Measurement.Problems p, Figures figures, int year) {
        return Measures.growth(p, figures.first(), figures.second(),
                named.of(year - 1));
    }
}
