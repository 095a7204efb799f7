package org.netmarket.warehouse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run changed against the versions published before it (view {@code score_change}):
 * shown to the analyst after a recomputation of a past year.
 */
public final class ScoreChanges {
    /** One changed item or indicator. */
    public record Change(String regionCode, int evalYear, String code, BigDecimal previousPoints, BigDecimal points,
                         String previousStatus, String status) {
    }

    private ScoreChanges() {
    }

    /** The changes published by a run, in region, year and edition order. */
    public static List<Change> of(Warehouse warehouse, long runId) throws SQLException {
        String sql = "SELECT c.region_code, c.eval_year, c.indicator_code, c.previous_points, c.points, c.previous_status, "
                + "c.status FROM score_change c LEFT JOIN edition_indicator e ON e.edition = "
                + "(SELECT edition FROM pipeline_run WHERE run_id = ?) AND e.indicator_code = c.indicator_code "
                + "WHERE c.run_id = ? ORDER BY c.region_code, c.eval_year, e.sort_order";
        List<Change> out = new ArrayList<>();
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            s.setLong(2, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Change(r.getString(1), r.getInt(2), r.getString(3), r.getBigDecimal(4), r.getBigDecimal(5),
                            r.getString(6), r.getString(7)));
                }
            }
        }
        return out;
    }
}
