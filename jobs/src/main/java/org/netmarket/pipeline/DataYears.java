package org.netmarket.pipeline;

import org.apache.spark.sql.Row;
import org.netmarket.config.UsageException;
import org.netmarket.staging.LoadedExtract;

import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.substring;

/**
 * The years the data has figures for: from the first to the last year of the monthly retail
 * figures and the published national figures. A year asked for outside them would publish a
 * scorecard of nothing but missing data (and become a region's "latest" year on dashboards), so
 * it is refused as bad usage.
 */
record DataYears(int first, int last) {

    /** The years covered, or null when neither retail nor national figures were delivered (nothing to judge by). */
    static DataYears of(Map<String, LoadedExtract> extracts) {
        Integer first = null;
        Integer last = null;
        LoadedExtract retail = extracts.get("retail");
        if (retail != null && retail.delivered()) {
            Row r = retail.latest().agg(min(substring(col("month"), 1, 4)), max(substring(col("month"), 1, 4))).first();
            if (!r.isNullAt(0)) {
                first = Integer.parseInt(r.getString(0));
                last = Integer.parseInt(r.getString(1));
            }
        }
        LoadedExtract national = extracts.get("national");
        if (national != null && national.delivered()) {
            Row r = national.latest().agg(min(col("year")), max(col("year"))).first();
            if (!r.isNullAt(0)) {
                first = first == null ? r.getInt(0) : Math.min(first, r.getInt(0));
                last = last == null ? r.getInt(1) : Math.max(last, r.getInt(1));
            }
        }
        return first == null ? null : new DataYears(first, last);
    }

    /** Refuses the years that fall outside the data's. */
    void check(List<Integer> years) {
        List<Integer> outside = years.stream().filter(y -> y < first || y > last).toList();
        if (!outside.isEmpty()) {
            throw new UsageException("the data has no figures for " + (outside.size() == 1 ? "year " : "years ")
                    + outside.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow()
                    + ": its retail and national figures cover " + first + "-" + last);
        }
    }
}
