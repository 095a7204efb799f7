package org.netmarket.warehouse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netmarket.testing.TestingPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data dictionary: every published table, view and column carries a comment. (That the
 * committed {@code schemas/warehouse/DATA-DICTIONARY.md} is what the generator makes of the current
 * migrations is a drift check of {@code scripts/test}: {@code scripts/data-dictionary --check}.)
 */
class DataDictionaryTest {

    static String url;

    @BeforeAll
    static void migrate() {
        url = TestingPostgres.server().createDatabase();
        Warehouse.open(JdbcSettings.of(url, Map.of()));
    }

    @Test
    void everyTableViewAndColumnHasAComment() throws Exception {
        // Straight from the catalog, independently of the generator.
        List<String> missing = new ArrayList<>();
        Set<String> relations = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT c.relname, a.attname, "
                     + "coalesce(obj_description(c.oid, 'pg_class'), '') = '' AS no_table_comment, "
                     + "coalesce(col_description(c.oid, a.attnum), '') = '' AS no_column_comment "
                     + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                     + "WHERE n.nspname = 'netmarket' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
                     + "AND c.relname <> 'flyway_schema_history' ORDER BY 1, a.attnum")) {
            while (r.next()) {
                relations.add(r.getString(1));
                if (r.getBoolean(3) && !missing.contains(r.getString(1))) {
                    missing.add(r.getString(1));
                }
                if (r.getBoolean(4)) {
                    missing.add(r.getString(1) + "." + r.getString(2));
                }
            }
        }
        // The query must have seen the warehouse, or an empty result would pass.
        assertTrue(relations.containsAll(List.of("indicator_score", "pipeline_run", "item_lineage", "bi_scorecard")), relations::toString);
        assertEquals(List.of(), missing, "tables, views and columns without a COMMENT");
    }

    /**
     * The dictionary documents what BI depends on, and not Flyway's bookkeeping. (That the
     * committed DATA-DICTIONARY.md is what the migrations give today is a drift check of a
     * generated file, made by scripts/test with scripts/data-dictionary --check.)
     */
    @Test
    void theDictionaryHasASectionForWhatBiReadsAndNoneForFlyway() throws Exception {
        String generated;
        try (Connection c = DriverManager.getConnection(url)) {
            generated = DataDictionary.markdown(c);
        }
        for (String name : List.of("indicator_score", "category_score", "evaluation_result", "pipeline_run",
                "bi_scorecard", "bi_category_score", "bi_pass_status", "bi_county_comparison", "bi_needs_attention",
                "bi_trend", "bi_total_trend")) {
            assertTrue(generated.contains("### `" + name + "`\n"), "a section for " + name);
        }
        assertFalse(generated.contains("flyway_schema_history`\n"), "Flyway's bookkeeping is not published data");
    }

    @Test
    void aTableOrColumnWithoutCommentIsCaught() throws Exception {
        String scratch = TestingPostgres.server().createDatabase();
        Warehouse.open(JdbcSettings.of(scratch, Map.of()));
        try (Connection c = DriverManager.getConnection(scratch); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE netmarket.scratch (x integer NOT NULL PRIMARY KEY, note text)");
            s.execute("COMMENT ON COLUMN netmarket.scratch.x IS 'documented'");
            assertEquals(List.of("table scratch", "column scratch.note"), DataDictionary.undocumented(c));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataDictionary.markdown(c));
            assertTrue(e.getMessage().contains("column scratch.note"), e.getMessage());

            s.execute("COMMENT ON TABLE netmarket.scratch IS 'A | piped\ncomment'");
            s.execute("COMMENT ON COLUMN netmarket.scratch.note IS 'free text'");
            assertEquals(List.of(), DataDictionary.undocumented(c));
            String md = DataDictionary.markdown(c);
            assertTrue(md.contains("### `scratch`\n\nA | piped comment\n\nOne row per `x` (primary key).\n\n"
                    + "| column | type | null | description |\n|---|---|---|---|\n"
                    + "| `x` | integer | not null | documented |\n| `note` | text | null | free text |\n"), md);
        }
    }
}
