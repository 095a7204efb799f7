package org.netmarket.staging;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * What one pass over the rows a run read (rows with roles, {@link LatestVersion}) tells the rest
 * of the run: the staged counts by role, the report of every file, and how many of the rows set
 * aside as conflicting come from the files read. One small Spark job (a count per role and
 * file) instead of one per question: each job of a run costs planning, code generation and
 * compilation, which on a small night outweighs the rows it counts.
 *
 * @param staged                  winning rows, their identical copies and conflicting rows
 * @param reports                 one per file read, by path
 * @param conflictRowsOfFilesRead conflicting rows whose file is among {@code reports}
 */
public record ReadSummary(StagedCounts staged, List<FileReport> reports, long conflictRowsOfFilesRead) {
    public ReadSummary {
        reports = List.copyOf(reports);
    }

    /** Counts the rows by role and file, and collects the file reports, in one job. */
    static ReadSummary of(Dataset<Row> rowsWithRoles) {
        List<Row> groups = rowsWithRoles.groupBy(col(LatestVersion.ROLE), col(SparkColumns.FILE))
                .agg(count(lit(1)), max(col(ExtractReader.REPORT_JSON)))
                .collectAsList();
        Map<String, Long> byRole = new HashMap<>();
        Map<String, Long> conflictsByFile = new HashMap<>();
        List<FileReport> reports = new ArrayList<>();
        for (Row g : groups) {
            String role = g.getString(0);
            long n = g.getLong(2);
            byRole.merge(role, n, Long::sum);
            if (LatestVersion.CONFLICT.equals(role)) {
                conflictsByFile.merge(g.getString(1), n, Long::sum);
            } else if (ExtractReader.REPORT.equals(role)) {
                try {
                    reports.add(ExtractReader.JSON.readValue(g.getString(3), FileReport.class));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        reports.sort(Comparator.comparing(FileReport::path));
        Set<String> read = reports.stream().map(FileReport::path).collect(Collectors.toSet());
        long ofFilesRead = conflictsByFile.entrySet().stream().filter(e -> read.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new ReadSummary(StagedCounts.of(byRole), reports, ofFilesRead);
    }
}
