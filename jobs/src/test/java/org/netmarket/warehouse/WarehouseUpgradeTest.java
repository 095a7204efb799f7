package org.netmarket.warehouse;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.netmarket.testing.TestingPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warehouse that published under an earlier schema version keeps its rows readable when a
 * newer job upgrades it on first contact: the migration that changes the meaning of a column
 * rewrites the rows already published, against a real PostgreSQL.
 */
class WarehouseUpgradeTest {

    @Test
    void secondLevelCategoriesPublishedAsMeetingTheShareHoldNullAfterTheUpgrade() throws SQLException {
        String url = TestingPostgres.server().createDatabase();
        JdbcSettings settings = JdbcSettings.of(url, Map.of());
        Flyway.configure(Warehouse.class.getClassLoader()).dataSource(new SettingsDataSource(settings))
                .schemas(Warehouse.SCHEMA).defaultSchema(Warehouse.SCHEMA).createSchemas(true)
                .locations(Warehouse.MIGRATIONS).target("12").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO netmarket.pipeline_run (status, mode, command) VALUES ('succeeded', 'adhoc', 'run')");
            for (String table : new String[]{"category_score", "category_score_history"}) {
                s.execute("INSERT INTO netmarket." + table + " (region_code, eval_year, category_code, level, points, max_points,"
                        + " meets_share, edition, run_id) VALUES"
                        + " ('140802', 2024, 'innovation', 'first', 12, 20, false, '2022', 1),"
                        + " ('140802', 2024, 'innovation.work', 'second', 3, 12, true, '2022', 1)");
            }
        }

        Warehouse.open(settings);

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : new String[]{"category_score", "category_score_history"}) {
                Map<String, Boolean> share = new HashMap<>();
                try (ResultSet r = s.executeQuery("SELECT category_code, meets_share FROM netmarket." + table)) {
                    while (r.next()) {
                        String code = r.getString(1);
                        boolean value = r.getBoolean(2);
                        share.put(code, r.wasNull() ? null : value);
                    }
                }
                assertEquals(2, share.size(), table + ": both rows kept");
                assertEquals(Boolean.FALSE, share.get("innovation"), table + ": a first-level category keeps its share");
                assertTrue(share.containsKey("innovation.work") && share.get("innovation.work") == null,
                        table + ": a second-level category has no share rule, so null: " + share);
                SQLException refused = assertThrows(SQLException.class, () -> s.execute("UPDATE netmarket." + table
                        + " SET meets_share = true WHERE category_code = 'innovation.work'"), table);
                assertEquals("23514", refused.getSQLState(), table + ": the check constraint refuses a share on a second level");
            }
        }
    }
}
