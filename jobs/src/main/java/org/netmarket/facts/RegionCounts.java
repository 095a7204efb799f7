package org.netmarket.facts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.netmarket.region.RegionTree;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.lit;

/**
 * Counts of one record-level aggregation per region of the records (before the roll-up to
 * ancestors): the first fact counts the rows, the others count rows meeting a condition. Counts
 * are sums over rows, so the counts of a changed set of rows are the old counts minus those of
 * the rows that left plus those of the rows that came: what lets a nightly run keep them up to
 * date from a small delivery instead of recounting every staged row.
 *
 * <p>A region whose row count is 0 has no entry, exactly as when the rows were counted afresh.
 */
public final class RegionCounts {
    /**
     * The column that tells apart the rows a change took away from those it brought
     * ({@link #REMOVED}, {@link #ADDED}), so that one job counts both: {@link #sides}.
     */
    public static final String SIDE = "_side";
    public static final String REMOVED = "removed";
    public static final String ADDED = "added";
    private final List<String> facts;
    private final Map<String, long[]> byRegion;

    /**
     * @param facts    the fact names, the row count first
     * @param byRegion region code -> one count per fact
     */
    public RegionCounts(List<String> facts, Map<String, long[]> byRegion) {
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("no facts");
        }
        this.facts = List.copyOf(facts);
        TreeMap<String, long[]> m = new TreeMap<>();
        byRegion.forEach((region, counts) -> {
            if (counts.length != this.facts.size()) {
                throw new IllegalArgumentException("region " + region + " has " + counts.length + " counts for "
                        + this.facts.size() + " facts");
            }
            if (counts[0] != 0) {
                m.put(region, counts.clone());
            }
        });
        this.byRegion = Collections.unmodifiableMap(m);
    }

    /** Collects rows shaped (region, count of fact 0, count of fact 1, ...) from Spark. */
    public static RegionCounts collect(Dataset<Row> perRegion, List<String> facts) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (Row r : perRegion.collectAsList()) {
            m.put(r.getString(0), counts(r, 1, facts.size()));
        }
        return new RegionCounts(facts, m);
    }

    /**
     * The columns to group counts by: the {@code leading} ones ({@link #SIDE} when both sides of a
     * change are counted at once, else none), then {@code then}.
     */
    static Column[] grouping(Column[] leading, Column... then) {
        return Stream.concat(Arrays.stream(leading), Arrays.stream(then)).toArray(Column[]::new);
    }

    /** The rows a change took away and those it brought, told apart by {@link #SIDE}, for one count of both. */
    public static Dataset<Row> sides(Dataset<Row> removed, Dataset<Row> added) {
        return removed.withColumn(SIDE, lit(REMOVED)).unionByName(added.withColumn(SIDE, lit(ADDED)));
    }

    /**
     * Collects rows shaped (side, region, count of fact 0, count of fact 1, ...) from Spark: the
     * counts of {@link #REMOVED} and of {@link #ADDED}, each empty when no row had that side.
     */
    public static Map<String, RegionCounts> collectBySide(Dataset<Row> perSideAndRegion, List<String> facts) {
        Map<String, Map<String, long[]>> bySide = new LinkedHashMap<>();
        bySide.put(REMOVED, new LinkedHashMap<>());
        bySide.put(ADDED, new LinkedHashMap<>());
        for (Row r : perSideAndRegion.collectAsList()) {
            Map<String, long[]> side = bySide.get(r.getString(0));
            if (side == null) {
                throw new IllegalArgumentException("rows of side " + r.getString(0) + ": only " + bySide.keySet() + " are counted");
            }
            side.put(r.getString(1), counts(r, 2, facts.size()));
        }
        Map<String, RegionCounts> out = new LinkedHashMap<>();
        bySide.forEach((side, m) -> out.put(side, new RegionCounts(facts, m)));
        return out;
    }

    /** {@code n} counts from the row, starting at column {@code from}; a null count (a sum over no rows) is 0. */
    private static long[] counts(Row r, int from, int n) {
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            counts[i] = r.isNullAt(from + i) ? 0 : r.getLong(from + i);
        }
        return counts;
    }

    public List<String> facts() {
        return facts;
    }

    /** Region code -> counts (a copy per region). */
    public Map<String, long[]> byRegion() {
        Map<String, long[]> out = new TreeMap<>();
        byRegion.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /**
     * These counts plus those of other rows of the same aggregation.
     *
     * @throws DoNotFit when the other counts are of other facts
     */
    public RegionCounts plus(RegionCounts other) {
        return combine(other, 1);
    }

    /**
     * These counts minus those of rows among them that left.
     *
     * @throws DoNotFit naming the region and fact when a count would fall below 0: the removed
     *                   rows were not part of the counted ones
     */
    public RegionCounts minus(RegionCounts other) {
        return combine(other, -1);
    }

    /**
     * Counts that cannot be combined: of other facts, or taking away rows that were not counted.
     * Kept counts that do not fit a change are counted afresh; any other failure is not.
     */
    public static final class DoNotFit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DoNotFit(String message) {
            super(message);
        }
    }

    private RegionCounts combine(RegionCounts other, int sign) {
        if (!facts.equals(other.facts)) {
            throw new DoNotFit("counts of facts " + facts + " and " + other.facts + " do not combine");
        }
        Map<String, long[]> m = byRegion();
        other.byRegion.forEach((region, counts) -> {
            long[] sum = m.computeIfAbsent(region, r -> new long[facts.size()]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += sign * counts[i];
                if (sum[i] < 0) {
                    throw new DoNotFit("count " + facts.get(i) + " of region " + region
                            + " would be " + sum[i] + ": the rows taken away were not counted");
                }
            }
        });
        return new RegionCounts(facts, m);
    }

    /**
     * The counts rolled up: for every region of the tree with rows of its own or of a
     * descendant, the sums over itself and all its descendants. Regions not in the tree are left
     * out (their rows were quarantined).
     */
    public Map<String, long[]> rolledUp(RegionTree tree) {
        Map<String, long[]> out = new TreeMap<>();
        tree.rollUp(byRegion, (scored, counts) -> {
            long[] sum = out.computeIfAbsent(scored, s -> new long[facts.size()]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += counts[i];
            }
        });
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegionCounts other) || !facts.equals(other.facts)
                || !byRegion.keySet().equals(other.byRegion.keySet())) {
            return false;
        }
        return byRegion.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.byRegion.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return facts.hashCode() * 31 + byRegion.keySet().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RegionCounts").append(facts).append('{');
        byRegion.forEach((k, v) -> sb.append(k).append('=').append(Arrays.toString(v)).append(' '));
        return sb.append('}').toString();
    }
}
