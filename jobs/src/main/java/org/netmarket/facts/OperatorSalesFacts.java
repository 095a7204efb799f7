package org.netmarket.facts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.netmarket.edition.Parameters;
import org.netmarket.region.RegionTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Distinct operators of a region newly above scale in one of the recent years (item 4): for a
 * year t, sales(t) >= threshold and (no sales row for t-1, or sales(t-1) < threshold), where the
 * threshold is that of the scored region's economic zone (the zones of regions.csv's schema, each
 * with its threshold in the edition).
 * Needs the operators registry for each operator's region.
 */
public final class OperatorSalesFacts {
    public static final String EXTRACT = "operator-sales";
    /** The column of a sales row that holds its operator's region (joined from the registry). */
    public static final String OPERATOR_REGION = RecordAggregation.REGION;
    private static final List<String> ZONES = CountedItems.economicZones();
    /**
     * Per region of the operators: operators with a sales row (any year: a region without any
     * has no records; one whose sales all lie outside the recent years has a count of 0), then
     * the new above-scale operators under each zone's threshold, in the order of {@link #ZONES}.
     */
    static final List<String> FACTS = Stream.concat(Stream.of(Facts.rowsOf(EXTRACT)),
            ZONES.stream().map(zone -> "new_above_scale_" + zone)).toList();
    /** The facts of every scored region ({@link #scored}). */
    public static final List<String> SCORED_FACTS = List.of(Facts.rowsOf(EXTRACT), Facts.OPERATORS_NEW_ABOVE_SCALE);

    private OperatorSalesFacts() {
    }

    /** Whether the edition has the item. */
    public static boolean applies(AggregationContext c) {
        return c.parameters(CountedItems.NEW_ABOVE_SCALE_OPERATORS).isPresent();
    }

    /**
     * Counts per region of the operators, from sales rows that carry their operator's region in
     * {@link #OPERATOR_REGION} (sales of operators missing from the registry are not among
     * them). Every operator's counts come from its own rows alone, so the counts of a changed
     * set of operators can be taken out and put back ({@link RegionCounts}).
     */
    public static RegionCounts count(Dataset<Row> salesWithRegion, AggregationContext c) {
        return RegionCounts.collect(perRegion(salesWithRegion, c), FACTS);
    }

    /**
     * The counts of the sales rows a change took away and of those it brought, told apart by
     * {@link RegionCounts#SIDE}, in one job; an operator's rows all have one side (a change
     * replaces all the rows of each operator it touches).
     */
    public static Map<String, RegionCounts> countBySide(Dataset<Row> salesWithSide, AggregationContext c) {
        return RegionCounts.collectBySide(perRegion(salesWithSide, c, col(RegionCounts.SIDE)), FACTS);
    }

    /** The counts per region of the operators, grouped after the {@code leading} columns. */
    private static Dataset<Row> perRegion(Dataset<Row> salesWithRegion, AggregationContext c, Column... leading) {
        Parameters p = c.parameters(CountedItems.NEW_ABOVE_SCALE_OPERATORS).orElseThrow();
        int y = c.period().year();
        int first = CountedItems.firstSalesYear(p, y);
        List<Column> perYear = new ArrayList<>();
        for (int t = first; t <= y; t++) {
            perYear.add(max(when(col("year").equalTo(t), col("ecommerce_sales_yuan"))).as("s" + t));
        }
        // One registry row per operator: grouping by operator and its region is one row per operator.
        Dataset<Row> pivot = salesWithRegion.groupBy(RegionCounts.grouping(leading, col("operator_id"), col(OPERATOR_REGION)))
                .agg(perYear.get(0), perYear.subList(1, perYear.size()).toArray(new Column[0]));
        // The threshold is that of the scored region's zone, so count per region of the operator
        // once under each zone's threshold, and let each scored region take its zone's count.
        List<Column> counts = new ArrayList<>();
        counts.add(functions.count(lit(1)).as("rows"));
        for (String zone : ZONES) {
            Column threshold = lit(p.decimal(CountedItems.aboveScaleThreshold(zone)));
            Column isNew = lit(false);
            for (int t = first + 1; t <= y; t++) {
                Column now = col("s" + t);
                Column before = col("s" + (t - 1));
                isNew = isNew.or(now.isNotNull().and(now.geq(threshold))
                        .and(before.isNull().or(before.lt(threshold))));
            }
            counts.add(sum(when(isNew, lit(1L)).otherwise(lit(0L))).as("n_" + zone));
        }
        return pivot.groupBy(RegionCounts.grouping(leading, col(OPERATOR_REGION)))
                .agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0]));
    }

    /**
     * The facts of every scored region ({@link #SCORED_FACTS}) from the rolled-up counts: its
     * operators with sales rows, and the new above-scale operators under its own zone's threshold.
     *
     * @throws IllegalStateException naming the region and zone when a region's zone is none of
     *                               those counted (a count of 0 would pass for no new operators)
     */
    public static List<RecordAggregation.FactCount> scored(RegionCounts counts, RegionTree tree) {
        List<RecordAggregation.FactCount> out = new ArrayList<>();
        counts.rolledUp(tree).forEach((region, n) -> {
            String economicZone = tree.get(region).economicZone();
            int zone = ZONES.indexOf(economicZone);
            if (zone < 0) {
                throw new IllegalStateException("region " + region + " is in economic zone '" + economicZone
                        + "', which has no count of new above-scale operators (zones: " + String.join(", ", ZONES) + ")");
            }
            out.add(new RecordAggregation.FactCount(region, Facts.OPERATORS_NEW_ABOVE_SCALE, n[1 + zone]));
            out.add(new RecordAggregation.FactCount(region, Facts.rowsOf(EXTRACT), n[0]));
        });
        return out;
    }
}
