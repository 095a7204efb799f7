package org.netmarket.warehouse;

import org.netmarket.extract.InvalidInputException;
import org.netmarket.rules.Reason;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a run changes against the versions published before it: shown to the analyst after a
 * recomputation of a past year (or before it, by a dry run), and the same rows as view
 * {@code score_change} for the run; and the regions it takes out of the current scores.
 */
public final class ScoreChanges {
    /** One changed item or indicator: its points, status or computed value differ. */
    public record Change(String regionCode, int evalYear, String code, BigDecimal previousPoints, BigDecimal points,
                         String previousStatus, String status, BigDecimal previousValue, BigDecimal value) {

        /** As indicator_score.level: sub-items (19.1) are items, the rest indicators (7, 19). */
        public String level() {
            return code.contains(".") ? "item" : "indicator";
        }

        /** Whether what the item scores changed, not only the figure it was scored from. */
        public boolean changesScore() {
            return !Objects.equals(previousStatus, status) || previousPoints == null || previousPoints.compareTo(points) != 0;
        }

        /** Whether the figure changed as a number (0.5 and 0.50 are the same figure), as the change was found. */
        public boolean changesValue() {
            return !sameNumber(previousValue, value);
        }
    }

    /**
     * A region's evaluation of one year whose total or pass changed: what an analyst looks for
     * first after a recomputation (盐湖区 89.0 PASS -> 82.0 FAIL), which the item changes only add up to;
     * or whose basis changed (another edition or as-of date), which may leave every point as it was.
     */
    public record ResultChange(String regionCode, int evalYear, BigDecimal previousTotal, BigDecimal total,
                               boolean previouslyPassed, boolean passed, PublishedScores.Basis previousBasis,
                               PublishedScores.Basis basis) {
        public boolean editionChanged() {
            return !previousBasis.edition().equals(basis.edition());
        }

        public boolean asOfChanged() {
            return !previousBasis.asOf().equals(basis.asOf());
        }
    }

    /** A region's scores of one year, taken out of or added to the current scores as a whole. */
    public record RegionYear(String regionCode, int evalYear) {
    }

    /**
     * What a run changed (or a dry run would change): items and indicators, and the totals and
     * results they add up to; regions taken out of the current scores (their delivery's
     * regions.csv no longer lists them); and the regions whose year it published (would publish)
     * for the first time, which no change lists (the changes compare only what was published before).
     */
    public record Report(List<Change> changes, List<ResultChange> results, List<RegionYear> removals,
                         List<RegionYear> additions) {
        public static final Report NONE = new Report(List.of(), List.of(), List.of(), List.of());

        public Report {
            changes = List.copyOf(changes);
            results = List.copyOf(results);
            removals = List.copyOf(removals);
            additions = List.copyOf(additions);
        }

        public boolean isEmpty() {
            return changes.isEmpty() && results.isEmpty() && removals.isEmpty() && additions.isEmpty();
        }
    }

    private ScoreChanges() {
    }

