package org.netmarket.testing;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Rows read back from the warehouse, keyed, with assertions that name the table, the row and
 * the column that differ (numbers compared by value, so 1.50 equals 1.5).
 */
public final class WarehouseRows {
    private final String table;
    private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();

    private WarehouseRows(String table) {
        this.table = table;
    }

    /**
     * Runs a query and keys its rows by the given columns joined with '|'.
     */
    public static WarehouseRows query(String jdbcUrl, String table, String sql, String... keyColumns) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            return query(c, table, sql, keyColumns);
        }
    }

    /** The same over an open connection (e.g. one logged in as another role). */
    public static WarehouseRows query(Connection c, String table, String sql, String... keyColumns) throws SQLException {
        WarehouseRows out = new WarehouseRows(table);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData md = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = r.getObject(i);
                    if (v instanceof Array a) {
                        v = Arrays.asList((Object[]) a.getArray());
                    }
                    row.put(md.getColumnLabel(i), v);
                }
                List<String> key = new ArrayList<>();
                for (String k : keyColumns) {
                    key.add(String.valueOf(row.get(k)));
                }
                if (out.rows.put(String.join("|", key), row) != null) {
                    fail(table + ": more than one row for key " + key);
                }
            }
        }
        return out;
    }

    public int size() {
        return rows.size();
    }

    public Map<String, Object> row(String key) {
        Map<String, Object> r = rows.get(key);
        if (r == null) {
            fail(table + ": no row " + key + " (have " + rows.size() + " rows, e.g. " + rows.keySet().stream().limit(5).toList() + ")");
        }
        return r;
    }

    public Map<String, Map<String, Object>> all() {
        return rows;
    }

    /**
     * Asserts one column of one row; numbers are compared by value. A column the query did not
     * return fails (naming the row and the column) rather than reading as null, so that expecting
     * null of a misspelt column cannot pass.
     */
    public void assertValue(String key, String column, Object expected) {
        Map<String, Object> row = row(key);
        if (!row.containsKey(column)) {
            fail(table + " row " + key + ": no column " + column + " (columns: " + row.keySet() + ")");
        }
        Object actual = row.get(column);
        String where = table + " row " + key + " column " + column;
        if (expected == null || actual == null) {
            assertEquals(expected, actual, where);
        } else if (expected instanceof Number || actual instanceof BigDecimal) {
            BigDecimal e = new BigDecimal(expected.toString());
            BigDecimal a = new BigDecimal(actual.toString());
            if (e.compareTo(a) != 0) {
                fail(where + ": expected " + e.toPlainString() + " but was " + a.toPlainString());
            }
        } else {
            assertEquals(expected.toString(), actual.toString(), where);
        }
    }
}
