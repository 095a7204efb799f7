package org.netmarket.warehouse;

import org.netmarket.edition.Category;
import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionException;
import org.netmarket.edition.Indicator;
import org.netmarket.edition.Item;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what is currently published: the item scores, so that recomputing some items only can
 * roll the untouched items' published points into the new category and total; the current rows
 * and results a dry run compares its scores with; and the pass rule the published years were
 * judged by.
 */
public final class PublishedScores {
    /** PostgreSQL's SQLSTATE for a table that does not exist (a warehouse a dry run reads before it was migrated). */
    static final String UNDEFINED_TABLE = "42P01";

    /** A published item: its points, status and reason (null when scored). */
    public record PublishedItem(BigDecimal points, ItemStatus status, Reason reason) {
    }

    /**
     * What a region's published year was evaluated on: the edition and the date its stock figures
     * and completion cut-off were taken at. Every item of one total shares them.
     */
    public record Basis(String edition, LocalDate asOf) {
    }

    /** A current indicator_score row as the score changes compare it: points, status and value. */
    public record CurrentRow(BigDecimal points, String status, BigDecimal value) {
    }

    private PublishedScores() {
    }

    /**
     * The current indicator_score rows of one year and some regions, keyed by region code and
     * indicator or item code ({@link #key}); empty when the warehouse has no schema yet.
     */
    static Map<String, CurrentRow> current(Warehouse warehouse, int year, List<String> regions) throws SQLException {
        Map<String, CurrentRow> out = new HashMap<>();
        query(warehouse, "SELECT region_code, indicator_code, points, status, value FROM indicator_score "
                + "WHERE eval_year = ? AND region_code = ANY(?)", year, regions,
                r -> out.put(key(r.getString(1), r.getString(2)), new CurrentRow(r.getBigDecimal(3), r.getString(4), r.getBigDecimal(5))));
        return out;
    }

    static String key(String regionCode, String code) {
        return regionCode + "|" + code;
    }

