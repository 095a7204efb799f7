package org.netmarket.warehouse;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows streamed into {@code COPY target FROM STDIN (FORMAT csv)} a buffer at a time: the
 * server parses one buffer while the next is written, and a national run's few hundred
 * thousand score rows never sit in memory as one string (which, at publishing time, came on
 * top of Spark's heap and cost garbage collections).
 */
final class CsvCopy implements AutoCloseable {
    /** Characters buffered before they are sent. */
    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + (FLUSH_AT >> 4));
    private long rows;

    private CsvCopy(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts the COPY; {@code target} is a table with its column list, e.g. {@code t (a, b)}. */
    static CsvCopy into(Connection c, String target) throws SQLException {
        return new CsvCopy(c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN (FORMAT csv)"));
    }

    /**
     * One row: a decimal as plain digits, other numbers and booleans as they print, text quoted
     * ({@link CsvText}), null as an empty field.
     */
    void row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            Object v = values[i];
            if (v instanceof BigDecimal d) {
                buffer.append(d.toPlainString());
            } else if (v instanceof Number || v instanceof Boolean) {
                buffer.append(v);
            } else {
                CsvText.append(buffer, v);
            }
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered and ends the COPY; returns the rows written. */
    long finish() throws SQLException {
        flush();
        copy.endCopy();
        return rows;
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** Cancels a COPY that was not finished (its rows are not written), so the connection can be used or rolled back. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
