package org.netmarket.facts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.netmarket.edition.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
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

    private OperatorSalesFacts() {
    }

    /** Counts per scored region; empty when the edition has no such item. */
    public static List<RecordAggregation.FactCount> aggregate(Dataset<Row> sales, Dataset<Row> operators,
                                                             AggregationContext c) {
        Optional<Parameters> params = c.parameters("new_above_scale_operators");
        if (params.isEmpty()) {
            return List.of();
        }
        Parameters p = params.get();
        int years = p.integer("recent_years", 2);
        int y = c.period().year();
        int first = y - years; // the year before the first recent year
        List<Column> perYear = new ArrayList<>();
        for (int t = first; t <= y; t++) {
            perYear.add(max(when(col("year").equalTo(t), col("ecommerce_sales_yuan"))).as("s" + t));
        }
        Dataset<Row> pivot = sales.filter(col("year").between(first, y)).groupBy(col("operator_id"))
                .agg(perYear.get(0), perYear.subList(1, perYear.size()).toArray(new Column[0]));
        // The threshold is that of the scored region's zone, so count per region of the operator
        // once under each zone's threshold, and let each scored region take its zone's count.
        List<String> zones = List.of("east", "central", "west");
        List<Column> perZone = new ArrayList<>();
        for (String zone : zones) {
            Column threshold = lit(p.decimal("above_scale_threshold_yuan." + zone));
            Column isNew = lit(false);
            for (int t = first + 1; t <= y; t++) {
                Column now = col("s" + t);
                Column before = col("s" + (t - 1));
                isNew = isNew.or(now.isNotNull().and(now.geq(threshold))
                        .and(before.isNull().or(before.lt(threshold))));
            }
            perZone.add(sum(when(isNew, lit(1L)).otherwise(lit(0L))).as("n_" + zone));
        }
        perZone.add(count(lit(1)).as("rows"));
        // One pivot row per operator and one registry row per operator: counting rows counts
        // distinct operators.
        Dataset<Row> perRegion = pivot
                .join(operators.select(col("operator_id"), col(RegionPairs.REGION)), "operator_id")
                .groupBy(col(RegionPairs.REGION))
                .agg(perZone.get(0), perZone.subList(1, perZone.size()).toArray(new Column[0]));
        Column zoneCount = when(col(RegionPairs.SCORED_ZONE).equalTo("east"), col("n_east"))
                .when(col(RegionPairs.SCORED_ZONE).equalTo("central"), col("n_central"))
                .when(col(RegionPairs.SCORED_ZONE).equalTo("west"), col("n_west"))
                .otherwise(lit(0L));
        Dataset<Row> rows = perRegion.join(c.regionPairs(), RegionPairs.REGION)
                .groupBy(col(RegionPairs.SCORED_REGION))
                .agg(sum(zoneCount).as("n"), sum(col("rows")).as("rows"));
        List<RecordAggregation.FactCount> out = new ArrayList<>();
        for (Row r : rows.collectAsList()) {
            out.add(new RecordAggregation.FactCount(r.getString(0), Facts.OPERATORS_NEW_ABOVE_SCALE, r.getLong(1)));
            // operators of the region with a sales row in the years the item looks at
            out.add(new RecordAggregation.FactCount(r.getString(0), Facts.rowsOf(EXTRACT), r.getLong(2)));
        }
        return out;
    }
}
