package org.netmarket.facts;

import org.netmarket.extract.ExtractLabel;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The figures of one aggregate extract (retail, express, tax, employment, market-entities,
 * platform-accounts) by region, period and measure, with the city-level rule of the contract:
 * a region's own row is used when present; otherwise the sum over its children, for a period
 * only when every child has a figure for it (children's figures may themselves be sums).
 *
 * <p>Periods are the extract's period column as text: {@code 2024-03} (month), {@code 2024}
 * (year) or {@code 2024-12-31} (as-of date), so they sort chronologically.
 */
public final class AggregateFigures implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Children named in the reason of an incomplete year summed from them. */
    private static final int CHILDREN_NAMED = 5;

    private final String extract;
    private final boolean delivered;
    private final RegionTree tree;
    /** region -> period -> measure -> value, from the extract's own rows. */
    private final Map<String, TreeMap<String, Map<String, BigDecimal>>> own = new HashMap<>();
    /** region -> periods whose key had conflicting versions. */
    private final Map<String, Set<String>> conflicts = new HashMap<>();
    /**
     * Figures already worked out (a city's sum is asked for by several items). Concurrent: the
     * regions of a run are scored in parallel and share one instance. A lookup that recurses
     * into the children fills it with get and put, not computeIfAbsent, which forbids that.
     */
    private final Map<String, Figure> memo = new ConcurrentHashMap<>();

    public AggregateFigures(String extract, boolean delivered, RegionTree tree) {
        this.extract = extract;
        this.delivered = delivered;
        this.tree = tree;
    }

    private Reason conflicting(String region, String period) {
        return Reason.of(extract + " has conflicting versions for region " + region + ", " + period,
                ExtractLabel.zh(extract) + "中地区 " + region + "、" + period + " 的数据有相互冲突的版本");
    }

    private Reason lacksMeasure(String region, String period, String measure) {
        return Reason.of(extract + " has no " + measure + " for region " + region + ", " + period,
                ExtractLabel.zh(extract) + "中地区 " + region + "、" + period + " 的数据缺少 " + measure);
    }

    public String extract() {
        return extract;
    }

    public boolean delivered() {
        return delivered;
    }

    /** Adds a region's own row (the latest version of its key). */
    public void put(String region, String period, String measure, BigDecimal value) {
        forgetWorkedOut();
        own.computeIfAbsent(region, r -> new TreeMap<>()).computeIfAbsent(period, p -> new HashMap<>()).put(measure, value);
    }

    /** Marks a region-period whose rows were in conflict: it has no value, and needing it is a data error. */
    public void conflict(String region, String period) {
        forgetWorkedOut();
        conflicts.computeIfAbsent(region, r -> new HashSet<>()).add(period);
    }

    /** The figure of a region for one period, summed from children when the region has no row. */
    public Figure get(String region, String period, String measure) {
        if (!delivered) {
            return Figure.missing(ExtractLabel.notDelivered(extract));
        }
        String key = region + "|" + period + "|" + measure;
        Figure f = memo.get(key);
        if (f == null) {
            f = compute(region, period, measure);
            memo.put(key, f);
        }
        return f;
    }

    /** A figure worked out before a row was added may be out of date. */
    private void forgetWorkedOut() {
        if (!memo.isEmpty()) {
            memo.clear();
        }
    }

    private Figure compute(String region, String period, String measure) {
        if (conflicts.getOrDefault(region, Set.of()).contains(period)) {
            return Figure.conflict(conflicting(region, period));
        }
        Map<String, BigDecimal> row = own.getOrDefault(region, new TreeMap<>()).get(period);
        if (row != null) {
            BigDecimal v = row.get(measure);
            return v == null ? Figure.missing(lacksMeasure(region, period, measure)) : Figure.of(v);
        }
        return sumOfChildren(region, Reason.of("has no row for region " + region + ", " + period,
                "没有地区 " + region + "、" + period + " 的数据"), child -> get(child, period, measure));
    }

    /**
     * The sum of the children's figures: a city's figure is a sum only when every child has
     * one. A missing child wins over a conflicting one whatever their order (missing_data first);
     * a child whose regions.csv row was set aside has no figure to add, which is a data error too.
     *
     * @param lacking what the region lacks, for the reason ("has no row for region R, P")
     */
    private Figure sumOfChildren(String region, Reason lacking, Function<String, Figure> ofChild) {
        List<String> children = tree.childrenOf(region);
        if (children.isEmpty()) {
            // Every child set aside: the region lacks its figure because of them, which they say.
            return tree.setAsideChildren(region).map(this::setAsideChild).orElseGet(() -> Figure.missing(Reason.of(
                    extract + " " + lacking.en(), ExtractLabel.zh(extract) + lacking.zh())));
        }
        Figure sum = Figure.of(BigDecimal.ZERO);
        Figure conflict = null;
        for (String child : children) {
            Figure c = ofChild.apply(child);
            if (c.isPresent()) {
                sum = sum.plus(c);
            } else if (c.problem() == ItemStatus.MISSING_DATA) {
                return Figure.missing(Reason.of(extract + " " + lacking.en() + " and not every child has one (" + child + " lacks it)",
                        ExtractLabel.zh(extract) + lacking.zh() + "，且并非每个下级地区都有（" + child + " 没有）"));
            } else if (conflict == null) {
                conflict = c;
            }
        }
        if (conflict != null) {
            return conflict;
        }
        Optional<Reason> aside = tree.setAsideChildren(region);
        return aside.isPresent() ? setAsideChild(aside.get()) : sum.summedFrom(extract);
    }

    /**
     * A data error: the region has no row of its own, and a sum of its children would leave out
     * those set aside. Said without the period, so that an item's reason over many months or
     * years says it once.
     */
    private Figure setAsideChild(Reason aside) {
        return Figure.conflict(Reason.of(extract + ": " + aside.en(), ExtractLabel.zh(extract) + "：" + aside.zh()));
    }

    /**
     * The sum of the 12 months of a year for a monthly extract; missing when any month is
     * missing ("a year is incomplete"), data error when any month is in conflict.
     */
    public Figure year(String region, int year, String measure) {
        Figure total = Figure.of(BigDecimal.ZERO);
        List<String> missingMonths = new ArrayList<>();
        Figure conflict = null;
        for (int m = 1; m <= 12; m++) {
            String month = String.format("%04d-%02d", year, m);
            Figure f = get(region, month, measure);
            if (f.isPresent()) {
                total = total.plus(f);
            } else if (f.problem() == ItemStatus.MISSING_DATA) {
                missingMonths.add(month);
            } else if (conflict == null) {
                conflict = f;
            }
        }
        if (!delivered) {
            return Figure.missing(ExtractLabel.notDelivered(extract));
        }
        if (!missingMonths.isEmpty()) {
            Reason lacking = childrenLacking(region, missingMonths, measure);
            return Figure.missing(Reason.of(extract + " for region " + region + " has " + (12 - missingMonths.size())
                    + " of 12 months of " + year + " (missing " + String.join(", ", missingMonths) + lacking.en() + ")",
                    ExtractLabel.zh(extract) + "中地区 " + region + " " + year + " 年只有 " + (12 - missingMonths.size())
                            + " 个月的数据（缺 " + String.join("、", missingMonths) + lacking.zh() + "）"));
        }
        return conflict != null ? conflict : total;
    }

    /**
     * For a region without its own rows for the missing months: the children that lack them, as
     * "; without its own rows a month is the sum of its children's only when every child has it:
     * 140831 lacks 12 of them" — a county added to regions.csv before its figures, say, holds up the city.
     */
    private Reason childrenLacking(String region, List<String> months, String measure) {
        Map<String, Integer> lacking = new TreeMap<>();
        for (String month : months) {
            if (own.getOrDefault(region, new TreeMap<>()).containsKey(month)) {
                continue;
            }
            for (String child : tree.childrenOf(region)) {
                Figure c = get(child, month, measure);
                if (!c.isPresent() && c.problem() == ItemStatus.MISSING_DATA) {
                    lacking.merge(child, 1, Integer::sum);
                }
            }
        }
        if (lacking.isEmpty()) {
            return Reason.of("", "");
        }
        List<Map.Entry<String, Integer>> named = lacking.entrySet().stream().limit(CHILDREN_NAMED).toList();
        int more = lacking.size() - named.size();
        return Reason.of("; without its own rows a month is the sum of its children's only when every child has it: "
                        + String.join(", ", named.stream().map(e -> e.getKey() + " lacks " + e.getValue() + " of them").toList())
                        + (more > 0 ? " and " + more + " more" : ""),
                "；本级没有数据时，某月须每个下级地区都有数据才能加总："
                        + String.join("，", named.stream().map(e -> e.getKey() + " 缺 " + e.getValue() + " 个月").toList())
                        + (more > 0 ? "，另有 " + more + " 个下级地区" : ""));
    }

    /**
     * The figure of a dated snapshot (market entities, platform accounts) as of {@code asOf}:
     * the region's own row at its latest date on or before it, when it has one; otherwise the
     * sum of its children's figures as of that date, each child's own latest row (or, in turn,
     * its children's sum), missing when a child has none. Periods are {@code YYYY-MM-DD}; a
     * conflict at a region's latest date is a data error.
     */
    public Figure latestOnOrBefore(String region, LocalDate asOf, String measure) {
        if (!delivered) {
            return Figure.missing(ExtractLabel.notDelivered(extract));
        }
        return snapshot(region, asOf.toString(), measure);
    }

    private Figure snapshot(String region, String bound, String measure) {
        TreeMap<String, Map<String, BigDecimal>> rows = own.get(region);
        String latest = rows == null ? null : rows.floorKey(bound);
        String conflicting = conflicts.getOrDefault(region, Set.of()).stream()
                .filter(p -> p.compareTo(bound) <= 0).max(String::compareTo).orElse(null);
        if (conflicting != null && (latest == null || conflicting.compareTo(latest) >= 0)) {
            return Figure.conflict(conflicting(region, conflicting));
        }
        if (latest != null) {
            BigDecimal v = rows.get(latest).get(measure);
            return v == null ? Figure.missing(lacksMeasure(region, latest, measure)) : Figure.of(v);
        }
        return sumOfChildren(region, Reason.of("has no figure for region " + region + " on or before " + bound,
                        "没有地区 " + region + " 在 " + bound + " 及以前的数据"),
                child -> snapshot(child, bound, measure));
    }
}
