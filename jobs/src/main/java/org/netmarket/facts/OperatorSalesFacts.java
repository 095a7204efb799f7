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

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Distinct operators of a region newly above scale in one of the recent years (item 4): for a
 * year t, sales(t) >= threshold and (no sales row for t-1, or sales(t-1) < threshold), where the
 * threshold is that of the scored region's economic zone (east/central/west, from the edition).
 * Needs the operators registry for each operator's region.
 */
public final class OperatorSalesFacts {
    public static final String EXTRACT = "operator-sales";
    /** The column of a sales row that holds its operator's region (joined from the registry). */
    public static final String OPERATOR_REGION = RecordAggregation.REGION;
    private static final String COMPUTATION = "new_above_scale_operators";
    private static final List<String> ZONES = List.of("east", "central", "west");
    /**
     * Per region of the operators: operators with a sales row (any year: a region without any
     * has no records; one whose sales all lie outside the recent years has a count of 0), then
     * the new above-scale operators under each zone's threshold.
     */
    static final List<String> FACTS = List.of(Facts.rowsOf(EXTRACT), "new_above_scale_east",
            "new_above_scale_central", "new_above_scale_west");

    private OperatorSalesFacts() {
    }

    /** Whether the edition has the item. */
    public static boolean applies(AggregationContext c) {
        return c.parameters(COMPUTATION).isPresent();
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
        Parameters p = c.parameters(COMPUTATION).orElseThrow();
        int years = p.integer("recent_years");
        int y = c.period().year();
        int first = y - years; // the year before the first recent year
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
            Column threshold = lit(p.decimal("above_scale_threshold_yuan." + zone));
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
     * The facts of every scored region from the rolled-up counts: its operators with sales rows,
     * and the new above-scale operators under its own zone's threshold.
     */
    public static List<RecordAggregation.FactCount> scored(RegionCounts counts, RegionTree tree) {
        List<RecordAggregation.FactCount> out = new ArrayList<>();
        counts.rolledUp(tree).forEach((region, n) -> {
            int zone = ZONES.indexOf(tree.get(region).economicZone());
            out.add(new RecordAggregation.FactCount(region, Facts.OPERATORS_NEW_ABOVE_SCALE, zone < 0 ? 0 : n[1 + zone]));
            out.add(new RecordAggregation.FactCount(region, Facts.rowsOf(EXTRACT), n[0]));
        });
        return out;
    }
}
