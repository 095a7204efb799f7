package org.netmarket.pipeline;

import org.apache.spark.sql.Row;
import org.netmarket.staging.LoadedExtract;

import java.time.LocalDate;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.substring;

/**
 * The default evaluation year: the latest year whose December retail figures have been
 * delivered (monthly figures are the last to complete a year); without retail, the latest year
 * of the published national figures; without either, last calendar year.
 */
final class LatestCompleteYear {
    private LatestCompleteYear() {
    }

    static int of(Map<String, LoadedExtract> extracts) {
        LoadedExtract retail = extracts.get("retail");
        if (retail != null && retail.delivered()) {
            Row r = retail.latest().filter(col("month").endsWith("-12"))
                    .agg(max(substring(col("month"), 1, 4))).first();
            if (!r.isNullAt(0)) {
                return Integer.parseInt(r.getString(0));
            }
        }
        LoadedExtract national = extracts.get("national");
        if (national != null && national.delivered()) {
            Row r = national.latest().agg(max(col("year"))).first();
            if (!r.isNullAt(0)) {
                return r.getInt(0);
            }
        }
        return LocalDate.now().getYear() - 1;
    }
}
