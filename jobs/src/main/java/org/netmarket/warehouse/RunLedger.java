package org.netmarket.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.netmarket.extract.ExtractLabel;
import org.netmarket.staging.ExtractSummary;
import org.netmarket.staging.FileReport;
import org.netmarket.staging.QuarantinedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Keeps {@code pipeline_run} and the run's lineage ({@code run_input_file},
 * {@code quarantined_row}) up to date. A run is registered as running when it starts, its inputs
 * and quarantine are recorded as soon as they are known (so even a failed run shows them), and
 * it ends as succeeded (in the publishing transaction) or failed with the reason.
 */
public final class RunLedger {
    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Key of {@code pipeline_run.parameters} beside the configuration's: the edition file's SHA-256. */
    public static final String EDITION_SHA256 = "edition_sha256";

    /** What a failed run failed on ({@code pipeline_run.failure_kind}): dashboards tell a stale delivery from a typo by it. */
    public enum FailureKind {
        /** The delivered files: a file that cannot be used, too many rows set aside, regions.csv. */
        INPUT,
        /** The run's options, which the data cannot answer (an analyst's command to correct). */
        OPTIONS,
        /** The warehouse, storage, a scheduled run's data directory: a retry may pass. */
        ENVIRONMENT,
        /** Another run held the warehouse lock. */
        LOCK,
        /** A defect of the job. */
        JOB,
        /** The process was stopped, or died and a later run marked it. */
        INTERRUPTED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Warehouse warehouse;

    public RunLedger(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Registers a running run and returns its id. */
    public long start(RunRecord r) throws SQLException {
        return insert(r, null, null, null);
    }

    /**
     * Records a run that never started because another held the warehouse lock (or because it was
     * stopped while waiting for it: {@code kind} says which): failed, with the reason, in one
     * statement (it is not holding the lock, so it must leave no 'running' row behind for a moment
     * that the holder's bookkeeping could see). Returns its id.
     */
    public long refused(RunRecord r, String error, String errorZh, FailureKind kind) throws SQLException {
        return insert(r, error, errorZh, kind);
    }

    /** Inserts a run: running when {@code error} is null, else failed and finished now with that error. */
    private long insert(RunRecord r, String error, String errorZh, FailureKind kind) throws SQLException {
        String sql = "INSERT INTO pipeline_run (status, finished_at, error, error_zh, mode, command, edition, eval_years, as_of, "
                + "regions, items, data_dir, parameters, host, app_version, failure_kind) VALUES (?, CASE WHEN ? THEN now() END, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING run_id";
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, error == null ? "running" : "failed");
            s.setBoolean(2, error != null);
            s.setString(3, PgText.of(error));
            s.setString(4, PgText.of(errorZh));
            s.setString(5, r.mode());
            s.setString(6, r.command());
            s.setString(7, r.edition());
            s.setArray(8, r.evalYears() == null ? null : c.createArrayOf("integer", r.evalYears().toArray()));
            s.setObject(9, r.asOf());
            setTextArray(c, s, 10, r.regions());
            setTextArray(c, s, 11, r.items());
            s.setString(12, r.dataDir());
            s.setString(13, json(r.parameters()));
            s.setString(14, r.host());
            s.setString(15, r.appVersion());
            s.setString(16, kind == null ? null : kind.code());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Marks runs left in 'running' by a process that died (crash, lost connection) as failed.
     * Only called while holding the {@link PublishLock}: then no other run can be running.
     */
    public int closeAbandoned(long currentRun) throws SQLException {
        String sql = "UPDATE pipeline_run SET status = 'failed', finished_at = now(), "
                + "error = coalesce(error, 'the run stopped before finishing (process or database connection lost); '"
                + " || 'marked failed by run ' || ?), "
                + "error_zh = coalesce(error_zh, '运行在完成前中断（进程或数据库连接丢失）；由运行 ' || ? || ' 标记为失败'), "
                + "failure_kind = coalesce(failure_kind, '" + FailureKind.INTERRUPTED.code() + "') "
                + "WHERE status = 'running' AND run_id <> ?";
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, currentRun);
            s.setLong(2, currentRun);
            s.setLong(3, currentRun);
            int n = s.executeUpdate();
            if (n > 0) {
                LOG.warn("marked {} earlier run(s) that never finished as failed", n);
            }
            return n;
        }
    }

