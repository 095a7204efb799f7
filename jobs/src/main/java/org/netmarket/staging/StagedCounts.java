package org.netmarket.staging;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;

/**
 * How many rows of an extract's staged rows are winning rows ({@link LatestVersion#LATEST}),
 * identical later copies of them ({@link LatestVersion#DUPLICATE}) and rows set aside as
 * conflicting versions ({@link LatestVersion#CONFLICT}). Counted once when a generation is
 * written and then kept up to date by arithmetic, so that a nightly merge does not scan the
 * whole staging area again to report rows used or to look for conflicts.
 */
public record StagedCounts(long latest, long duplicates, long conflicts) {
    /** Nothing staged. */
    public static final StagedCounts NONE = new StagedCounts(0, 0, 0);

    /** Counts the rows of a generation (or of any rows with roles) in one pass. */
    static StagedCounts of(Dataset<Row> rows) {
        long latest = 0;
        long duplicates = 0;
        long conflicts = 0;
        for (Row r : rows.groupBy(col(LatestVersion.ROLE)).count().collectAsList()) {
            String role = r.getString(0);
            if (LatestVersion.LATEST.equals(role)) {
                latest = r.getLong(1);
            } else if (LatestVersion.DUPLICATE.equals(role)) {
                duplicates = r.getLong(1);
            } else if (LatestVersion.CONFLICT.equals(role)) {
                conflicts = r.getLong(1);
            }
        }
        return new StagedCounts(latest, duplicates, conflicts);
    }

    /** Rows that are part of the staged state. */
    public long staged() {
        return latest + duplicates + conflicts;
    }

    StagedCounts plus(StagedCounts o) {
        return new StagedCounts(latest + o.latest, duplicates + o.duplicates, conflicts + o.conflicts);
    }

    StagedCounts minus(StagedCounts o) {
        return new StagedCounts(latest - o.latest, duplicates - o.duplicates, conflicts - o.conflicts);
    }
}
