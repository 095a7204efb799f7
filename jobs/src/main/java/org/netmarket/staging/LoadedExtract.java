package org.netmarket.staging;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.netmarket.extract.ConflictScope;
import org.netmarket.extract.ExtractSchema;

import java.util.List;
import java.util.Map;

/**
 * One extract after reading, validation and deduplication.
 *
 * @param delivered         whether its folder exists in the data directory
 * @param files             what was found in each file this run read (on a merging night, the
 *                          new files only; the run report adds the earlier ones from the manifest)
 * @param latest            the winning version of every key: typed columns plus {@code _file}, {@code _line}
 * @param latestRead        the part of {@code latest} this run judged: every row when it read all
 *                          files, else the keys its new files touched (what its reference check
 *                          reports on)
 * @param quarantine        rows set aside, shaped as {@link QuarantinedRow#SCHEMA}
 * @param rowsRead          data rows in the files this run read
 * @param rowsQuarantined   rows this run set aside (invalid, unknown references, conflicting
 *                          versions), including staged rows of earlier files that a new row
 *                          conflicts with: the rows its quarantine lists
 * @param stateRowsSetAside rows of the extract's state set aside after reading: conflicting
 *                          versions and, once its references are checked, latest rows whose
 *                          reference does not resolve. With the rows the row rules rejected in
 *                          every file ({@link FileReport#rowsRejected}), what a full read of the
 *                          same files quarantines, which the quarantine threshold judges; known
 *                          without a scan of the state on a merging night (the staging area keeps
 *                          its counts)
 * @param conflictScopes    where the rows of keys with conflicting versions lie (region, cohort
 *                          year and type): the items that count them get data_error
 * @param conflictKeys      the conflicting keys, as key column -> value
 * @param latestRows        the number of rows of {@code latest} when already known (the
 *                          staging area keeps it, a full read counts it with its roles), else
 *                          -1 (rows set apart later, e.g. by a reference check): see
 *                          {@link #latestCount()}
 * @param change            how the staging area changed the latest rows in this run, null when
 *                          the run read the files without a staging area
 * @param rejectedKeys      the rows of the files this run read that the row rules set aside and
 *                          whose (first) key could be read, as {@code _key}, {@code _file},
 *                          {@code _line}: a row elsewhere referring to one is told where it is
 * @param conflictRowsByRegion region code -> rows of the state set aside as conflicting versions
 *                          that name it (rows naming no region of their own left out): with the
 *                          rows the row rules rejected, what a full read sets aside per region
 */
public record LoadedExtract(ExtractSchema schema, boolean delivered, List<FileReport> files, Dataset<Row> latest,
                            Dataset<Row> latestRead, Dataset<Row> quarantine, long rowsRead, long rowsQuarantined, long stateRowsSetAside,
                            List<ConflictScope> conflictScopes, List<Map<String, Object>> conflictKeys, long latestRows,
                            StagedChange change, Dataset<Row> rejectedKeys, Map<String, Long> conflictRowsByRegion) {
    /** The column of {@link #rejectedKeys} holding the key. */
    public static final String REJECTED_KEY = "_key";

    /** The same extract with another quarantine (same rows, e.g. with their raw text filled in). */
    public LoadedExtract withQuarantine(Dataset<Row> rows) {
        return new LoadedExtract(schema, delivered, files, latest, latestRead, rows, rowsRead, rowsQuarantined,
                stateRowsSetAside, conflictScopes, conflictKeys, latestRows, change, rejectedKeys, conflictRowsByRegion);
    }

    /**
     * The same extract with each file's count of set-aside rows taken from its quarantine: the
     * rows a file lost to conflicting versions or unknown references, decided after the file was
     * read, count for it as its invalid rows do (so that the files add up to the extract).
     */
    LoadedExtract withFileCounts(Map<String, Long> quarantinedByFile) {
        List<FileReport> counted = files.stream()
                .map(f -> f.failed() ? f : f.withRowsQuarantined(quarantinedByFile.getOrDefault(f.path(), 0L))).toList();
        return new LoadedExtract(schema, delivered, counted, latest, latestRead, quarantine, rowsRead, rowsQuarantined,
                stateRowsSetAside, conflictScopes, conflictKeys, latestRows, change, rejectedKeys, conflictRowsByRegion);
    }

    /** The same extract with other latest rows (and nothing else changed). */
    LoadedExtract withLatest(Dataset<Row> rows) {
        return new LoadedExtract(schema, delivered, files, rows, latestRead, quarantine, rowsRead, rowsQuarantined,
                stateRowsSetAside, conflictScopes, conflictKeys, -1, change, rejectedKeys, conflictRowsByRegion);
    }

    /** The same extract with the staging area's account of how its latest rows changed. */
    public LoadedExtract withChange(StagedChange staged) {
        return new LoadedExtract(schema, delivered, files, latest, latestRead, quarantine, rowsRead, rowsQuarantined,
                stateRowsSetAside, conflictScopes, conflictKeys, latestRows, staged, rejectedKeys, conflictRowsByRegion);
    }

    /** The same extract with other conflict scopes (sales placed in their operators' regions). */
    LoadedExtract withConflictScopes(List<ConflictScope> scopes) {
        return new LoadedExtract(schema, delivered, files, latest, latestRead, quarantine, rowsRead, rowsQuarantined,
                stateRowsSetAside, scopes, conflictKeys, latestRows, change, rejectedKeys, conflictRowsByRegion);
    }

    /**
     * Whether this run judged every latest row: {@link ExtractReader#loaded} gives the very
     * dataset as both when the rows read are the whole state (a read without staging, a rebuild).
     * Then one join can settle what the rows kept and the rows this run set aside need.
     */
    boolean judgedEveryRow() {
        return latestRead == latest;
    }

    /** Rows of the files read that the row rules rejected as they were read. */
    public long rowsRejected() {
        return files.stream().mapToLong(FileReport::rowsRejected).sum();
    }

    /** Rows of {@code latest}: known, or counted (a Spark job) when not. */
    public long latestCount() {
        return latestRows >= 0 ? latestRows : latest.count();
    }

    public String name() {
        return schema.name();
    }
}
