package org.netmarket.facts;

import org.netmarket.extract.ConflictScope;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.Assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All facts of one evaluation (year and as-of date) for every region: record-level counts,
 * aggregate figures, national figures, assessments and where versions conflicted.
 */
public final class FactSheet {
    private final EvaluationPeriod period;
    private final RegionTree tree;
    private final RecordFacts records;
    private final Map<String, AggregateFigures> aggregates;
    private final NationalFigures national;
    private final Map<String, List<ConflictScope>> conflictScopes;
    private final AssessmentFacts assessments;
    private final Map<String, Map<String, Long>> rowsByRegion;

    /**
     * @param rowsByRegion extract -> region -> the extract's latest rows about the region or a
     *                     region under it (every year), for the delivered extracts whose rows
     *                     name their region
     */
    public FactSheet(EvaluationPeriod period, RegionTree tree, RecordFacts records, Map<String, AggregateFigures> aggregates,
                     NationalFigures national, Map<String, List<ConflictScope>> conflictScopes, AssessmentFacts assessments,
                     Map<String, Map<String, Long>> rowsByRegion) {
        this.period = period;
        this.tree = tree;
        this.records = records;
        this.aggregates = aggregates;
        this.national = national;
        this.conflictScopes = conflictScopes;
        this.assessments = assessments;
        this.rowsByRegion = Map.copyOf(rowsByRegion);
    }

    public EvaluationPeriod period() {
        return period;
    }

    public RegionTree tree() {
        return tree;
    }

    public RecordFacts records() {
        return records;
    }

    /** The facts of one region, as the items read them. */
    public RegionFacts forRegion(Region region) {
        return new RegionFacts(region, period, tree, records, aggregates, national, conflictScopes);
    }

    /** The region's assessments for the evaluation year, by item code. */
    public Map<String, Assessment> assessments(String regionCode) {
        return assessments.of(period.year(), regionCode);
    }

    /**
     * Whether the assessment of an item had conflicting versions (both set aside): the item is
     * then a data error rather than not assessed.
     */
    public boolean assessmentConflict(String regionCode, String itemCode) {
        return assessments.conflict(period.year(), regionCode, itemCode);
    }

    /**
     * Whether a region's items count the rows of the regions under it: those of every extract
     * but the assessments, which are of the region itself (a city's are not its counties').
     */
    public static boolean rollsUp(String extract) {
        return !SchemaCatalog.ASSESSMENTS.equals(extract);
    }

    /**
     * Region -> rows of an extract, from the rows counted by the region they name ({@code own}):
     * each region's own plus, where the extract {@link #rollsUp}, those of the regions under it;
     * regions the tree does not know left out. The lineage's rows in a region and rows set aside
     * are both summed this way.
     */
    public static Map<String, Long> rowsRolledUp(String extract, Map<String, Long> own, RegionTree tree) {
        Map<String, Long> out = new HashMap<>();
        if (!rollsUp(extract)) {
            own.forEach((region, n) -> {
                if (tree.contains(region)) {
                    out.put(region, n);
                }
            });
            return out;
        }
        tree.rollUp(own, (scored, n) -> {
            if (n != 0) { // as the record counts roll up: a region without rows adds no entry
                out.merge(scored, n, Long::sum);
            }
        });
        return out;
    }

    /**
     * The latest rows of an extract about the region, and the regions under it where the extract
     * {@link #rollsUp}, every year (0 when it has none); null when they were not counted: the
     * extract was not delivered, or its rows name no region of their own (national figures;
     * operator sales, whose region is their operator's).
     */
    public Long rowsInRegion(String extract, String regionCode) {
        Map<String, Long> rows = rowsByRegion.get(extract);
        return rows == null ? null : rows.getOrDefault(regionCode, 0L);
    }

    public boolean assessmentsDelivered() {
        return assessments.delivered();
    }
}
