package org.netmarket.staging;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.netmarket.extract.ExtractSchema;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * Later-version-wins deduplication of an extract: rows with the same key are versions of one
 * fact and the rows with the greatest version column win, across files and deliveries. Of the
 * winning rows of a key, identical ones collapse into the first by file and line (the others
 * are {@link #DUPLICATE}s, kept so that a later delivery can still be judged against all of
 * them); rows that share the key and the winning version but differ in their values are a
 * {@link #CONFLICT}: all of them are set aside and the key has no value. Rows below the winning
 * version are dropped: whatever arrives later is judged against the winning rows alone, which is
 * what lets the nightly run merge a delivery into the staged rows instead of re-reading
 * everything.
 */
public final class LatestVersion {
    /** Role of a row: {@link #LATEST}, {@link #DUPLICATE}, {@link #CONFLICT}, or a scan role (rejected, report). */
    public static final String ROLE = "_role";
    /** The row that holds the key's value. */
    public static final String LATEST = "latest";
    /** Identical to the key's latest row, later by file and line. */
    public static final String DUPLICATE = "duplicate";
    /** One of several rows with the key's greatest version and different values. */
    public static final String CONFLICT = "conflict";

    private static final String GROUP = "_group";
    private static final String MAX_VERSION = "_max_version";
    private static final String VALUES_MIN = "_values_min";
    private static final String VALUES_MAX = "_values_max";
    private static final String FIRST = "_first_position";

    private LatestVersion() {
    }

    /**
     * Gives every record (a row whose {@link #ROLE} is null) its role and drops the records below
     * their key's greatest version; rows that already have a role (rejected rows, file reports)
     * pass through unchanged. One shuffle by key, one sort and one window pass with one growing
     * frame: the winners are the rows of the greatest version, and what sets their roles is
     * computed over them alone, so no second window over the winners is needed. The file column
     * may hold paths or {@link FileNumbers}: the first row by file and line is the same.
     */
    public static Dataset<Row> roles(Dataset<Row> rows, ExtractSchema schema) {
        Column isRecord = col(ROLE).isNull();
        // Rows that are not records (a rejected row may carry its key, for messages) each get a
        // group of their own, so that they neither mix with records nor pile up in one window
        // partition.
        Dataset<Row> grouped = rows.withColumn(GROUP, when(not(isRecord),
                concat(col(SparkColumns.FILE).cast("string"), lit(":"), col(SparkColumns.LINE).cast("string"))));
        List<Column> partition = new ArrayList<>();
        schema.key().forEach(k -> partition.add(col(k)));
        partition.add(col(GROUP));
        // Latest version first: the default frame (range from the partition's start to the
        // current row's peers) of a winning row is then exactly the winning rows, so one growing
        // frame gives the greatest version, the winners' values and their first position.
        WindowSpec winnersFirst = Window.partitionBy(partition.toArray(new Column[0])).orderBy(col(schema.version()).desc());
        List<String> valueColumns = schema.valueColumns();
        // Struct comparison treats two nulls in the same field as equal, so "min == max" holds
        // exactly when every winning row has the same values.
        Column values = valueColumns.isEmpty()
                ? lit("")
                : struct(valueColumns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
        // Files and lines are unique among records: the first winning row by them is the one row
        // with the least position.
        Column position = struct(col(SparkColumns.FILE), col(SparkColumns.LINE));
        Dataset<Row> winners = grouped.select(col("*"),
                        first(col(schema.version())).over(winnersFirst).as(MAX_VERSION),
                        min(values).over(winnersFirst).as(VALUES_MIN),
                        max(values).over(winnersFirst).as(VALUES_MAX),
                        min(position).over(winnersFirst).as(FIRST))
                .filter(not(isRecord).or(col(schema.version()).equalTo(col(MAX_VERSION))));
        return winners
                .withColumn(ROLE, when(not(isRecord), col(ROLE))
                        .when(not(col(VALUES_MIN).equalTo(col(VALUES_MAX))), lit(CONFLICT))
                        .when(position.equalTo(col(FIRST)), lit(LATEST))
                        .otherwise(lit(DUPLICATE)))
                .drop(GROUP, MAX_VERSION, VALUES_MIN, VALUES_MAX, FIRST);
    }
}
