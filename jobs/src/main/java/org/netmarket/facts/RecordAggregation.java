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
 * Counts facts of one record-level extract per region, rolled up to every ancestor. One
 * implementation per extract; the counts feed the items through {@link RecordFacts}.
 */
public interface RecordAggregation {

    /** The extract it reads. */
    String extract();

    /** Fact name -> condition; each fact counts the rows that meet its condition. */
    Map<String, Column> facts(AggregationContext context);

    /** The rows the facts count (e.g. the cohort of year Y); every row by default. */
    default Column cohort(AggregationContext context) {
        return lit(true);
    }

    /**
     * Runs the aggregation: per region of the records, the count of all rows
     * ({@link Facts#rowsOf}) and one conditional count per fact within the cohort; then the
     * counts are rolled up to every ancestor. Counting per region first evaluates each condition
     * once per record instead of once per record and ancestor, and the roll-up joins a few
     * thousand rows instead of every record. Returns rows (scored_region, fact, count).
     */
    default List<FactCount> aggregate(Dataset<Row> latest, AggregationContext context) {
        Map<String, Column> facts = new LinkedHashMap<>();
        facts.put(Facts.rowsOf(extract()), lit(true));
        Column cohort = cohort(context);
        facts(context).forEach((name, condition) -> facts.put(name, cohort.and(condition)));
        List<Column> counts = new ArrayList<>();
        List<Column> rolledUp = new ArrayList<>();
        List<String> names = new ArrayList<>(facts.keySet());
        for (int i = 0; i < names.size(); i++) {
            // A null condition (e.g. a comparison with an empty timestamp) counts as not met.
            counts.add(sum(when(facts.get(names.get(i)), lit(1L)).otherwise(lit(0L))).as("f" + i));
            rolledUp.add(sum(col("f" + i)).as("f" + i));
        }
        Dataset<Row> perRegion = latest.groupBy(col(RegionPairs.REGION))
                .agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0]));
        Dataset<Row> grouped = perRegion.join(context.regionPairs(), RegionPairs.REGION)
                .groupBy(col(RegionPairs.SCORED_REGION))
                .agg(rolledUp.get(0), rolledUp.subList(1, rolledUp.size()).toArray(new Column[0]));
        List<FactCount> out = new ArrayList<>();
        for (Row r : grouped.collectAsList()) {
            for (int i = 0; i < names.size(); i++) {
                out.add(new FactCount(r.getString(0), names.get(i), r.getLong(i + 1)));
            }
        }
        return out;
    }

    /** One count of one region. */
    record FactCount(String region, String fact, long count) {
    }
}
