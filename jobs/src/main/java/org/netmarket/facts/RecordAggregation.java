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
        Map<String, Column> facts = new LinkedHashMap<>();
        facts.put(Facts.rowsOf(extract()), lit(true));
        Column cohort = cohort(context);
        facts(context).forEach((name, condition) -> facts.put(name, cohort.and(condition)));
        List<Column> counts = new ArrayList<>();
        List<String> names = new ArrayList<>(facts.keySet());
        for (int i = 0; i < names.size(); i++) {
            // A null condition (e.g. a comparison with an empty timestamp) counts as not met.
            counts.add(sum(when(facts.get(names.get(i)), lit(1L)).otherwise(lit(0L))).as("f" + i));
        }
        Dataset<Row> perRegion = rows.groupBy(col(REGION))
                .agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0]));
        return RegionCounts.collect(perRegion, names);
    }

    /** One count of one region. */
    record FactCount(String region, String fact, long count) {
    }
}