    /** region -> item code -> published item, for one year (items and whole-indicator rows). */
    public static Map<String, Map<String, PublishedItem>> read(Warehouse warehouse, int year, List<String> regions)
            throws SQLException {
        Map<String, Map<String, PublishedItem>> out = new HashMap<>();
        query(warehouse, "SELECT s.region_code, s.indicator_code, s.points, s.status, s.reason, s.reason_zh FROM indicator_score s "
                        + "WHERE s.eval_year = ? AND s.region_code = ANY(?) AND (s.level = 'item' OR NOT EXISTS "
                        + "(SELECT 1 FROM indicator_score i WHERE i.region_code = s.region_code AND i.eval_year = s.eval_year "
                        + "AND i.level = 'item' AND i.indicator_code LIKE s.indicator_code || '.%'))", year, regions,
                r -> out.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getString(2),
                        new PublishedItem(r.getBigDecimal(3), ItemStatus.fromCode(r.getString(4)), reason(r.getString(5), r.getString(6)))));
        return out;
    }

    /**
     * A current evaluation_result row: total and pass, as the score changes compare them, and the
     * basis an item recomputation must share.
     */
    public record CurrentResult(BigDecimal total, boolean passed, Basis basis) {
    }

    /** region -> its current evaluation of one year (regions with none are absent). */
    public static Map<String, CurrentResult> currentResults(Warehouse warehouse, int year, List<String> regions)
            throws SQLException {
        Map<String, CurrentResult> out = new HashMap<>();
        query(warehouse, "SELECT region_code, total_points, passed, edition, as_of FROM evaluation_result "
                        + "WHERE eval_year = ? AND region_code = ANY(?)", year, regions,
                r -> out.put(r.getString(1), new CurrentResult(r.getBigDecimal(2), r.getBoolean(3),
                        new Basis(r.getString(4), r.getObject(5, LocalDate.class)))));
        return out;
    }

    /**
     * A published reason: rows published before the Chinese reasons (warehouse version 17) have
     * none in Chinese, and keep the English one there rather than none.
     */
    private static Reason reason(String en, String zh) {
        return en == null ? null : Reason.of(en, zh == null ? en : zh);
    }

    /** One row of a result set, taken in. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Names may be corrected under an edition's id, but not what its published results were
     * judged by: another total or pass line under the same id would restate, on the dashboards,
     * the rule of every year published with it; nor its structure (which codes are items and
     * indicators, under which parent and category, with which maximum), from which the views
     * tell items from indicators and add up categories for every year published with it. Checked
     * again as the publication writes the edition; {@link #requireSameRules(Warehouse, Edition)}
     * is the early check.
     */
    static void requireSameRules(Connection c, Edition e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT total_points, pass_total_at_least, pass_first_level_share "
                + "FROM edition WHERE edition = ?")) {
            s.setString(1, e.id());
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && (r.getBigDecimal(1).compareTo(e.totalPoints()) != 0
                        || r.getBigDecimal(2).compareTo(e.passRule().totalAtLeast()) != 0
                        || r.getBigDecimal(3).compareTo(e.passRule().firstLevelShareAtLeast()) != 0)) {
                    throw new EditionException("edition " + e.id() + " is published with " + r.getBigDecimal(1).toPlainString()
                            + " points, passing at " + r.getBigDecimal(2).toPlainString() + " and a first-level share of "
                            + r.getBigDecimal(3).toPlainString() + "; this edition file says " + e.totalPoints().toPlainString()
                            + ", " + e.passRule().totalAtLeast().toPlainString() + " and "
                            + e.passRule().firstLevelShareAtLeast().toPlainString()
                            + " under the same id: give a changed edition an id of its own");
                }
            }
        }
        requireSameStructure(c, e);
    }

    /** What the warehouse keeps of an edition's code: its level, parent, category and maximum. */
    private record Shape(String level, String parent, String category, BigDecimal maxPoints) {
        Shape {
            maxPoints = maxPoints.stripTrailingZeros();
        }

        @Override
        public String toString() {
            return level + (parent == null ? "" : " under " + parent) + (category == null ? "" : " in " + category)
                    + ", max " + maxPoints.toPlainString();
        }
    }

    private static void requireSameStructure(Connection c, Edition e) throws SQLException {
        Map<String, Shape> published = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT 'category ' || category_code, level, parent_code, NULL, max_points"
                + " FROM edition_category WHERE edition = ? UNION ALL SELECT 'indicator ' || indicator_code, level, parent_code,"
                + " category_code, max_points FROM edition_indicator WHERE edition = ?")) {
            s.setString(1, e.id());
            s.setString(2, e.id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    published.put(r.getString(1), new Shape(r.getString(2), r.getString(3), r.getString(4), r.getBigDecimal(5)));
                }
            }
        }
        if (published.isEmpty()) {
            return; // not published yet
        }
        Map<String, Shape> given = shapes(e);
        List<String> differences = new ArrayList<>();
        Set<String> codes = new TreeSet<>(published.keySet());
        codes.addAll(given.keySet());
        for (String code : codes) {
            Shape was = published.get(code);
            Shape is = given.get(code);
            if (!Objects.equals(was, is)) {
                differences.add(code + " (published: " + (was == null ? "none" : was) + "; this file: " + (is == null ? "none" : is) + ")");
            }
        }
        if (!differences.isEmpty()) {
            String shown = String.join("; ", differences.subList(0, Math.min(5, differences.size())))
                    + (differences.size() > 5 ? "; and " + (differences.size() - 5) + " more" : "");
            throw new EditionException("edition " + e.id() + " is published with another structure than this edition file"
                    + " gives under the same id: " + shown + ". Give a changed edition an id of its own");
        }
    }

    /** The edition's codes as the publication writes them to edition_category and edition_indicator. */
    private static Map<String, Shape> shapes(Edition e) {
        Map<String, Shape> out = new TreeMap<>();
        for (Category cat : e.categories()) {
            out.put("category " + cat.code(), new Shape(cat.levelCode(), cat.parentCode(), null, cat.maxPoints()));
        }
        for (Indicator ind : e.indicators()) {
            out.put("indicator " + ind.code(), new Shape("indicator", null, ind.categoryCode(), ind.maxPoints()));
            if (ind.hasSubItems()) {
                for (Item it : ind.items()) {
                    out.put("indicator " + it.code(), new Shape("item", ind.code(), ind.categoryCode(), it.maxPoints()));
                }
            }
        }
        return out;
    }

    /**
     * Refuses, before the extracts are scored, an edition whose total or pass line differ from
     * those published under its id, or its structure (which publishing would refuse, {@link #requireSameRules(Connection, Edition)}):
     * a dry run shows the refusal too, and a run does not score a national year to be refused.
     * Nothing to compare in a warehouse without the schema yet.
     */
    public static void requireSameRules(Warehouse warehouse, Edition edition) throws SQLException {
        try (Connection c = warehouse.connect()) {
            requireSameRules(c, edition);
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /**
     * Runs a query of one year ({@code ?} 1) and some regions ({@code ?} 2) over the current
     * scores, row by row. A warehouse a dry run looks at without migrating it may not have the
     * schema yet: nothing is published there, so no rows.
     */
    private static void query(Warehouse warehouse, String sql, int year, List<String> regions, RowReader reader)
            throws SQLException {
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, year);
            s.setArray(2, c.createArrayOf("text", regions.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
