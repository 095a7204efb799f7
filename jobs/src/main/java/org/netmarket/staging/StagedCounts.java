package org.netmarket.staging;

import java.util.Map;

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

    /** The counts among rows counted by role (role -> rows); roles that are not staged are ignored. */
    static StagedCounts of(Map<String, Long> rowsByRole) {
        return new StagedCounts(rowsByRole.getOrDefault(LatestVersion.LATEST, 0L),
                rowsByRole.getOrDefault(LatestVersion.DUPLICATE, 0L), rowsByRole.getOrDefault(LatestVersion.CONFLICT, 0L));
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
