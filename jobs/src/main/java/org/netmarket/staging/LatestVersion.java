package org.netmarket.staging;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.netmarket.extract.ExtractSchema;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/**
 * Later-version-wins deduplication of an extract: rows with the same key are versions of one
 * fact and the row with the greatest version column wins, across files and deliveries. Identical
 * rows collapse silently. Rows that share the key and the winning version but differ in their
 * values are a conflict: all of them are set aside (quarantined) and the key has no value.
 */
public final class LatestVersion {
    private static final String MAX_VERSION = "_max_version";
    private static final String VALUES = "_values";
    private static final String VALUES_MIN = "_values_min";
    private static final String VALUES_MAX = "_values_max";
    private static final String RANK = "_rank";

    /** The winning rows, and the rows of conflicting keys (same shape as the input). */
    public record Result(Dataset<Row> latest, Dataset<Row> conflicts) {
    }

    private LatestVersion() {
    }

    public static Result apply(Dataset<Row> rows, ExtractSchema schema) {
        Column[] key = schema.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        List<String> valueColumns = schema.valueColumns();
        Column values = valueColumns.isEmpty()
                ? lit("")
                : to_json(struct(valueColumns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)));
        WindowSpec byKey = Window.partitionBy(key);
        Dataset<Row> winners = rows
                .withColumn(MAX_VERSION, max(col(schema.version())).over(byKey))
                .filter(col(schema.version()).equalTo(col(MAX_VERSION)))
                .withColumn(VALUES, values)
                .withColumn(VALUES_MIN, min(col(VALUES)).over(byKey))
                .withColumn(VALUES_MAX, max(col(VALUES)).over(byKey))
                .withColumn(RANK, row_number().over(byKey.orderBy(col(SparkColumns.FILE), col(SparkColumns.LINE))));
        // Both outputs come from the same windowed rows: compute them once.
        winners = winners.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        String[] helpers = {MAX_VERSION, VALUES, VALUES_MIN, VALUES_MAX, RANK};
        Dataset<Row> latest = winners
                .filter(col(VALUES_MIN).equalTo(col(VALUES_MAX)).and(col(RANK).equalTo(1)))
                .drop(helpers);
        Dataset<Row> conflicts = winners
                .filter(col(VALUES_MIN).notEqual(col(VALUES_MAX)))
                .drop(helpers);
        return new Result(latest, conflicts);
    }
}
