package org.netmarket.warehouse;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.config.EnvironmentException;
import org.netmarket.config.PipelineConfig;
import org.netmarket.pipeline.ScoringPipeline;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.SharedSpark;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read-only BI role on a freshly migrated warehouse: it logs in with the password set the
 * way a publishing run sets it from {@code NETMARKET_BI_PASSWORD}, reads every table and
 * view, and can neither write nor create anything, even when its session asks for read-write.
 */
class BiRoleTest {
    /** Quotes, a backslash, a dollar quote and Chinese: nothing a literal may mangle. */
    static final String PASSWORD = "o'Brien \\ $$ 密码-" + System.nanoTime();

    static String url;
    static Warehouse warehouse;

    @BeforeAll
    static void migrateAndSetThePassword() {
        url = TestingPostgres.server().createDatabase();
        // As a publishing run sets it once registered, from the environment naming the BI password.
        warehouse = Warehouse.open(JdbcSettings.of(url, Map.of(BiRole.PASSWORD_ENV, PASSWORD)));
        assertTrue(BiRole.setPasswordIfGiven(warehouse, warehouse.settings().biPassword()));
        if (TestingPostgres.server().isOwn()) {
            // The test cluster trusts local logins; make it check this role's password.
            TestingPostgres.server().requirePasswordFor(BiRole.ROLE);
        }
    }

    private static Connection bi() throws SQLException {
        return TestingPostgres.connectAs(url, BiRole.ROLE, PASSWORD);
    }

