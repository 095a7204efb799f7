package org.netmarket.facts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.netmarket.rules.Assessment;
import org.netmarket.staging.LoadedExtract;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The expert assessments of some evaluation years, collected to the driver: the latest row per
 * region, year and item, and the keys whose versions conflicted (both rows set aside, so the
 * item is a data error rather than not assessed).
 */
public final class AssessmentFacts {
    private final boolean delivered;
    /** year -> region -> item -> assessment. */
    private final Map<Integer, Map<String, Map<String, Assessment>>> byYear = new HashMap<>();
    /** year -> region|item. */
    private final Map<Integer, Set<String>> conflicts = new HashMap<>();

    private AssessmentFacts(boolean delivered) {
        this.delivered = delivered;
    }

    /**
     * Collects the assessments of {@code years} only: a national data set holds close to a
     * million assessment rows over all years.
     *
     * @param extract the assessments extract, or null when the run did not load it
     */
    public static AssessmentFacts collect(LoadedExtract extract, Collection<Integer> years) {
        if (extract == null || !extract.delivered()) {
            return new AssessmentFacts(false);
        }
        AssessmentFacts out = new AssessmentFacts(true);
        Dataset<Row> ofYears = extract.latest().filter(col("year").isin(years.toArray()));
        for (Row r : ofYears.collectAsList()) {
            BigDecimal points = r.getAs("points");
            Assessment a = new Assessment(r.getAs("item"), points.stripTrailingZeros(), r.getAs("evidence"),
                    r.getAs("assessor"), r.<LocalDateTime>getAs("assessed_at"));
            out.byYear.computeIfAbsent(r.<Integer>getAs("year"), y -> new HashMap<>())
                    .computeIfAbsent(r.getAs("region_code"), x -> new HashMap<>())
                    .put(a.itemCode(), a);
        }
        for (Map<String, Object> key : extract.conflictKeys()) {
            out.conflicts.computeIfAbsent((Integer) key.get("year"), y -> new HashSet<>())
                    .add(key.get("region_code") + "|" + key.get("item"));
        }
        return out;
    }

    /** Whether the assessments folder was delivered (without it, assessed items are missing data). */
    public boolean delivered() {
        return delivered;
    }

    /** Whether any region has an assessment (or a conflicting one) of the year. */
    public boolean hasYear(int year) {
        return byYear.containsKey(year) || conflicts.containsKey(year);
    }

    /** The region's assessments of the year, by item code. */
    public Map<String, Assessment> of(int year, String regionCode) {
        return byYear.getOrDefault(year, Map.of()).getOrDefault(regionCode, Map.of());
    }

    /** Whether the assessment of an item for the region and year had conflicting versions. */
    public boolean conflict(int year, String regionCode, String itemCode) {
        return conflicts.getOrDefault(year, Set.of()).contains(regionCode + "|" + itemCode);
    }
}
