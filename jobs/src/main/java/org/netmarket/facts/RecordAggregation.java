package org.netmarket.facts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Counts facts of one record-level extract per region. One implementation per extract; the
 * counts, rolled up to every ancestor, feed the items through {@link RecordFacts}.
 */
public interface RecordAggregation {
    /** The column of a record that holds its (lowest) region. */
    String REGION = "region_code";

    /** The extract it reads. */
    String extract();

    /** Fact name -> condition; each fact counts the rows that meet its condition. */
    Map<String, Column> facts(AggregationContext context);

    /** The rows the facts count (e.g. the cohort of year Y); every row by default. */
    default Column cohort(AggregationContext context) {
        return lit(true);
    }

    /**
     * Counts the rows per region of the records: the count of all rows ({@link Facts#rowsOf})
     * and one conditional count per fact within the cohort, in one pass. The roll-up to
     * ancestors is {@link RegionCounts#rolledUp}: counting per region first evaluates each
     * condition once per record instead of once per record and ancestor.
     */
    default RegionCounts count(Dataset<Row> rows, AggregationContext context) {
        Map<String, Column> conditions = conditions(context);
        return RegionCounts.collect(perRegion(rows, conditions), List.copyOf(conditions.keySet()));
    }

    /**
     * The counts of the rows a change took away and of those it brought, told apart by
     * {@link RegionCounts#SIDE} ({@link RegionCounts#sides}), in one job instead of two.
     */
    default Map<String, RegionCounts> countBySide(Dataset<Row> rowsWithSide, AggregationContext context) {
        Map<String, Column> conditions = conditions(context);
        return RegionCounts.collectBySide(perRegion(rowsWithSide, conditions, col(RegionCounts.SIDE)),
                List.copyOf(conditions.keySet()));
    }

    /**
     * Count name -> the condition a row meets to be counted: every row for the rows first, then
     * each fact's within the cohort.
     */
    private Map<String, Column> conditions(AggregationContext context) {
        Map<String, Column> conditions = new LinkedHashMap<>();
        conditions.put(Facts.rowsOf(extract()), lit(true));
        Column cohort = cohort(context);
        facts(context).forEach((name, condition) -> conditions.put(name, cohort.and(condition)));
        return conditions;
    }

    /** The counts per region, one per condition in its order, grouped after the {@code leading} columns. */
    private static Dataset<Row> perRegion(Dataset<Row> rows, Map<String, Column> conditions, Column... leading) {
        List<Column> counts = new ArrayList<>();
        for (Column condition : conditions.values()) {
            // A null condition (e.g. a comparison with an empty timestamp) counts as not met.
            counts.add(sum(when(condition, lit(1L)).otherwise(lit(0L))).as("f" + counts.size()));
        }
        return rows.groupBy(RegionCounts.grouping(leading, col(REGION)))
                .agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0]));
    }

    /** One count of one region. */
    record FactCount(String region, String fact, long count) {
    }
}
