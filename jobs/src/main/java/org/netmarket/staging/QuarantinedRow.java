package org.netmarket.staging;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.netmarket.rules.Reason;

import java.io.Serializable;

/**
 * A row set aside with the reason, for the data clerk: extract, file, line, the raw line as
 * delivered, the column at fault and the reason (in English and Chinese), and the region the row
 * is about when it names a known one (so that a county can see its own rows), null otherwise.
 */
public record QuarantinedRow(String extract, String file, long line, String rawLine, String column, Reason reason,
                             String regionCode) implements Serializable {

    /** How the reason of a row set aside as one of a key's conflicting versions starts. */
    public static final String CONFLICTING_VERSIONS = "conflicting versions: ";

    /**
     * Whether the row was set aside as one of a key's conflicting versions, which a later
     * delivery may settle, rather than by the row rules, which nothing later changes.
     */
    public boolean conflictingVersion() {
        return reason.en().startsWith(CONFLICTING_VERSIONS);
    }

    /** The Spark shape of quarantined rows. */
    public static final StructType SCHEMA = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[]{
            DataTypes.createStructField("extract", DataTypes.StringType, false),
            DataTypes.createStructField("file", DataTypes.StringType, false),
            DataTypes.createStructField("line", DataTypes.LongType, false),
            DataTypes.createStructField("raw_line", DataTypes.StringType, true),
            DataTypes.createStructField("column_name", DataTypes.StringType, true),
            DataTypes.createStructField("reason", DataTypes.StringType, false),
            DataTypes.createStructField("reason_zh", DataTypes.StringType, false),
            DataTypes.createStructField("region_code", DataTypes.StringType, true)});

    @Override
    public String toString() {
        return file + ":" + line + (column == null ? "" : " [" + column + "]") + " " + reason.en();
    }
}
