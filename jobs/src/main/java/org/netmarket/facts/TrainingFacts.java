package org.netmarket.facts;

import org.apache.spark.sql.Column;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** Training hours of every supervision staff member in year Y (item 38.2). */
public final class TrainingFacts implements RecordAggregation {
    @Override
    public String extract() {
        return "training";
    }

    @Override
    public Column cohort(AggregationContext c) {
        return col("year").equalTo(c.period().year());
    }

    @Override
    public Map<String, Column> facts(AggregationContext c) {
        Map<String, Column> f = new LinkedHashMap<>();
        f.put(Facts.STAFF, col("staff_id").isNotNull());
        f.put(Facts.STAFF_TRAINED, col("training_hours").gt(lit(0)));
        c.parameters(CountedItems.STAFF_TRAINING).ifPresent(p -> f.put(Facts.STAFF_MIN_HOURS,
                col("training_hours").geq(lit(p.decimal(CountedItems.MIN_TRAINING_HOURS)))));
        return f;
    }
}
