package org.netmarket.warehouse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netmarket.testing.TestingPostgres;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows streamed into COPY a buffer at a time arrive whole, against a real server: also those
 * written across the point where a buffer is sent (a national publication sends hundreds), with
 * quotes, commas, line breaks and NUL in their text; and a COPY left unfinished writes nothing.
 */
class CsvCopyTest {
    static String url;

    @BeforeAll
    static void database() throws SQLException {
        url = TestingPostgres.server().createDatabase();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE copied (n bigint, amount numeric, flag boolean, note text)");
        }
    }

    /** A note of some 700 characters, Chinese included, whose text CSV must quote: 3,000 of them exceed several buffers. */
    private static String note(int n) {
        return ("第" + n + "行, \"quoted\",\nnext line\0end ").repeat(20) + n;
    }

    @Test
    void rowsAcrossSeveralBuffersArriveWhole() throws SQLException {
        int rows = 3_000;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE copied");
            }
            try (CsvCopy copy = CsvCopy.into(c, "copied (n, amount, flag, note)")) {
                for (int n = 0; n < rows; n++) {
                    copy.row((long) n, new BigDecimal("1E+3").add(BigDecimal.valueOf(n, 2)), n % 2 == 0, n % 7 == 0 ? null : note(n));
                }
                assertEquals(rows, copy.finish());
            }
            c.commit();
            List<String> problems = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT n, amount, flag, note FROM copied ORDER BY n")) {
                int n = 0;
                while (r.next()) {
                    String expected = n % 7 == 0 ? null : note(n).replace('\0', '␀');
                    if (r.getLong(1) != n || r.getBigDecimal(2).compareTo(new BigDecimal("1000").add(BigDecimal.valueOf(n, 2))) != 0
                            || r.getBoolean(3) != (n % 2 == 0) || !Objects.equals(expected, r.getString(4))) {
                        problems.add("row " + n + ": " + r.getLong(1) + ", " + r.getBigDecimal(2) + ", " + r.getBoolean(3));
                    }
                    n++;
                }
                assertEquals(rows, n, "rows read back");
            }
            assertTrue(problems.isEmpty(), "rows that did not arrive whole: " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    @Test
    void anUnfinishedCopyWritesNothing() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE copied");
            }
            c.commit();
            try (CsvCopy copy = CsvCopy.into(c, "copied (n, amount, flag, note)")) {
                for (int n = 0; n < 2_000; n++) {
                    copy.row((long) n, BigDecimal.ONE, true, note(n)); // past the first buffer, which is sent
                }
                // A failure before finish(): close() cancels the COPY.
            }
            c.commit();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM copied")) {
                assertTrue(r.next());
                assertEquals(0, r.getLong(1));
                assertFalse(r.next());
            }
        }
    }
}
