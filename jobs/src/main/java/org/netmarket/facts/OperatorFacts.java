package org.netmarket.facts;

import org.apache.spark.sql.Column;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Operators active at the as-of date (registered on or before it, not deregistered on or before
 * it; all three operator types), and those among them registered on or before the as-of date
 * minus the survival years (items 3 and 9).
 */
public final class OperatorFacts implements RecordAggregation {
    @Override
    public String extract() {
        return "operators";
    }

    @Override
    public Map<String, Column> facts(AggregationContext c) {
        LocalDate asOf = c.period().asOf();
        Column active = col("registered_on").leq(lit(asOf))
                .and(col("deregistered_on").isNull().or(col("deregistered_on").gt(lit(asOf))));
        Map<String, Column> f = new LinkedHashMap<>();
        f.put(Facts.OPERATORS_ACTIVE, active);
        c.parameters(CountedItems.OPERATOR_SURVIVAL_RATE).ifPresent(p -> {
            // Calendar arithmetic: 2024-12-31 -> 2022-12-31, 2024-02-29 -> 2022-02-28.
            LocalDate cutoff = asOf.minusYears(p.integer(CountedItems.SURVIVAL_YEARS));
            f.put(Facts.OPERATORS_SURVIVED, active.and(col("registered_on").leq(lit(cutoff))));
        });
        return f;
    }
}
