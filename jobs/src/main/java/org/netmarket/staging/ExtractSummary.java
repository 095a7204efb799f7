package org.netmarket.staging;

/**
 * Per extract, what a run read and used: delivered or not, files, rows read, rows quarantined,
 * rows used (the latest version of every key) and keys with conflicting versions.
 */
public record ExtractSummary(String extract, boolean delivered, int files, long rowsRead, long rowsQuarantined,
                             long rowsUsed, int conflictingKeys) {
}
