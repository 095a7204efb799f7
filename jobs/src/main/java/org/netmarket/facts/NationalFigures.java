package org.netmarket.facts;

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
            return Figure.missing("national figures were not delivered");
        }
        String k = year + "|" + metric;
        if (conflicts.contains(k)) {
            return Figure.conflict("national " + metric + " for " + year + " has conflicting versions");
        }
        BigDecimal v = values.get(k);
        return v == null ? Figure.missing("no published national " + metric + " for " + year) : Figure.of(v);
    }
}
