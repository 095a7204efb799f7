package org.netmarket.generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one CSV file of an extract: UTF-8 without BOM, LF line ends, a header row, RFC 4180
 * quoting where a field needs it. Numbers, dates and timestamps are formatted by hand into a
 * large byte buffer (no {@code String.format}, no per-field objects), because the national scale
 * writes tens of millions of rows.
 *
 * <p>Keeps the physical line number each row starts on, so that a deliberately broken row can be
 * recorded with the line the pipeline will report for it.
 */
final class CsvSink implements Closeable {
    private static final int BUFFER = 1 << 20;

    private final Path file;
    private final String relative;
    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private boolean rowStarted;
    /** The physical line being written (the header is line 1). */
    private long line = 1;
    private long rowStartLine;
    private long rows;
    private long bytes;

    /**
     * @param root     the data directory
     * @param relative the file's path inside it, with forward slashes (as the pipeline names it)
     */
    CsvSink(Path root, String relative, List<String> header) {
        this.relative = relative;
        this.file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        for (String h : header) {
            ascii(h);
        }
        endHeader();
    }

    String relative() {
        return relative;
    }

    /** Data rows written so far. */
    long rows() {
        return rows;
    }

    long bytes() {
        return bytes + pos;
    }


    /** Text that may need quoting (operator names can contain commas or quotes). */
    CsvSink text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        boolean quote = false;
        for (byte c : b) {
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        separator();
        if (!quote) {
            put(b);
            return this;
        }
        putByte('"');
        for (byte c : b) {
            if (c == '"') {
                putByte('"');
            } else if (c == '\n') {
                line++;
            }
            putByte(c);
        }
        putByte('"');
        return this;
    }

    /** ASCII text known to need no quoting (codes, enum values, fixed strings). */
    CsvSink ascii(String s) {
        separator();
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Pre-encoded UTF-8 pieces known to need no quoting, written as one field. */
    CsvSink utf8(byte[] a) {
        separator();
        put(a);
        return this;
    }

    CsvSink utf8(byte[] a, byte[] b, byte[] c, byte[] d) {
        separator();
        put(a);
        put(b);
        put(c);
        put(d);
        return this;
    }

    /**
     * An identifier: a pre-encoded prefix, a year, a kind letter and a number zero-padded to
     * {@code width} digits, e.g. {@code TS140802} 2024 {@code O} 17 6 gives TS1408022024O000017.
     */
    CsvSink id(byte[] prefix, int year, char kind, long number, int width) {
        separator();
        put(prefix);
        ensure(5);
        four(year);
        buf[pos++] = (byte) kind;
        padded(number, width);
        return this;
    }

    /** An identifier: a pre-encoded prefix and a number zero-padded to {@code width} digits. */
    CsvSink id(byte[] prefix, long number, int width) {
        separator();
        put(prefix);
        padded(number, width);
        return this;
    }

    private void padded(long number, int width) {
        ensure(20 + width);
        int digits = 1;
        for (long v = number; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            buf[pos++] = '0';
        }
        putLong(number);
    }

    /** An empty field: null. */
    CsvSink empty() {
        separator();
        return this;
    }

    CsvSink integer(long v) {
        separator();
        putLong(v);
        return this;
    }

    /** Yuan from fen: 1234567 becomes {@code 12345.67}. */
    CsvSink money(long fen) {
        return decimal(fen, 2);
    }

    /** {@code units / 10^scale} as a plain decimal; trailing fraction zeros are kept. */
    CsvSink decimal(long units, int scale) {
        separator();
        if (units < 0) {
            putByte('-');
            units = -units;
        }
        long pow = 1;
        for (int i = 0; i < scale; i++) {
            pow *= 10;
        }
        putLong(units / pow);
        if (scale > 0) {
            putByte('.');
            long frac = units % pow;
            for (long p = pow / 10; p >= 1; p /= 10) {
                putByte((char) ('0' + (frac / p) % 10));
            }
        }
        return this;
    }

    /** {@code YYYY-MM-DD}. */
    CsvSink date(int epochDay) {
        separator();
        putDate(epochDay);
        return this;
    }

    /** {@code YYYY-MM-DD HH:MM:SS}. */
    CsvSink timestamp(long epochSecond) {
        separator();
        int day = Civil.dayOf(epochSecond);
        int s = (int) (epochSecond - (long) day * Civil.SECONDS_PER_DAY);
        putDate(day);
        ensure(9);
        buf[pos++] = ' ';
        two(s / 3600);
        buf[pos++] = ':';
        two(s / 60 % 60);
        buf[pos++] = ':';
        two(s % 60);
        return this;
    }

    /** A timestamp, or an empty field when {@code epochSecond} is {@link Long#MIN_VALUE}. */
    CsvSink timestampOrEmpty(long epochSecond) {
        return epochSecond == Long.MIN_VALUE ? empty() : timestamp(epochSecond);
    }

    /** {@code YYYY-MM}. */
    CsvSink month(int year, int month) {
        separator();
        ensure(7);
        four(year);
        buf[pos++] = '-';
        two(month);
        return this;
    }

    /** Ends a data row; returns the line it started on (a quoted line break makes a row span lines). */
    long endRow() {
        endLine();
        rows++;
        return rowStartLine;
    }

    private void endHeader() {
        endLine();
    }

    private void endLine() {
        putByte('\n');
        rowStarted = false;
        line++;
    }

    private void separator() {
        if (rowStarted) {
            putByte(',');
        } else {
            rowStartLine = line;
        }
        rowStarted = true;
    }

    private void putDate(int epochDay) {
        int ymd = Civil.ymd(epochDay);
        ensure(10);
        four(ymd / 10000);
        buf[pos++] = '-';
        two(ymd / 100 % 100);
        buf[pos++] = '-';
        two(ymd % 100);
    }

    private void four(int v) {
        buf[pos++] = (byte) ('0' + v / 1000 % 10);
        buf[pos++] = (byte) ('0' + v / 100 % 10);
        buf[pos++] = (byte) ('0' + v / 10 % 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void two(int v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void putLong(long v) {
        ensure(20);
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v == 0) {
            buf[pos++] = '0';
            return;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void putByte(int c) {
        ensure(1);
        buf[pos++] = (byte) c;
    }

    private void put(byte[] b) {
        if (b.length > buf.length - pos) {
            flush();
            if (b.length > buf.length) {
                write(b, b.length);
                return;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            flush();
        }
    }

    private void flush() {
        write(buf, pos);
        pos = 0;
    }

    private void write(byte[] b, int n) {
        try {
            out.write(b, 0, n);
            bytes += n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
