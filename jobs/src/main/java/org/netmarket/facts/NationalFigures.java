package org.netmarket.facts;

import org.netmarket.extract.ExtractLabel;
import org.netmarket.rules.Reason;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Published national statistics by year and metric, taken as published (growth rates on the
 * publisher's comparable basis are never recomputed from levels).
 */
public final class NationalFigures implements Serializable {
    private static final long serialVersionUID = 1L;

    private final boolean delivered;
    private final Map<String, BigDecimal> values = new HashMap<>();
    private final Set<String> conflicts = new HashSet<>();

    public NationalFigures(boolean delivered) {
        this.delivered = delivered;
    }

    public void put(int year, String metric, BigDecimal value) {
        values.put(year + "|" + metric, value);
    }

    public void conflict(int year, String metric) {
        conflicts.add(year + "|" + metric);
    }

    public Figure get(String metric, int year) {
        if (!delivered) {
            return Figure.missing(Reason.of("national figures were not delivered", ExtractLabel.zh("national") + "未报送"));
        }
        String k = year + "|" + metric;
        if (conflicts.contains(k)) {
            return Figure.conflict(Reason.of("national " + metric + " for " + year + " has conflicting versions",
                    ExtractLabel.zh("national") + "中 " + year + " 年的 " + metric + " 有相互冲突的版本"));
        }
        BigDecimal v = values.get(k);
        return v == null ? Figure.missing(Reason.of("no published national " + metric + " for " + year,
                ExtractLabel.zh("national") + "中没有 " + year + " 年公布的 " + metric)) : Figure.of(v);
    }
}
