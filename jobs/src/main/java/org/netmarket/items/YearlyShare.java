package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;

import java.math.BigDecimal;
import java.util.List;

/** part/whole of a yearly aggregate extract for year Y (items 7 and 8). */
abstract class YearlyShare implements ComputedItem {
    private final String extract;
    private final String part;
    private final String whole;
    private final Measures.Phrase wholeNamed;

    /** @param wholeNamed what the whole is, for reasons ("total tax", "税收总额") */
    YearlyShare(String extract, String part, String whole, Measures.Phrase wholeNamed) {
        this.extract = extract;
        this.part = part;
        this.whole = whole;
        this.wholeNamed = wholeNamed;
    }

    @Override
    public List<String> extracts() {
        return List.of(extract);
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        Measurement.Problems p = new Measurement.Problems();
        BigDecimal numerator = Measures.value(p, f.yearly(extract, part, f.year()));
        BigDecimal denominator = Measures.value(p, f.yearly(extract, whole, f.year()));
        Ratio s = Measures.share(p, numerator, denominator, wholeNamed.of(f.year()));
        return p.orMeasured(s == null ? List.of() : List.of(Observation.of(Integer.toString(f.year()), s)));
    }
}
