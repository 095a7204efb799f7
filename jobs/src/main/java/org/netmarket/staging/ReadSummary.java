package org.netmarket.staging;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * What one pass over the rows a run read (rows with roles, {@link LatestVersion}) tells the rest
 * of the run: the staged counts by role and the report of every file. One small Spark job (a
 * count per role and file) instead of one per question: each job of a run costs planning, code
 * generation and compilation, which on a small night outweighs the rows it counts. Where the
 * rows are written anyway (a staged generation), {@link Observer} takes the same summary during
 * the write, with no job of its own.
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
                reports.add(report(g.getString(3)));
            }
        }
        return sorted(byRole, reports);
    }

    private static ReadSummary sorted(Map<String, Long> byRole, List<FileReport> reports) {
        reports.sort(Comparator.comparing(FileReport::path));
        return new ReadSummary(StagedCounts.of(byRole), reports);
    }

    private static FileReport report(String json) {
        try {
            return ExtractReader.JSON.readValue(json, FileReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same summary taken while an action that passes over the rows anyway (writing them as a
     * staged generation) runs: Spark's observed metrics, so no job of its own reads the rows
     * again. {@link #watch} the rows, run the action on what it returns, then ask {@link #summary}.
     */
    static final class Observer {
        private static final List<String> STAGED_ROLES = List.of(LatestVersion.LATEST, LatestVersion.DUPLICATE,
                LatestVersion.CONFLICT);
        private static final String REPORTS = "reports";
        private final Observation observation = new Observation();

        /** The rows, observed: the first action on the returned rows fills the summary. */
        Dataset<Row> watch(Dataset<Row> rowsWithRoles) {
            Column role = col(LatestVersion.ROLE);
            List<Column> metrics = new ArrayList<>();
            STAGED_ROLES.forEach(r -> metrics.add(sum(when(role.equalTo(r), lit(1L)).otherwise(lit(0L))).as(r)));
            // One report row per file read: a list of a few hundred short texts at most.
            metrics.add(collect_list(when(role.equalTo(ExtractReader.REPORT), col(ExtractReader.REPORT_JSON))).as(REPORTS));
            return rowsWithRoles.observe(observation, metrics.get(0), metrics.subList(1, metrics.size()).toArray(new Column[0]));
        }

        /**
         * The summary of the rows the action passed over; empty when Spark reported no metrics
         * (its plan proved the rows empty and dropped the observation), for the caller to count
         * them with {@link #of} instead. Waits for the action's metrics, which Spark delivers just
         * after the action ends.
         */
        Optional<ReadSummary> summary() {
            Map<String, Object> metrics;
            try {
                metrics = observation.getAsJava();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the staged rows' counts", e);
            }
            if (metrics == null || !metrics.containsKey(REPORTS)) {
                return Optional.empty();
            }
            Map<String, Long> byRole = new HashMap<>();
            // A sum over no rows is null: none of that role.
            STAGED_ROLES.forEach(r -> byRole.put(r, metrics.get(r) == null ? 0L : ((Number) metrics.get(r)).longValue()));
            List<FileReport> reports = new ArrayList<>();
            for (Object json : reportTexts(metrics.get(REPORTS))) {
                reports.add(report((String) json));
            }
            return Optional.of(sorted(byRole, reports));
        }

        /** The collected list as Java sees it (a Scala sequence in a metrics row). */
        private static Iterable<?> reportTexts(Object list) {
            if (list instanceof scala.collection.Iterable<?> seq) {
                return scala.jdk.javaapi.CollectionConverters.asJava(seq);
            }
            if (list instanceof Iterable<?> iterable) {
                return iterable;
            }
            throw new IllegalStateException("the observed file reports came as " + (list == null ? "null" : list.getClass().getName()));
        }
    }
}
