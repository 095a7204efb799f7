package org.netmarket.facts;

import org.netmarket.extract.ConflictScope;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-built facts for tests of the facts and items: a small region tree, record-level counts,
 * aggregate figures, national figures and conflicts, put together as a {@link RegionFacts}.
 *
 * <pre>
 *   330000 浙江省 (province)
 *   ├── 330100 杭州市 (city) ── 330102 上城区, 330105 拱墅区 (counties)
 *   └── 330200 宁波市 (city) ── 330203 海曙区 (county)
 * </pre>
 * Every aggregate extract is delivered (and empty) unless {@link #notDelivered} says otherwise;
 * record-level extracts are delivered only when {@link #delivered} names them, and then have
 * rows in every region unless {@link #noRows} says a region has none, and every fact of theirs
 * ({@link Facts}) counted: 0 wherever {@link #count} gives none.
 */
public final class FactsBuilder {
    public static final String PROVINCE = "330000";
    public static final String CITY = "330100";
    public static final String COUNTY_A = "330102";
    public static final String COUNTY_B = "330105";
    public static final String OTHER_CITY = "330200";
    public static final String OTHER_COUNTY = "330203";

    public static final RegionTree TREE = new RegionTree(List.of(
            new Region(PROVINCE, "浙江省", null, "province", "east"),
            new Region(CITY, "杭州市", PROVINCE, "city", "east"),
            new Region(COUNTY_A, "上城区", CITY, "county", "east"),
            new Region(COUNTY_B, "拱墅区", CITY, "county", "east"),
            new Region(OTHER_CITY, "宁波市", PROVINCE, "city", "east"),
            new Region(OTHER_COUNTY, "海曙区", OTHER_CITY, "county", "east")));

    public static final List<String> RECORD_EXTRACTS = List.of("operators", "operator-sales", "dispatches",
            "case-clues", "case-reviews", "complaints", "training");

    public static final List<String> AGGREGATE_EXTRACTS =
            List.of("retail", "express", "tax", "employment", "market-entities", "platform-accounts");

    private EvaluationPeriod period;
    private RegionTree tree = TREE;
    private final RecordFacts records = new RecordFacts();
    private final Set<String> notCounted = new HashSet<>();
    private final Map<String, AggregateFigures> aggregates = new HashMap<>();
    private NationalFigures national = new NationalFigures(true);
    private final Map<String, List<ConflictScope>> conflicts = new HashMap<>();

    private FactsBuilder(EvaluationPeriod period) {
        this.period = period;
        for (String e : AGGREGATE_EXTRACTS) {
            aggregates.put(e, new AggregateFigures(e, true, TREE));
        }
    }

    /**
     * The tree knows a region whose regions.csv row was set aside, below {@code parent} (a code
     * the tree does not hold, as it would be). Given first: the aggregate extracts start again
     * with the tree.
     */
    public FactsBuilder regionSetAside(String parent, String code, long line) {
        tree = TREE.withSetAside(Map.of(parent, Map.of(code, line)));
        for (String e : AGGREGATE_EXTRACTS) {
            aggregates.put(e, new AggregateFigures(e, true, tree));
        }
        return this;
    }

    /** Evaluation year Y with the default as-of date Y-12-31. */
    public static FactsBuilder year(int year) {
        return new FactsBuilder(EvaluationPeriod.of(year));
    }

    public FactsBuilder asOf(LocalDate asOf) {
        period = new EvaluationPeriod(period.year(), asOf);
        return this;
    }

    /** Record-level extracts that were delivered, with their facts counted as Spark would. */
    public FactsBuilder delivered(String... extracts) {
        for (String e : extracts) {
            records.delivered(e);
            records.counted(factsOf(e));
        }
        return this;
    }

    /**
     * A record-level extract delivered but not counted, as operator sales are without the
     * operators (their region is their operator's): asking for any of its facts is an error.
     */
    public FactsBuilder deliveredNotCounted(String extract) {
        records.delivered(extract);
        notCounted.add(extract);
        return this;
    }

    /** The facts of a record-level extract: its rows and the {@link Facts} named {@code <extract>.*}. */
    static List<String> factsOf(String extract) {
        List<String> facts = new ArrayList<>(List.of(Facts.rowsOf(extract)));
        String prefix = extract.replace('-', '_') + ".";
        for (Field field : Facts.class.getFields()) {
            try {
                if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof String name && name.startsWith(prefix)) {
                    facts.add(name);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return facts;
    }

    /** A delivered record-level extract has no row at all for the region (its items: no_records). */
    public FactsBuilder noRows(String extract, String region) {
        records.put(region, Facts.rowsOf(extract), 0);
        return this;
    }

    /** A record-level count of a region (already rolled up, as Spark delivers it). */
    public FactsBuilder count(String region, String fact, long value) {
        records.put(region, fact, value);
        return this;
    }

    /** Rows of a record-level extract in this region had conflicting versions, of every year and type. */
    public FactsBuilder recordConflict(String extract, String region) {
        return recordConflict(extract, region, null, null);
    }

    /** A conflicting row of a record-level extract in this region, of a cohort year and type (null: none). */
    public FactsBuilder recordConflict(String extract, String region, Integer year, String type) {
        conflicts.computeIfAbsent(extract, e -> new ArrayList<>()).add(new ConflictScope(region, year, type, null));
        return this;
    }

    /** An aggregate extract whose folder is absent. */
    public FactsBuilder notDelivered(String aggregateExtract) {
        aggregates.put(aggregateExtract, new AggregateFigures(aggregateExtract, false, tree));
        return this;
    }

    public AggregateFigures aggregate(String extract) {
        return aggregates.get(extract);
    }

    /** One row of an aggregate extract (period: YYYY-MM, YYYY or YYYY-MM-DD). */
    public FactsBuilder put(String extract, String region, String period, String measure, String value) {
        aggregates.get(extract).put(region, period, measure, new BigDecimal(value));
        return this;
    }

    /** Monthly rows for the first n months of a year, n = number of values given. */
    public FactsBuilder months(String extract, String region, int year, String measure, String... values) {
        for (int m = 0; m < values.length; m++) {
            put(extract, region, String.format("%04d-%02d", year, m + 1), measure, values[m]);
        }
        return this;
    }

    /**
     * Twelve monthly rows that sum exactly to {@code total}: eleven whole-yuan parts and the
     * remainder in December.
     */
    public FactsBuilder yearOfMonths(String extract, String region, int year, String measure, String total) {
        BigDecimal t = new BigDecimal(total);
        BigDecimal part = t.divide(BigDecimal.valueOf(12), 0, RoundingMode.DOWN);
        String[] values = new String[12];
        for (int m = 0; m < 11; m++) {
            values[m] = part.toPlainString();
        }
        values[11] = t.subtract(part.multiply(BigDecimal.valueOf(11))).toPlainString();
        return months(extract, region, year, measure, values);
    }

    /** A region-period of an aggregate extract whose rows were in conflict. */
    public FactsBuilder aggregateConflict(String extract, String region, String period) {
        aggregates.get(extract).conflict(region, period);
        return this;
    }

    public FactsBuilder national(int year, String metric, String value) {
        national.put(year, metric, new BigDecimal(value));
        return this;
    }

    public FactsBuilder nationalConflict(int year, String metric) {
        national.conflict(year, metric);
        return this;
    }

    public FactsBuilder nationalNotDelivered() {
        national = new NationalFigures(false);
        return this;
    }

    public RegionFacts build(String region) {
        fillRows(region);
        return new RegionFacts(tree.get(region), period, tree, records, aggregates, national, conflicts);
    }

    /** The facts of every region of {@link #TREE} as one sheet, with these assessments. */
    public FactSheet sheet(AssessmentFacts assessments) {
        for (Region r : tree.all()) {
            fillRows(r.code());
        }
        return new FactSheet(period, tree, records, aggregates, national, conflicts, assessments, Map.of());
    }

    private void fillRows(String region) {
        for (String extract : RECORD_EXTRACTS) {
            if (records.isDelivered(extract) && !notCounted.contains(extract) && !records.of(region).containsKey(Facts.rowsOf(extract))) {
                records.put(region, Facts.rowsOf(extract), 1);
            }
        }
    }
}
