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

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * What one pass over the rows a run read (rows with roles, {@link LatestVersion}) tells the rest
 * of the run: the staged counts by role and the report of every file. One small Spark job (a
 * count per role and file) instead of one per question: each job of a run costs planning, code
 * generation and compilation, which on a small night outweighs the rows it counts.
 *
 * @param staged  winning rows, their identical copies and conflicting rows
 * @param reports one per file read, by path
 */
public record ReadSummary(StagedCounts staged, List<FileReport> reports) {
    public ReadSummary {
        reports = List.copyOf(reports);
    }

    /** Counts the rows by role and file, and collects the file reports, in one job. */
    static ReadSummary of(Dataset<Row> rowsWithRoles) {
        List<Row> groups = rowsWithRoles.groupBy(col(LatestVersion.ROLE), col(SparkColumns.FILE))
                .agg(count(lit(1)), max(col(ExtractReader.REPORT_JSON)))
                .collectAsList();
        Map<String, Long> byRole = new HashMap<>();
        List<FileReport> reports = new ArrayList<>();
        for (Row g : groups) {
            String role = g.getString(0);
            byRole.merge(role, g.getLong(2), Long::sum);
            if (ExtractReader.REPORT.equals(role)) {
                try {
                    reports.add(ExtractReader.JSON.readValue(g.getString(3), FileReport.class));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        reports.sort(Comparator.comparing(FileReport::path));
        return new ReadSummary(StagedCounts.of(byRole), reports);
    }
}