    /**
     * A file of a run's lineage: one the run read ({@link #read}), or one a nightly run scored
     * from without reading it, staged by an earlier run ({@code readByRun} false: its counts,
     * encoding and extra columns are those the earlier run found, null when the staging manifest
     * did not keep them).
     *
     * @param readByRun whether this run read the file
     */
    public record InputFile(String extract, String path, String encoding, String sha256, long bytes, Long rowsRead,
                            Long rowsQuarantined, List<String> extraColumns, String problem, String problemZh,
                            boolean readByRun) {
        public InputFile {
            path = PgText.of(path);
            extraColumns = extraColumns == null ? List.of() : PgText.of(extraColumns);
            problem = PgText.of(problem);
            problemZh = PgText.of(problemZh);
        }

        /** A file the run read. */
        public static InputFile read(FileReport f) {
            return new InputFile(f.extract(), f.path(), f.encoding(), f.sha256(), f.bytes(), f.rowsRead(),
                    f.rowsQuarantined(), f.extraColumns(), f.failed() ? f.problem().en() : null,
                    f.failed() ? f.problem().zh() : null, true);
        }
    }

    /**
     * Records the lineage files, per-extract counts and totals of a run: the counts and totals are
     * those of the files the run read; the files may include those of the staged state a nightly
     * run scored from without reading them ({@link InputFile#readByRun()} false).
     */
    public void recordInputs(long runId, List<InputFile> files, List<ExtractSummary> extracts, long rowsRead,
                             long rowsQuarantined) throws SQLException {
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO run_extract (run_id, extract, delivered, files, "
                    + "rows_read, rows_quarantined, rows_used, conflicting_keys, title_zh) VALUES (?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT (run_id, extract) DO NOTHING")) {
                for (ExtractSummary e : extracts) {
                    s.setLong(1, runId);
                    s.setString(2, e.extract());
                    s.setBoolean(3, e.delivered());
                    s.setInt(4, e.files());
                    s.setLong(5, e.rowsRead());
                    s.setLong(6, e.rowsQuarantined());
                    s.setLong(7, e.rowsUsed());
                    s.setInt(8, e.conflictingKeys());
                    s.setString(9, ExtractLabel.titleZh(e.extract()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO run_input_file (run_id, extract, path, sha256, bytes, "
                    + "rows_read, rows_quarantined, encoding, extra_columns, problem, problem_zh, read_by_run) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT (run_id, path) DO NOTHING")) {
                for (InputFile f : files) {
                    s.setLong(1, runId);
                    s.setString(2, f.extract());
                    s.setString(3, f.path());
                    s.setString(4, f.sha256());
                    s.setLong(5, f.bytes());
                    s.setObject(6, f.rowsRead(), Types.BIGINT);
                    s.setObject(7, f.rowsQuarantined(), Types.BIGINT);
                    s.setString(8, f.encoding());
                    s.setArray(9, c.createArrayOf("text", f.extraColumns().toArray()));
                    s.setString(10, f.problem());
                    s.setString(11, f.problemZh());
                    s.setBoolean(12, f.readByRun());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE pipeline_run SET input_files = ?::jsonb, rows_read = ?, "
                    + "rows_quarantined = ? WHERE run_id = ?")) {
                s.setString(1, json(files));
                s.setLong(2, rowsRead);
                s.setLong(3, rowsQuarantined);
                s.setLong(4, runId);
                s.executeUpdate();
            }
            c.commit();
        }
    }

    /** Streams a run's quarantined rows into {@code quarantined_row} (COPY). */
    public long recordQuarantine(long runId, Iterator<QuarantinedRow> rows) throws SQLException {
        try (Connection c = warehouse.connect(); CsvCopy copy = CsvCopy.into(c,
                "quarantined_row (run_id, extract, file, line, region_code, column_name, reason, reason_zh, raw_line)")) {
            while (rows.hasNext()) {
                QuarantinedRow q = rows.next();
                copy.row(runId, q.extract(), q.file(), q.line(), q.regionCode(), q.column(), q.reason().en(), q.reason().zh(),
                        q.rawLine());
            }
            return copy.finish();
        }
    }

    /**
     * Records the evaluation years a run scores once they are known: a run without --year
     * (every nightly run) scores the data's latest complete year, which is only known after
     * ingest, after the run was registered.
     */
    public void recordYears(long runId, List<Integer> years) throws SQLException {
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement(
                "UPDATE pipeline_run SET eval_years = ? WHERE run_id = ?")) {
            s.setArray(1, c.createArrayOf("integer", years.toArray()));
            s.setLong(2, runId);
            s.executeUpdate();
        }
    }

