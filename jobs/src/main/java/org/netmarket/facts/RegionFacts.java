package org.netmarket.facts;

import org.netmarket.extract.ConflictScope;
import org.netmarket.extract.ExtractLabel;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.Reason;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an item may know about one region for one evaluation: record-level counts, the
 * aggregate figures with the city-from-children rule, published national figures, which
 * extracts were delivered and where versions conflicted. Pure Java; items read it, never Spark.
 */
public final class RegionFacts {
    private final Region region;
    private final EvaluationPeriod period;
    private final RegionTree tree;
    private final RecordFacts records;
    private final Map<String, AggregateFigures> aggregates;
    private final NationalFigures national;
    private final Map<String, List<ConflictScope>> conflictScopes;

    /**
     * @param conflictScopes per extract, where the rows of keys with conflicting versions lie
     */
    public RegionFacts(Region region, EvaluationPeriod period, RegionTree tree, RecordFacts records,
                       Map<String, AggregateFigures> aggregates, NationalFigures national,
                       Map<String, List<ConflictScope>> conflictScopes) {
        this.region = region;
        this.period = period;
        this.tree = tree;
        this.records = records;
        this.aggregates = aggregates;
        this.national = national;
        this.conflictScopes = conflictScopes;
    }

    public Region region() {
        return region;
    }

    public int year() {
        return period.year();
    }

    public LocalDate asOf() {
        return period.asOf();
    }

    public EvaluationPeriod period() {
        return period;
    }

    /** Whether a record-level extract was delivered. */
    public boolean delivered(String extract) {
        return records.isDelivered(extract);
    }

    /**
     * When rows of a record-level extract that an item counts — in this region or below, of
     * cohort years {@code from..to} and population {@code type} (null: all) — had conflicting
     * versions, says where; such rows are set aside, so counts over them cannot be trusted.
     * Conflicts of other years or populations do not concern the item.
     */
    public Optional<Reason> conflict(String extract, int from, int to, String type) {
        List<ConflictScope> scopes = conflictScopes.getOrDefault(extract, List.of());
        if (scopes.isEmpty()) {
            return Optional.empty();
        }
        Set<String> mine = tree.selfAndDescendants(region.code());
        // The same conflict in whichever order a full or a merging run found its rows: the first by place, not by arrival.
        return scopes.stream().filter(s -> s.region() != null && mine.contains(s.region()) && s.concerns(from, to, type))
                .min(ConflictScope.BY_PLACE).map(s -> Reason.of(extract + " has rows with conflicting versions in " + s.describe(),
                        ExtractLabel.zh(extract) + "中" + s.recordsZh() + "有相互冲突的版本"));
    }

    /**
     * When a region below this one had its regions.csv row set aside, says which: its records are
     * not counted here, so counts of this region's records and those below it cannot be trusted.
     */
    public Optional<Reason> regionsSetAsideBelow() {
        return tree.setAsideBelow(region.code());
    }

    /** Rows of a record-level extract in this region and below, in any year (the extract must have been counted). */
    public long rows(String extract) {
        return records.get(region.code(), Facts.rowsOf(extract));
    }

    /**
     * A record-level count (0 when the region has no such records).
     *
     * @throws IllegalStateException naming the fact when it was never counted ({@link RecordFacts#get})
     */
    public long count(String fact) {
        return records.get(region.code(), fact);
    }

    /** The 12-month total of a monthly aggregate extract for a year. */
    public Figure yearOfMonths(String extract, String measure, int year) {
        return aggregate(extract).year(region.code(), year, measure);
    }

    /** A yearly aggregate figure. */
    public Figure yearly(String extract, String measure, int year) {
        return aggregate(extract).get(region.code(), Integer.toString(year), measure);
    }

    /** A dated snapshot figure at the latest date on or before the as-of date. */
    public Figure snapshot(String extract, String measure) {
        return aggregate(extract).latestOnOrBefore(region.code(), period.asOf(), measure);
    }

    /** A published national figure. */
    public Figure national(String metric, int year) {
        return national.get(metric, year);
    }

    private AggregateFigures aggregate(String extract) {
        AggregateFigures a = aggregates.get(extract);
        if (a == null) {
            throw new IllegalArgumentException("no aggregate extract " + extract);
        }
        return a;
    }
}
