package org.netmarket.warehouse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netmarket.rules.Reason;
import org.netmarket.staging.QuarantinedRow;
import org.netmarket.testing.TestingPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A damaged or UTF-16 delivery carries NUL characters into what a run records (a raw line, a
 * header's names, the error); PostgreSQL refuses NUL in text and jsonb, so the run's bookkeeping
 * must store them as ␀ instead of failing, against a real server.
 */
class RunLedgerNulTest {
    static String url;
    static RunLedger ledger;

    @BeforeAll
    static void migrate() {
        url = TestingPostgres.server().createDatabase();
        ledger = new RunLedger(Warehouse.open(JdbcSettings.of(url, Map.of())));
    }

    private static String one(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getString(1);
        }
    }

    @Test
    void nulCharactersAreRecordedAsTheirSymbol() throws SQLException {
        long run = ledger.start(new RunRecord("adhoc", "run", "2022", List.of(2024), null, null, null, "/data", Map.of(),
                "host", "test"));
        String utf16Name = "r\0e\0g\0i\0o\0n\0_\0c\0o\0d\0e\0";
        ledger.recordInputs(run, List.of(new RunLedger.InputFile("express", "express/e.csv", "GB18030", "ab", 10L, 0L, 0L,
                List.of(utf16Name), "express/e.csv: header lacks " + utf16Name, "express/e.csv：表头缺少 " + utf16Name, true)),
                List.of(), 0, 0);
        ledger.recordQuarantine(run, List.of(new QuarantinedRow("dispatches", "dispatches/d2.csv", 2,
                "X4,140802,bogus\0type", "dispatch_type", Reason.of("contains a NUL character", "含有 NUL 字符"), "140802")).iterator());
        ledger.fail(run, "cannot read \0 file", "无法读取 \0 文件", RunLedger.FailureKind.INPUT);

        String shown = "r␀e␀g␀i␀o␀n␀_␀c␀o␀d␀e␀";
        assertEquals("{" + shown + "}", one("SELECT extra_columns FROM netmarket.run_input_file WHERE run_id = " + run));
        assertEquals("express/e.csv: header lacks " + shown, one("SELECT problem FROM netmarket.run_input_file WHERE run_id = " + run));
        assertEquals("express/e.csv：表头缺少 " + shown, one("SELECT problem_zh FROM netmarket.run_input_file WHERE run_id = " + run));
        assertEquals(shown, one("SELECT input_files -> 0 -> 'extraColumns' ->> 0 FROM netmarket.pipeline_run WHERE run_id = " + run));
        assertEquals("X4,140802,bogus␀type", one("SELECT raw_line FROM netmarket.quarantined_row WHERE run_id = " + run));
        assertEquals("failed", one("SELECT status FROM netmarket.pipeline_run WHERE run_id = " + run));
        assertEquals("cannot read ␀ file", one("SELECT error FROM netmarket.pipeline_run WHERE run_id = " + run));
        assertEquals("无法读取 ␀ 文件", one("SELECT error_zh FROM netmarket.pipeline_run WHERE run_id = " + run));
    }
}
