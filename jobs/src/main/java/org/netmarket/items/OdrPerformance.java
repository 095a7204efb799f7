package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.Facts;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Item 26.1 ODR单位按时办结率和和解成功率: ODR complaints of Y, on-time close rate against the
 * national ODR on-time close rate, and settled / closed against the national ODR settlement
 * rate; the edition requires both to be greater.
 */
public final class OdrPerformance implements ComputedItem {
    @Override
    public String id() {
        return "odr_performance";
    }

    @Override
    public List<String> extracts() {
        return List.of("complaints", "national");
    }

    @Override
    public Measurement measure(RegionFacts f, Parameters parameters) {
        Measurement.Problems p = Measures.recordInputs(f, Measures.RecordInput.cohort(f, "complaints", "odr"));
        BigDecimal onTimeNational = Measures.value(p, f.national(parameters.string("national_on_time_metric"), f.year()));
        BigDecimal settledNational = Measures.value(p, f.national(parameters.string("national_settlement_metric"), f.year()));
        if (p.any()) {
            return p.toMeasurement(List.of());
        }
        List<Observation> out = new ArrayList<>();
        Observation onTime = Measures.rate(p, "on_time_close_rate", f.count(Facts.ODR_CLOSED_ON_TIME),
                f.count(Facts.ODR_COMPLAINTS), new Measures.Phrase("ODR complaints received in " + f.year(), f.year() + " 年受理的在线消费纠纷解决（ODR）投诉"));
        Observation settled = Measures.rate(p, "settlement_rate", f.count(Facts.ODR_SETTLED),
                f.count(Facts.ODR_CLOSED), new Measures.Phrase("closed ODR complaints of " + f.year(), f.year() + " 年已办结的ODR投诉"));
        if (onTime != null) {
            out.add(Measures.againstNational(onTime, onTimeNational));
        }
        if (settled != null) {
            out.add(Measures.againstNational(settled, settledNational));
        }
        return p.orMeasured(out);
    }

    @Override
    public List<String> nationalMetricParameters() {
        return List.of("national_on_time_metric", "national_settlement_metric");
    }
}