    private static List<String> relations(String kinds) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE n.nspname = 'netmarket' AND c.relkind IN (" + kinds + ") ORDER BY 1")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static void assertSqlState(String expected, String sql, Connection c) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }, sql + " must fail");
        assertEquals(expected, e.getSQLState(), sql + ": " + e.getMessage());
    }

    @Test
    void withoutAPasswordNothingIsChanged() throws SQLException {
        assertFalse(BiRole.setPasswordIfGiven(warehouse, null));
        assertFalse(BiRole.setPasswordIfGiven(warehouse, ""), "set but empty (a secret file that was not there)");
        try (Connection c = bi()) {
            assertTrue(c.isValid(5), "the password set before still logs in");
        }
    }

    /**
     * A new login role without CREATEROLE on the test server, given the grants ({@code %s} its
     * name) in the database of {@code url}; skips the test on a server the tests did not start.
     */
    private static String userWithoutCreateRole(String url, String... grants) throws SQLException {
        Assumptions.assumeTrue(TestingPostgres.server().isOwn(), "creates a role on the test server");
        String plain = "netmarket_plain_" + System.nanoTime();
        try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
            s.execute("CREATE ROLE " + plain + " LOGIN NOCREATEROLE NOSUPERUSER");
            for (String grant : grants) {
                s.execute(String.format(grant, plain));
            }
        }
        return plain;
    }

    /** A warehouse user without CREATEROLE: the run stops in one line (exit 1), without the password. */
    @Test
    void aUserWhoMayNotAlterTheRoleIsToldWhatItNeeds() throws Exception {
        String plain = userWithoutCreateRole(url);
        // The test cluster trusts local logins: the plain user connects without a password.
        Warehouse asPlain = Warehouse.forReading(JdbcSettings.of(url.replaceFirst("\\?.*$", ""), Map.of("PGUSER", plain)));
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> BiRole.setPasswordIfGiven(asPlain, PASSWORD));
        assertTrue(e.getMessage().startsWith("cannot set the password of role netmarket_bi from NETMARKET_BI_PASSWORD"),
                e.getMessage());
        assertTrue(e.getMessage().contains("CREATEROLE"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), "the password is never shown");
    }

    /**
     * The same refusal in a publishing run: recorded in pipeline_run as the environment's failure,
     * for the dashboards' freshness banner, instead of a run that never appears.
     */
    @Test
    void aRunThatCannotSetThePasswordIsRecordedAsFailed(@TempDir Path reports) throws Exception {
        String scratch = TestingPostgres.server().createWarehouse();
        // Enough to register and publish runs in a warehouse migrated by someone else.
        String plain = userWithoutCreateRole(scratch, "GRANT USAGE ON SCHEMA netmarket TO %s",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA netmarket TO %s",
                "GRANT USAGE ON ALL SEQUENCES IN SCHEMA netmarket TO %s");
        PipelineConfig config = SharedSpark.testConfig().dataDir(GoldenData.GIVEN.toString()).years(List.of(2024))
                .reportDir(reports.toString());
        // The test cluster trusts local logins: the plain user connects without a password.
        ScoringPipeline run = new ScoringPipeline(config.jdbcUrl(scratch.replaceFirst("\\?.*$", "")),
                Map.of("PGUSER", plain, BiRole.PASSWORD_ENV, PASSWORD));
        EnvironmentException e = assertThrows(EnvironmentException.class, run::run);
        assertTrue(e.getMessage().startsWith("cannot set the password of role netmarket_bi"), e.getMessage());
        WarehouseRows runs = WarehouseRows.query(scratch, "pipeline_run",
                "SELECT run_id, status, failure_kind, error FROM netmarket.pipeline_run", "run_id");
        assertEquals(1, runs.size(), runs.all().toString());
        runs.assertValue("1", "status", "failed");
        runs.assertValue("1", "failure_kind", "environment");
        assertTrue(((String) runs.row("1").get("error")).startsWith("cannot set the password of role netmarket_bi"));
        assertFalse(runs.all().toString().contains(PASSWORD), "the password is never recorded");
    }

    @Test
    void logsInWithThePasswordAndOnlyWithIt() throws Exception {
        try (Connection c = bi(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT current_user")) {
            r.next();
            assertEquals(BiRole.ROLE, r.getString(1));
        }
        Assumptions.assumeTrue(TestingPostgres.server().isOwn(), "an external test server decides its own authentication");
        SQLException e = assertThrows(SQLException.class,
                () -> TestingPostgres.connectAs(url, BiRole.ROLE, PASSWORD + "x").close());
        assertEquals("28P01", e.getSQLState(), "a wrong password is refused: " + e.getMessage());
    }

    @Test
    void readsEveryTableAndViewOfTheSchema() throws Exception {
        List<String> all = relations("'r', 'v'");
        assertTrue(all.containsAll(List.of("bi_scorecard", "bi_category_score", "bi_pass_status", "bi_county_comparison",
                "bi_needs_attention", "bi_trend", "bi_total_trend", "bi_observation", "indicator_score", "category_score",
                "evaluation_result", "pipeline_run", "region", "edition_indicator")), all.toString());
        try (Connection c = bi(); Statement s = c.createStatement()) {
            for (String name : all) {
                try (ResultSet r = s.executeQuery("SELECT * FROM netmarket." + name + " LIMIT 1")) {
                    r.next();
                }
            }
        }
    }

    /** BI tools that list one schema find the views by their bare names. */
    @Test
    void findsTheViewsWithoutTheSchemaName() throws Exception {
        try (Connection c = bi(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SHOW search_path")) {
                r.next();
                assertEquals("netmarket, public", r.getString(1));
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM bi_scorecard")) {
                assertTrue(r.next());
            }
        }
    }

    /** A dashboard's short reads spent half a second each compiling plans at national scale (V30). */
    @Test
    void sessionsDoNotCompileTheirPlans() throws Exception {
        try (Connection c = bi(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW jit")) {
            r.next();
            assertEquals("off", r.getString(1));
        }
    }

    @Test
    void sessionsAreReadOnlyByDefault() throws Exception {
        try (Connection c = bi()) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW default_transaction_read_only")) {
                r.next();
                assertEquals("on", r.getString(1));
            }
            // read_only_sql_transaction
            assertSqlState("25006", "CREATE TEMPORARY TABLE scratch (x int)", c);
        }
    }

    @Test
    void cannotWriteOrCreateEvenInAReadWriteSession() throws Exception {
        try (Connection c = bi()) {
            try (Statement s = c.createStatement()) {
                // What a BI tool could do: the privileges must hold on their own.
                s.execute("SET default_transaction_read_only = off");
            }
            String denied = "42501";
            assertSqlState(denied, "INSERT INTO netmarket.indicator_score (region_code, eval_year, indicator_code, level, "
                    + "points, max_points, status, edition, run_id) VALUES ('140802', 2024, '1', 'indicator', 2, 2, "
                    + "'scored', '2022', 1)", c);
            assertSqlState(denied, "UPDATE netmarket.indicator_score SET points = 2", c);
            assertSqlState(denied, "DELETE FROM netmarket.indicator_score", c);
            assertSqlState(denied, "TRUNCATE netmarket.indicator_score", c);
            assertSqlState(denied, "CREATE TABLE netmarket.bi_scratch (x int)", c);
            assertSqlState(denied, "CREATE VIEW netmarket.bi_scratch AS SELECT 1 AS x", c);
            for (String table : relations("'r'")) {
                assertSqlState(denied, "DELETE FROM netmarket." + table, c);
                assertSqlState(denied, "TRUNCATE netmarket." + table, c);
            }
        }
    }

    /**
     * Before PostgreSQL 15 every role could create in schema public: a warehouse migrated on such
     * a server lets the BI role create nothing there either, neither a table (a write) nor a
     * function overloading a built-in one that a session searching public would call instead.
     */
    @Test
    void cannotCreateInSchemaPublicWhereEveryRoleOnceCould() throws Exception {
        String older = TestingPostgres.server().createDatabase();
        try (Connection c = DriverManager.getConnection(older); Statement s = c.createStatement()) {
            s.execute("GRANT CREATE ON SCHEMA public TO PUBLIC"); // the default of PostgreSQL 14 and older
        }
        Warehouse.open(JdbcSettings.of(older, Map.of()));
        try (Connection c = TestingPostgres.connectAs(older, BiRole.ROLE, PASSWORD)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET default_transaction_read_only = off");
            }
            assertSqlState("42501", "CREATE TABLE public.bi_scratch (x int)", c);
            assertSqlState("42501", "CREATE FUNCTION public.unnest(text[]) RETURNS SETOF text LANGUAGE sql "
                    + "AS 'SELECT NULL::text'", c);
        }
    }

    /** The job's sessions search the warehouse schema alone: nothing anyone created in public reaches them. */
    @Test
    void theJobsSessionsDoNotSearchSchemaPublic() throws Exception {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT array_to_string(current_schemas(false), ',')")) {
            r.next();
            assertEquals("netmarket", r.getString(1));
        }
    }

    @Test
    void tablesAndViewsOfLaterMigrationsAreReadableToo() throws Exception {
        // As the user that ran the migrations, as a later migration would
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE netmarket.later_table (x int)");
            s.execute("INSERT INTO netmarket.later_table VALUES (7)");
            s.execute("CREATE VIEW netmarket.later_view AS SELECT x + 1 AS y FROM netmarket.later_table");
        }
        try (Connection c = bi(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT t.x, v.y FROM netmarket.later_table t, netmarket.later_view v")) {
            assertTrue(r.next());
            assertEquals(7, r.getInt(1));
            assertEquals(8, r.getInt(2));
        }
    }
}
