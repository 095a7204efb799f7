package org.netmarket.warehouse;

import org.netmarket.edition.Category;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Indicator;
import org.netmarket.edition.Item;
import org.netmarket.region.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Publishes scores atomically: in one transaction it appends the run's rows to the history
 * tables, replaces the current rows of the scope from them, refreshes the reference tables and
 * marks the run succeeded. Readers see the previous or the new scores, never a mix; a failure
 * anywhere rolls everything back and leaves the published scores untouched, but for the
 * connection lost as the commit is sent, when the server may have committed: it is asked
 * ({@link PublicationOutcomeUnknown} when it cannot say). The transaction runs
 * on the session that holds the run's {@link PublishLock}, and only while the run is still
 * marked running: a run that lost the lock (and was marked failed by the run that took it)
 * publishes nothing.
 */
public final class ScorePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ScorePublisher.class);

    private static final int VALID_WITHIN_SECONDS = 10;
    /** SQL state of txid_status asked about an identifier the server has not given out yet. */
    private static final String INVALID_PARAMETER_VALUE = "22023";
    private static final String LOCK_LOST = "the connection that holds the warehouse lock was lost while the run computed"
            + " its scores (another run may hold the lock now)";
    private static final String INDICATOR_COLUMNS = "region_code, eval_year, indicator_code, level, points, max_points, "
            + "status, value, comparison_value, numerator, denominator, reason, reason_zh, detail, edition, run_id";
    private static final String CATEGORY_COLUMNS = "region_code, eval_year, category_code, level, points, max_points, "
            + "meets_share, edition, run_id";
    private static final String EVALUATION_COLUMNS = "region_code, eval_year, total_points, max_points, passed, "
            + "failing_categories, needs_attention, items_needing_attention, as_of, edition, run_id";

    private final PublishLock lock;
    private final Warehouse warehouse;
    private final BooleanSupplier stopRequested;

    /**
     * A publisher that publishes on the session holding {@code lock}, and rolls back instead of
     * committing once {@code stopRequested} says the job is being stopped: a stopped job exits
     * non-zero, which tells a scheduler that nothing was published. When the session is lost as
     * it commits, a session of its own to {@code warehouse} tells whether the commit landed.
     */
    public ScorePublisher(PublishLock lock, Warehouse warehouse, BooleanSupplier stopRequested) {
        this.lock = lock;
        this.warehouse = warehouse;
        this.stopRequested = stopRequested;
    }

    /** Thrown instead of committing a publication once the job is being stopped; everything is rolled back. */
    public static final class StoppedBeforeCommit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoppedBeforeCommit() {
            super("publishing rolled back before its commit: the job is being stopped");
        }
    }

    /**
     * Publishes every publication of the run, and marks the run succeeded, in one transaction.
     *
     * @return what the run changed against the versions published before it, the regions it took out and those it published first
     */
    public ScoreChanges.Report publish(long runId, List<Region> regions, List<Publication> publications) throws SQLException {
        Connection c = lock.session();
        if (!c.isValid(VALID_WITHIN_SECONDS)) {
            // SQL state 08003, connection does not exist: the run failed on its environment.
            throw new SQLException(LOCK_LOST + "; nothing was published", "08003");
        }
        c.setAutoCommit(false);
        try {
            // A national run joins its few hundred thousand rows with the current ones: in
            // memory rather than in batches on disk, and without compiling one-off statements
            // (JIT), which costs more than it saves here.
            Warehouse.setLocal(c, "work_mem", "'64MB'");
            Warehouse.setLocal(c, "jit", "off");
            Edition edition = publications.get(0).edition();
            writeEdition(c, edition);
            writeRegions(c, runId, regions, publications);
            long rows = 0;
            for (Publication p : publications) {
                rows += copyHistory(c, runId, p);
            }
            List<ScoreChanges.Change> changes = ScoreChanges.beforeReplacing(c, runId);
            List<ScoreChanges.ResultChange> results = ScoreChanges.resultsBeforeReplacing(c, runId);
            List<ScoreChanges.RegionYear> removals = new ArrayList<>();
            List<ScoreChanges.RegionYear> additions = new ArrayList<>();
            for (Publication p : publications) {
                additions.addAll(ScoreChanges.firstPublished(c, p));
                replaceCurrent(c, runId, p).forEach(r -> removals.add(new ScoreChanges.RegionYear(r, p.evalYear())));
            }
            RunLedger.markSucceeded(c, runId, null);
            if (stopRequested.getAsBoolean()) {
                throw new StoppedBeforeCommit();
            }
            commit(c, runId, transactionId(c));
            endTransaction(c);
            LOG.info("published run {}: {} rows for {} year(s), {} change(s) against what was published before", runId,
                    rows, publications.size(), changes.size());
            return new ScoreChanges.Report(changes, results, removals, additions);
        } catch (SQLException | RuntimeException | Error e) {
            // An Error too: the session stays open (it holds the lock) until the run lets go of
            // the lock, and must not keep the transaction open until then.
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            endTransaction(c);
            throw e;
        }
    }

    /** The transaction's identifier, which the server can be asked about after the session is lost. */
    private static long transactionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT txid_current()")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Commits, and when the session is lost while committing (the server restarted, the network
     * dropped the acknowledgement), asks the server on a session of its own what became of the
     * transaction ({@code txid_status}) and of the run. Committed, with the run marked succeeded
     * (which the transaction did: a server that crashed before writing the transaction down may
     * give its identifier to another), the run published, and failing would tell a scheduler
     * that nothing was; aborted, the failure stands. Still in progress (the server has not
     * noticed yet that the session is gone), or committed but not yet visible to other sessions
     * (the run still seen as running), it is asked again; when no answer is final in time,
     * {@link PublicationOutcomeUnknown} says that whether the run published is not known.
     */
    private void commit(Connection c, long runId, long transaction) throws SQLException {
        try {
            c.commit();
        } catch (SQLException lost) {
            if (!Warehouse.isConnectionLoss(lost)) {
                throw lost;
            }
            boolean landed;
            try {
                landed = Retrying.retrying("ask whether run " + runId + "'s commit landed", () -> landed(transaction, runId));
            } catch (SQLException asking) {
                throw new PublicationOutcomeUnknown(runId, lost, asking);
            }
            if (!landed) {
                throw lost;
            }
            LOG.warn("the connection was lost as run {} committed its publication ({}), but the server committed it: "
                    + "the publication landed", runId, Warehouse.serverSaid(lost));
        }
    }

    /**
     * Whether the publishing transaction committed, with the run marked succeeded; false when it
     * was aborted; {@link Retrying.NotYet} while it is in progress or its commit not yet visible.
     */
    private boolean landed(long transaction, long runId) throws SQLException {
        try (Connection c = warehouse.connectBriefly(); PreparedStatement s = c.prepareStatement(
                "SELECT txid_status(?), (SELECT status FROM pipeline_run WHERE run_id = ?)")) {
            s.setLong(1, transaction);
            s.setLong(2, runId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                String status = r.getString(1);
                if (status == null || status.equals("in progress")) {
                    // Null only for a transaction too old to be known: not one of seconds ago.
                    throw new Retrying.NotYet("transaction " + transaction + " is " + (status == null ? "not known" : status));
                }
                String run = r.getString(2);
                if (status.equals("committed") && "running".equals(run)) {
                    // The commit log says committed before other sessions see it (a synchronous
                    // standby is still being waited for): asked again until they do. Should it stay
                    // so (an identifier a crashed server gave again), the outcome is not known.
                    throw new Retrying.NotYet("transaction " + transaction + " committed, but run " + runId
                            + " is not yet seen marked succeeded");
                }
                return status.equals("committed") && "succeeded".equals(run);
            }
        } catch (SQLException e) {
            if (INVALID_PARAMETER_VALUE.equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("in the future")) {
                // A server recovered to before the transaction was written down: it never committed.
                return false;
            }
            throw e;
        }
    }

    /**
     * Puts the lock's session back in autocommit once the transaction is over. Whether it can
     * no longer matters (the run lets go of the lock and its session next), and must not turn a
     * publication that committed into a failed run.
     */
    private static void endTransaction(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("the warehouse lock's session did not return to autocommit; it is closed when the run lets go of the lock", e);
        }
    }

    /**
     * Appends the run's rows to history (for a recompute of some items, only those items' rows),
     * with the rows each region's items had to go on.
     */
    private static long copyHistory(Connection c, long runId, Publication p) throws SQLException {
        ScoreRows rows = p.rows();
        Set<String> codes = p.codesInScope() == null ? null : Set.copyOf(p.codesInScope());
        long written = 0;
        try (CsvCopy copy = CsvCopy.into(c, "indicator_score_history (" + INDICATOR_COLUMNS + ")")) {
            for (ScoreRows.IndicatorRow r : rows.indicators()) {
                if (codes == null || codes.contains(r.code())) {
                    copy.row(r.regionCode(), r.evalYear(), r.code(), r.level(), r.points(), r.maxPoints(), r.status(), r.value(),
                            r.comparisonValue(), r.numerator(), r.denominator(), r.reason(), r.reasonZh(), r.detail(),
                            r.edition(), runId);
                }
            }
            written += copy.finish();
        }
        try (CsvCopy copy = CsvCopy.into(c, "category_score_history (" + CATEGORY_COLUMNS + ")")) {
            for (ScoreRows.CategoryRow r : rows.categories()) {
                copy.row(r.regionCode(), r.evalYear(), r.code(), r.level(), r.points(), r.maxPoints(), r.meetsShare(),
                        r.edition(), runId);
            }
            written += copy.finish();
        }
        try (CsvCopy copy = CsvCopy.into(c, "evaluation_result_history (" + EVALUATION_COLUMNS + ")")) {
            for (ScoreRows.EvaluationRow r : rows.evaluations()) {
                copy.row(r.regionCode(), r.evalYear(), r.totalPoints(), r.maxPoints(), r.passed(),
                        "{" + String.join(",", r.failingCategories()) + "}", r.needsAttention(), r.itemsNeedingAttention(),
                        r.asOf(), r.edition(), runId);
            }
            written += copy.finish();
        }
        try (CsvCopy copy = CsvCopy.into(c, "region_extract_rows (run_id, region_code, eval_year, extract, rows_in_region, "
                + "rows_set_aside)")) {
            for (ScoreRows.RegionRowsRow r : rows.regionRows()) {
                copy.row(runId, r.regionCode(), r.evalYear(), r.extract(), r.rowsInRegion(), r.rowsSetAside());
            }
            copy.finish(); // lineage, not scores: the count logged is of score rows
        }
        return written;
    }

    private static List<String> replaceCurrent(Connection c, long runId, Publication p) throws SQLException {
        String[] regions = p.regionsInScope().toArray(new String[0]);
        ScoreChanges.requireNoSetAsideRegionUnder(c, p);
        List<String> dropped = retireDropped(c, runId, p);
        String codeFilter = p.codesInScope() == null ? "" : " AND indicator_code = ANY(?)";
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM indicator_score WHERE eval_year = ? AND region_code = ANY(?)" + codeFilter)) {
            s.setInt(1, p.evalYear());
            s.setArray(2, c.createArrayOf("text", regions));
            if (p.codesInScope() != null) {
                s.setArray(3, c.createArrayOf("text", p.codesInScope().toArray()));
            }
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO indicator_score (" + INDICATOR_COLUMNS + ") SELECT "
                + INDICATOR_COLUMNS + " FROM indicator_score_history WHERE run_id = ? AND eval_year = ? AND region_code = ANY(?)"
                + codeFilter)) {
            s.setLong(1, runId);
            s.setInt(2, p.evalYear());
            s.setArray(3, c.createArrayOf("text", regions));
            if (p.codesInScope() != null) {
                s.setArray(4, c.createArrayOf("text", p.codesInScope().toArray()));
            }
            s.executeUpdate();
        }
        for (String[] t : new String[][]{{"category_score", CATEGORY_COLUMNS}, {"evaluation_result", EVALUATION_COLUMNS}}) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + t[0] + " WHERE eval_year = ? AND region_code = ANY(?)")) {
                s.setInt(1, p.evalYear());
                s.setArray(2, c.createArrayOf("text", regions));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + t[0] + " (" + t[1] + ") SELECT " + t[1] + " FROM "
                    + t[0] + "_history WHERE run_id = ? AND eval_year = ? AND region_code = ANY(?)")) {
                s.setLong(1, runId);
                s.setInt(2, p.evalYear());
                s.setArray(3, c.createArrayOf("text", regions));
                s.executeUpdate();
            }
        }
        return dropped;
    }

    /**
     * Takes out of the year's current scores the regions the publication no longer lists
     * ({@link ScoreChanges#dropped}): a county merged away must not stay on dashboards beside a
     * city total computed without it. Their history stays, the removal is recorded
     * ({@code region_year_removal}); a later regions.csv listing them brings them back.
     */
    private static List<String> retireDropped(Connection c, long runId, Publication p) throws SQLException {
        List<String> dropped = ScoreChanges.dropped(c, p);
        if (dropped.isEmpty()) {
            return dropped;
        }
        // Kept, so that score_revision shows the removal and starts the region's year afresh if it comes back.
        try (PreparedStatement s = c.prepareStatement("INSERT INTO region_year_removal (run_id, region_code, eval_year) "
                + "SELECT ?, unnest(?::text[]), ?")) {
            s.setLong(1, runId);
            s.setArray(2, c.createArrayOf("text", dropped.toArray()));
            s.setInt(3, p.evalYear());
            s.executeUpdate();
        }
        for (String table : List.of("indicator_score", "category_score", "evaluation_result")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE eval_year = ? AND region_code = ANY(?)")) {
                s.setInt(1, p.evalYear());
                s.setArray(2, c.createArrayOf("text", dropped.toArray()));
                s.executeUpdate();
            }
        }
        LOG.warn("{}: region(s) {} no longer in regions.csv, published before from this data directory: taken out of the "
                + "current scores (their earlier versions stay in the history)", p.evalYear(), String.join(", ", dropped));
        return dropped;
    }

    private static void writeRegions(Connection c, long runId, List<Region> regions, List<Publication> publications)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO region (region_code, region_name, parent_code, level, "
                + "economic_zone, run_id) VALUES (?,?,?,?,?,?) ON CONFLICT (region_code) DO UPDATE SET "
                + "region_name = EXCLUDED.region_name, parent_code = EXCLUDED.parent_code, level = EXCLUDED.level, "
                + "economic_zone = EXCLUDED.economic_zone, run_id = EXCLUDED.run_id")) {
            for (Region r : regions) {
                s.setString(1, r.code());
                s.setString(2, r.name());
                s.setString(3, r.parentCode());
                s.setString(4, r.level());
                s.setString(5, r.economicZone());
                s.setLong(6, runId);
                s.addBatch();
            }
            s.executeBatch();
        }
        // What this run's regions.csv listed, with the parents it gave: a region a later run from the
        // same data directory no longer lists (a county merged away) has no current status
        // (bi_pass_status), and a city's year has the counties listed under it then
        // (bi_county_comparison). A region whose row was set aside is still listed (it is not in
        // the tree, its scores stay), without a parent.
        Map<String, String> listed = new TreeMap<>();
        publications.forEach(p -> p.regionRowsSetAside().keySet().forEach(code -> listed.put(code, null)));
        regions.forEach(r -> listed.put(r.code(), r.parentCode()));
        try (CsvCopy copy = CsvCopy.into(c, "run_region (run_id, region_code, parent_code)")) {
            for (Map.Entry<String, String> region : listed.entrySet()) {
                copy.row(runId, region.getKey(), region.getValue());
            }
            copy.finish();
        }
    }

    private static void writeEdition(Connection c, Edition e) throws SQLException {
        PublishedScores.requireSameRules(c, e);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO edition (edition, title_zh, title_en, total_points, "
                + "pass_total_at_least, pass_first_level_share) VALUES (?,?,?,?,?,?) ON CONFLICT (edition) DO UPDATE SET "
                + "title_zh = EXCLUDED.title_zh, title_en = EXCLUDED.title_en, total_points = EXCLUDED.total_points, "
                + "pass_total_at_least = EXCLUDED.pass_total_at_least, pass_first_level_share = EXCLUDED.pass_first_level_share")) {
            s.setString(1, e.id());
            s.setString(2, e.titleZh());
            s.setString(3, e.titleEn());
            s.setBigDecimal(4, e.totalPoints());
            s.setBigDecimal(5, e.passRule().totalAtLeast());
            s.setBigDecimal(6, e.passRule().firstLevelShareAtLeast());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO edition_category (edition, category_code, level, "
                + "parent_code, name_zh, name_en, max_points, sort_order) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT "
                + "(edition, category_code) DO UPDATE SET level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, "
                + "name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, max_points = EXCLUDED.max_points, "
                + "sort_order = EXCLUDED.sort_order")) {
            int order = 0;
            for (Category cat : e.categories()) {
                s.setString(1, e.id());
                s.setString(2, cat.code());
                s.setString(3, cat.levelCode());
                s.setString(4, cat.parentCode());
                s.setString(5, cat.nameZh());
                s.setString(6, cat.nameEn());
                s.setBigDecimal(7, cat.maxPoints());
                s.setInt(8, order++);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO edition_indicator (edition, indicator_code, level, "
                + "parent_code, category_code, name_zh, name_en, max_points, kind, computation, criterion_zh, sort_order) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (edition, indicator_code) DO UPDATE SET level = EXCLUDED.level, "
                + "parent_code = EXCLUDED.parent_code, category_code = EXCLUDED.category_code, name_zh = EXCLUDED.name_zh, "
                + "name_en = EXCLUDED.name_en, max_points = EXCLUDED.max_points, kind = EXCLUDED.kind, "
                + "computation = EXCLUDED.computation, criterion_zh = EXCLUDED.criterion_zh, sort_order = EXCLUDED.sort_order")) {
            int order = 0;
            for (Indicator ind : e.indicators()) {
                if (ind.hasSubItems()) {
                    add(s, e.id(), ind.code(), "indicator", null, ind.categoryCode(), ind.nameZh(), ind.nameEn(),
                            ind.maxPoints(), null, null, null, order++);
                    for (Item it : ind.items()) {
                        add(s, e.id(), it.code(), "item", ind.code(), ind.categoryCode(), it.nameZh(), it.nameEn(),
                                it.maxPoints(), it.kind().code(), it.computation(), it.criterionZh(), order++);
                    }
                } else {
                    Item it = ind.items().get(0);
                    add(s, e.id(), ind.code(), "indicator", null, ind.categoryCode(), ind.nameZh(), ind.nameEn(),
                            ind.maxPoints(), it.kind().code(), it.computation(), it.criterionZh(), order++);
                }
            }
            s.executeBatch();
        }
    }

    private static void add(PreparedStatement s, String edition, String code, String level, String parent, String category,
                            String nameZh, String nameEn, BigDecimal max, String kind, String computation,
                            String criterion, int order) throws SQLException {
        s.setString(1, edition);
        s.setString(2, code);
        s.setString(3, level);
        s.setString(4, parent);
        s.setString(5, category);
        s.setString(6, nameZh);
        s.setString(7, nameEn);
        s.setBigDecimal(8, max);
        s.setString(9, kind);
        s.setString(10, computation);
        s.setString(11, criterion);
        s.setInt(12, order);
        s.addBatch();
    }
}