    /**
     * Ends a run still marked running as failed, with the reason in English and Chinese (the
     * published scores are untouched); false when the run was no longer running (it published
     * after all, or a run that took the warehouse lock since marked it failed). The warehouse may
     * be why the run failed, and back seconds later (a restart): the reason would be lost, and
     * the next run could only say the run was abandoned, so the update is tried again
     * ({@link Retrying}).
     */
    public boolean fail(long runId, String error, String errorZh, FailureKind kind) throws SQLException {
        return Retrying.retrying("record run " + runId + " as failed", () -> {
            try (Connection c = warehouse.connectBriefly(); PreparedStatement s = c.prepareStatement("UPDATE pipeline_run SET "
                    + "status = 'failed', finished_at = now(), error = ?, error_zh = ?, failure_kind = ? "
                    + "WHERE run_id = ? AND status = 'running'")) {
                s.setString(1, PgText.of(error));
                s.setString(2, PgText.of(errorZh));
                s.setString(3, kind.code());
                s.setLong(4, runId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Ends a run that published nothing on purpose (nothing new to score) as succeeded, saying why. */
    public void succeedWithoutPublishing(long runId, String note) throws SQLException {
        try (Connection c = warehouse.connect()) {
            markSucceeded(c, runId, note);
        }
    }

    /**
     * Marks a run that is still marked running succeeded, with a note or none, in the
     * transaction of {@code c} if one is open. A run that lost the warehouse lock while it
     * computed may have been marked failed by the run that took it since: it stays failed, and
     * this throws, so that a publishing transaction rolls back.
     */
    static void markSucceeded(Connection c, long runId, String note) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE pipeline_run SET status = 'succeeded', "
                + "finished_at = clock_timestamp(), note = ? WHERE run_id = ? AND status = 'running'")) {
            s.setString(1, PgText.of(note));
            s.setLong(2, runId);
            if (s.executeUpdate() != 1) {
                throw new SQLException("run " + runId + " is no longer marked running in pipeline_run: a later run marked it"
                        + " failed, having taken the warehouse lock this run lost; nothing was published", "08003");
            }
        }
    }

    /**
     * Records the staged state a nightly run scores, before it publishes: the mark counts once the
     * publishing transaction has marked the run succeeded, so it never outlives a failed publish.
     */
    public void scoresStagedState(long runId, String state) throws SQLException {
        try (Connection c = warehouse.connect();
             PreparedStatement s = c.prepareStatement("UPDATE pipeline_run SET staged_state = ? WHERE run_id = ?")) {
            s.setString(1, state);
            s.setLong(2, runId);
            s.executeUpdate();
        }
    }

    /**
     * The run that published the staged state, when it is the latest run from the same data
     * directory that published anything here and every evaluation it published is still the
     * current one: a run since then (a night given a year, regions or an as-of date, which records
     * no state; an analyst's run or backfill, from this data directory or a copy of it) may have
     * replaced the scores of that state, which the next plain night then publishes again. Runs of
     * other data directories that publish other regions (another city's delivery to the same
     * warehouse) and runs that succeeded without publishing (with a note) do not count. The run
     * must also have scored with the same edition text ({@code editionSha256}, recorded in its
     * parameters under {@link #EDITION_SHA256}): an edition file given by path may change its
     * rules under the same id.
     */
    public OptionalLong publishedStagedState(String state, String dataDir, String editionSha256) throws SQLException {
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT run_id, staged_state, parameters ->> ? FROM pipeline_run WHERE status = 'succeeded' "
                        + "AND note IS NULL AND data_dir = ? ORDER BY run_id DESC LIMIT 1")) {
            s.setString(1, EDITION_SHA256);
            s.setString(2, dataDir);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || !state.equals(r.getString(2)) || !Objects.equals(editionSha256, r.getString(3))) {
                    return OptionalLong.empty();
                }
                long runId = r.getLong(1);
                return replacedSince(c, runId) ? OptionalLong.empty() : OptionalLong.of(runId);
            }
        }
    }

    /** Whether a current evaluation of a region-year the run published is another run's now. */
    private static boolean replacedSince(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM evaluation_result_history h JOIN evaluation_result e "
                + "ON e.region_code = h.region_code AND e.eval_year = h.eval_year WHERE h.run_id = ? AND e.run_id <> h.run_id LIMIT 1")) {
            s.setLong(1, runId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    static void setTextArray(Connection c, PreparedStatement s, int i, List<String> values) throws SQLException {
        if (values == null) {
            s.setNull(i, Types.ARRAY);
        } else {
            Array a = c.createArrayOf("text", values.toArray());
            s.setArray(i, a);
        }
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o == null ? Map.of() : o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