    /**
     * The regions a publication takes out of its year's current scores (see
     * {@link Publication#retiresDroppedOf}): published from the same data directory, under the
     * regions scored (their children at any depth, by the region table), and no longer scored.
     * Regions published from other data directories (another city's delivery to the same
     * warehouse) are never among them. Empty for a run of some regions or items. (A region whose
     * regions.csv row was set aside is still listed: {@link #requireNoSetAsideRegionUnder} stops
     * the run before it could be taken out.)
     */
    static List<String> dropped(Connection c, Publication p) throws SQLException {
        if (p.retiresDroppedOf() == null) {
            return List.of();
        }
        String fromThisDelivery = " JOIN below b ON b.code = t.region_code JOIN pipeline_run r ON r.run_id = t.run_id "
                + "WHERE t.eval_year = ? AND t.region_code <> ALL(?) AND r.data_dir = ?";
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("WITH RECURSIVE below(code) AS ("
                + "SELECT region_code FROM region WHERE parent_code = ANY(?) "
                + "UNION SELECT r.region_code FROM region r JOIN below b ON r.parent_code = b.code) "
                + "SELECT t.region_code FROM evaluation_result t" + fromThisDelivery
                + " UNION SELECT t.region_code FROM indicator_score t" + fromThisDelivery + " ORDER BY 1")) {
            Array scored = c.createArrayOf("text", p.regionsInScope().toArray());
            s.setArray(1, scored);
            for (int i = 0; i < 2; i++) {
                s.setInt(2 + 3 * i, p.evalYear());
                s.setArray(3 + 3 * i, scored);
                s.setString(4 + 3 * i, p.retiresDroppedOf());
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Refuses a publication that would republish, without it, a region above one whose
     * regions.csv row was set aside but which has current scores for the year (by the region
     * table's parents): a typo in a county's row would otherwise leave its city summed without
     * the county beside the county's own published scores, or, in a full run, take the county off
     * the dashboards as if regions.csv no longer listed it. Set-aside regions nothing is
     * published for are the quarantine's concern, as any set-aside row is.
     */
    static void requireNoSetAsideRegionUnder(Connection c, Publication p) throws SQLException {
        if (p.regionRowsSetAside().isEmpty()) {
            return;
        }
        List<Reason> problems = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("WITH RECURSIVE up(code, ancestor) AS ("
                + "SELECT region_code, parent_code FROM region WHERE region_code = ANY(?) "
                + "UNION SELECT u.code, r.parent_code FROM up u JOIN region r ON r.region_code = u.ancestor) "
                + "SELECT DISTINCT e.region_code FROM evaluation_result e JOIN up u ON u.code = e.region_code "
                + "WHERE e.eval_year = ? AND u.ancestor = ANY(?) ORDER BY 1")) {
            s.setArray(1, c.createArrayOf("text", p.regionRowsSetAside().keySet().toArray()));
            s.setInt(2, p.evalYear());
            s.setArray(3, c.createArrayOf("text", p.regionsInScope().toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String code = r.getString(1);
                    long line = p.regionRowsSetAside().get(code);
                    problems.add(Reason.of("regions.csv line " + line + ": region " + code + " has published " + p.evalYear()
                                    + " scores, but its row was set aside (the reason is in the quarantine report): fix the row"
                                    + " before publishing the regions above it; only a region that regions.csv no longer lists"
                                    + " is taken out of the current scores",
                            "regions.csv 第 " + line + " 行：地区 " + code + " 已有发布的 " + p.evalYear() + " 年得分，但其行已被隔离"
                                    + "（原因见隔离报告）：请先修正该行，再发布其上级地区；只有 regions.csv 不再列出的地区才会从当前得分中移除"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
    }

    /** The regions of a publication's scope that nothing is published for in its year. */
    static List<RegionYear> firstPublished(Connection c, Publication p) throws SQLException {
        Set<String> published = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT region_code FROM evaluation_result WHERE eval_year = ? AND region_code = ANY(?)")) {
            s.setInt(1, p.evalYear());
            s.setArray(2, c.createArrayOf("text", p.regionsInScope().toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    published.add(r.getString(1));
                }
            }
        }
        return p.regionsInScope().stream().filter(r -> !published.contains(r)).map(r -> new RegionYear(r, p.evalYear())).toList();
    }

    /**
     * What publishing would change against the current rows, without writing: a dry run's
     * preview, compared as {@link #beforeReplacing} and {@link #resultsBeforeReplacing} compare
     * and in their order, region, year and edition order, so that a dry run's report lists what
     * the run would: the publications come year by year, their regions in regions.csv's order.
     */
    public static Report preview(Warehouse warehouse, List<Publication> publications) throws SQLException {
        List<Change> changes = new ArrayList<>();
        List<ResultChange> results = new ArrayList<>();
        List<RegionYear> removals = new ArrayList<>();
        List<RegionYear> additions = new ArrayList<>();
        for (Publication p : publications) {
            changes.addAll(against(PublishedScores.current(warehouse, p.evalYear(), p.regionsInScope()), p));
            results.addAll(resultsAgainst(PublishedScores.currentResults(warehouse, p.evalYear(), p.regionsInScope()), p));
            try (Connection c = warehouse.connect()) {
                requireNoSetAsideRegionUnder(c, p);
                additions.addAll(firstPublished(c, p));
                dropped(c, p).forEach(r -> removals.add(new RegionYear(r, p.evalYear())));
            } catch (SQLException e) {
                if (!PublishedScores.UNDEFINED_TABLE.equals(e.getSQLState())) {
                    throw e;
                }
                // A warehouse never published to: all of it would be new.
                p.regionsInScope().forEach(r -> additions.add(new RegionYear(r, p.evalYear())));
            }
        }
        // Stable sorts: within a region's year the indicators keep the edition's order.
        changes.sort(Comparator.comparing(Change::regionCode).thenComparingInt(Change::evalYear));
        results.sort(Comparator.comparing(ResultChange::regionCode).thenComparingInt(ResultChange::evalYear));
        return new Report(changes, results, removals, additions);
    }

    /** The evaluations of a publication whose total, pass or basis differ from the current ones (region code -> current). */
    static List<ResultChange> resultsAgainst(Map<String, PublishedScores.CurrentResult> current, Publication publication) {
        List<ResultChange> out = new ArrayList<>();
        for (ScoreRows.EvaluationRow row : publication.rows().evaluations()) {
            PublishedScores.CurrentResult before = current.get(row.regionCode());
            PublishedScores.Basis basis = new PublishedScores.Basis(row.edition(), row.asOf());
            if (before != null && (!sameNumber(before.total(), row.totalPoints()) || before.passed() != row.passed()
                    || !before.basis().equals(basis))) {
                out.add(new ResultChange(row.regionCode(), row.evalYear(), before.total(), row.totalPoints(), before.passed(),
                        row.passed(), before.basis(), basis));
            }
        }
        return out;
    }

    /** The rows of a publication in its scope that differ from the current rows (keyed as {@link PublishedScores#key}). */
    static List<Change> against(Map<String, PublishedScores.CurrentRow> current, Publication publication) {
        Set<String> codes = publication.codesInScope() == null ? null : Set.copyOf(publication.codesInScope());
        List<Change> out = new ArrayList<>();
        for (ScoreRows.IndicatorRow row : publication.rows().indicators()) {
            PublishedScores.CurrentRow before = current.get(PublishedScores.key(row.regionCode(), row.code()));
            if (before == null || codes != null && !codes.contains(row.code())) {
                continue;
            }
            if (!sameNumber(before.points(), row.points()) || !Objects.equals(before.status(), row.status())
                    || !sameNumber(before.value(), row.value())) {
                out.add(new Change(row.regionCode(), row.evalYear(), row.code(), before.points(), row.points(),
                        before.status(), row.status(), before.value(), row.value()));
            }
        }
        return out;
    }

    /** Numeric equality as PostgreSQL's IS NOT DISTINCT FROM on numeric: 1.0 equals 1.00, null equals null. */
    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * The evaluations of a run whose history rows are written and whose current rows are not
     * replaced yet whose total, pass, edition or as-of date differ from the current ones, as
     * {@link #beforeReplacing}.
     */
    static List<ResultChange> resultsBeforeReplacing(Connection c, long runId) throws SQLException {
        String sql = "SELECT h.region_code, h.eval_year, s.total_points, h.total_points, s.passed, h.passed, "
                + "s.edition, s.as_of, h.edition, h.as_of "
                + "FROM evaluation_result_history h JOIN evaluation_result s ON s.region_code = h.region_code "
                + "AND s.eval_year = h.eval_year WHERE h.run_id = ? AND (h.total_points <> s.total_points OR h.passed <> s.passed "
                + "OR h.edition <> s.edition OR h.as_of <> s.as_of) ORDER BY h.region_code, h.eval_year";
        List<ResultChange> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new ResultChange(r.getString(1), r.getInt(2), r.getBigDecimal(3), r.getBigDecimal(4), r.getBoolean(5),
                            r.getBoolean(6), new PublishedScores.Basis(r.getString(7), r.getObject(8, LocalDate.class)),
                            new PublishedScores.Basis(r.getString(9), r.getObject(10, LocalDate.class))));
                }
            }
        }
        return out;
    }

    /**
     * The changes of a run whose history rows are written and whose current rows are not
     * replaced yet, read in the publishing transaction, in region, year and edition order. The
     * current rows are the latest published versions, so comparing with them gives what view
     * {@code score_change} gives once the run is committed; one join instead of the view's
     * look-up of every version's predecessor, which takes seconds for a national run.
     */
    static List<Change> beforeReplacing(Connection c, long runId) throws SQLException {
        String sql = "SELECT h.region_code, h.eval_year, h.indicator_code, s.points, h.points, s.status, h.status, s.value, h.value "
                + "FROM indicator_score_history h JOIN indicator_score s ON s.region_code = h.region_code "
                + "AND s.eval_year = h.eval_year AND s.indicator_code = h.indicator_code "
                + "LEFT JOIN edition_indicator e ON e.edition = h.edition AND e.indicator_code = h.indicator_code "
                + "WHERE h.run_id = ? AND (h.points IS DISTINCT FROM s.points OR h.status IS DISTINCT FROM s.status "
                + "OR h.value IS DISTINCT FROM s.value) ORDER BY h.region_code, h.eval_year, e.sort_order";
        List<Change> out = new ArrayList<>();
        // The run's rows were just written: the planner's statistics do not know its run_id and
        // expect a handful of rows, and a nested loop of index look-ups over a national run's
        // 370,000 rows takes seconds. A hash join of the two sides takes under one.
        Warehouse.setLocal(c, "enable_nestloop", "off");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Change(r.getString(1), r.getInt(2), r.getString(3), r.getBigDecimal(4), r.getBigDecimal(5),
                            r.getString(6), r.getString(7), r.getBigDecimal(8), r.getBigDecimal(9)));
                }
            }
        }
        Warehouse.setLocal(c, "enable_nestloop", "on");
        return out;
    }
}
