package org.netmarket.staging;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Iterates the records of one decoded CSV file (RFC 4180: quoted commas, doubled quotes and line
 * breaks inside quoted fields; LF, CRLF or CR line ends; blank lines skipped) with, for each
 * record, the line it starts on and its raw text as delivered, so that a quarantined row can be
 * shown to the clerk exactly. The first record is the header; a leading BOM is dropped from it.
 *
 * <p>The grammar, the skipping of blank lines and the wording of the two errors (text after a
 * closing quote, end of file inside a quoted field) are those of Apache Commons CSV's
 * {@code CSVFormat.RFC4180} with empty lines ignored, which this reader replaced: Commons CSV
 * reads one character at a time through two buffered readers, and at tens of millions of rows
 * that was a third of the scan's time. This reader scans a char array and cuts the fields out of
 * it; {@code CsvRecordsCommonsTest} compares both on random input, error messages included.
 */
public final class CsvRecords implements Iterator<CsvRecords.Line>, Closeable {
    private static final String TEXT_AFTER_QUOTE =
            "Invalid character between encapsulated token and delimiter at line: %,d, position: %,d";
    private static final String EOF_IN_QUOTES = "(startline %,d) EOF reached before encapsulated token finished";

    /** How a field ended. */
    private enum FieldEnd { COMMA, LINE_END, END_OF_FILE }

    /**
     * One record: its 1-based starting line, raw text (without the line end) and fields. The raw
     * text of a record without quoted fields is its fields joined by commas, so it is only built
     * when asked for (a rejected row): that keeps a string copy per row off the hot path.
     */
    public static final class Line {
        private final long lineNumber;
        private final String[] fields;
        private String raw;

        Line(long lineNumber, String raw, String[] fields) {
            this.lineNumber = lineNumber;
            this.raw = raw;
            this.fields = fields;
        }

        public long lineNumber() {
            return lineNumber;
        }

        public String raw() {
            if (raw == null) {
                raw = String.join(",", fields);
            }
            return raw;
        }

        public String[] fields() {
            return fields;
        }
    }

    private final Reader in;
    private char[] buf;
    /** Next unread character in {@link #buf}. */
    private int pos;
    /** Valid characters in {@link #buf}. */
    private int limit;
    /** Characters of the file before {@code buf[0]} (for the position in error messages). */
    private long shifted;
    private boolean eof;
    /** Where the current record starts in {@link #buf}; nothing before it is kept. */
    private int recordStart;
    /** Where the current unquoted field starts in {@link #buf}. */
    private int fieldStart;
    /** Where the line end that closed the current record starts in {@link #buf}. */
    private int lineEndStart;
    /** Line ends consumed so far (CR, LF and CRLF count once), inside quoted fields too. */
    private long lineEnds;
    /** Line ends consumed up to the end of the last record handed out (for error messages). */
    private long linesConsumed;
    /** The last record ended at the end of the file. */
    private boolean ended;
    private final List<String> header;
    /** The fields of the record being read: {@code fieldCount} of them. */
    private String[] fields = new String[16];
    private int fieldCount;
    private final StringBuilder quoted = new StringBuilder();
    private Line next;

    /** @throws MalformedCsvException when the header line itself cannot be parsed */
    public CsvRecords(Reader reader) throws IOException {
        this(reader, 1 << 16);
    }

    /** With an initial buffer of {@code bufferSize} characters (it grows for longer records). */
    CsvRecords(Reader reader, int bufferSize) throws IOException {
        this.in = reader;
        this.buf = new char[bufferSize];
        Line h;
        try {
            h = readRecord();
        } catch (Malformed e) {
            in.close();
            throw new MalformedCsvException("malformed CSV header (line 1): " + e.getMessage(), e);
        }
        if (h == null) {
            header = List.of();
        } else {
            List<String> names = new ArrayList<>(List.of(h.fields()));
            if (!names.get(0).isEmpty() && names.get(0).charAt(0) == '\uFEFF') {
                names.set(0, names.get(0).substring(1));
            }
            header = names.stream().map(String::trim).toList();
            linesConsumed = lineEnds;
        }
    }

    /** The header's column names, trimmed, in file order (empty for an empty file). */
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            next = readRecord();
        } catch (Malformed e) {
            throw new MalformedCsvException("malformed CSV after line " + linesConsumed + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (next == null) {
            return false;
        }
        linesConsumed = lineEnds;
        return true;
    }

    @Override
    public Line next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Line l = next;
        next = null;
        return l;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The file cannot be parsed as CSV from some point on (e.g. an unterminated quote). */
    public static final class MalformedCsvException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MalformedCsvException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A grammar error, worded as Commons CSV words it. */
    private static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** The next record, or null at the end of the file. */
    private Line readRecord() throws IOException {
        if (ended) {
            return null;
        }
        recordStart = pos;
        // Blank lines before a record are skipped; they still count as lines.
        while (true) {
            if (!available(1)) {
                return null;
            }
            char c = buf[pos];
            if (c != '\n' && c != '\r') {
                break;
            }
            consumeLineEnd();
            recordStart = pos;
        }
        long startLine = lineEnds + 1;
        boolean anyQuoted = false;
        fieldCount = 0;
        FieldEnd end;
        do {
            if (!available(1)) {
                // Only reached after a comma: the record ends with an empty field.
                addField("");
                end = FieldEnd.END_OF_FILE;
            } else if (buf[pos] == '"') {
                anyQuoted = true;
                end = quotedField();
            } else {
                end = simpleField();
            }
        } while (end == FieldEnd.COMMA);
        String raw = null;
        if (end == FieldEnd.END_OF_FILE) {
            ended = true;
            if (anyQuoted) {
                raw = new String(buf, recordStart, pos - recordStart);
            }
        } else if (anyQuoted) {
            raw = new String(buf, recordStart, lineEndStart - recordStart);
        }
        return new Line(startLine, raw, Arrays.copyOf(fields, fieldCount));
    }

    private void addField(String value) {
        if (fieldCount == fields.length) {
            fields = Arrays.copyOf(fields, fieldCount * 2);
        }
        fields[fieldCount++] = value;
    }

    /** An unquoted field: everything up to the next comma, line end or the end of the file. */
    private FieldEnd simpleField() throws IOException {
        fieldStart = pos;
        while (true) {
            char[] b = buf;
            int p = pos;
            int lim = limit;
            while (p < lim) {
                char c = b[p];
                if (c == ',') {
                    addField(new String(b, fieldStart, p - fieldStart));
                    pos = p + 1;
                    return FieldEnd.COMMA;
                }
                if (c == '\n' || c == '\r') {
                    addField(new String(b, fieldStart, p - fieldStart));
                    pos = p;
                    lineEndStart = p;
                    consumeLineEnd();
                    return FieldEnd.LINE_END;
                }
                p++;
            }
            pos = p;
            if (!available(1)) {
                addField(new String(buf, fieldStart, pos - fieldStart));
                return FieldEnd.END_OF_FILE;
            }
        }
    }

    /**
     * A quoted field, {@code pos} at its opening quote: a doubled quote is a quote, line ends are
     * content; after the closing quote only whitespace may come before the comma or line end.
     */
    private FieldEnd quotedField() throws IOException {
        long startLine = lineEnds + 1;
        pos++;
        quoted.setLength(0);
        char previous = '"';
        while (true) {
            if (!available(1)) {
                throw new Malformed(String.format(EOF_IN_QUOTES, startLine));
            }
            char c = buf[pos];
            if (c == '"') {
                if (available(2) && buf[pos + 1] == '"') {
                    quoted.append('"');
                    pos += 2;
                    previous = '"';
                    continue;
                }
                pos++;
                break;
            }
            if (c == '\r' || (c == '\n' && previous != '\r')) {
                lineEnds++;
            }
            quoted.append(c);
            previous = c;
            pos++;
        }
        while (true) {
            if (!available(1)) {
                addField(quoted.toString());
                return FieldEnd.END_OF_FILE;
            }
            char c = buf[pos];
            if (c == ',') {
                pos++;
                addField(quoted.toString());
                return FieldEnd.COMMA;
            }
            if (c == '\n' || c == '\r') {
                addField(quoted.toString());
                lineEndStart = pos;
                consumeLineEnd();
                return FieldEnd.LINE_END;
            }
            if (!Character.isWhitespace(c)) {
                // Commons CSV counts the offending character as read, and its line as begun.
                throw new Malformed(String.format(TEXT_AFTER_QUOTE, lineEnds + 1, shifted + pos + 1));
            }
            pos++;
        }
    }

    /** Consumes the line end at {@code pos}: LF, CR, or CR LF. */
    private void consumeLineEnd() throws IOException {
        char c = buf[pos++];
        lineEnds++;
        if (c == '\r' && available(1) && buf[pos] == '\n') {
            pos++;
        }
    }

    /**
     * Makes at least {@code n} characters available from {@code pos}, reading more of the file;
     * false when the file ends first. Moves the current record to the front of the buffer, or
     * grows the buffer when the record fills it.
     */
    private boolean available(int n) throws IOException {
        while (limit - pos < n) {
            if (eof) {
                return false;
            }
            if (recordStart > 0) {
                int keep = limit - recordStart;
                System.arraycopy(buf, recordStart, buf, 0, keep);
                shifted += recordStart;
                pos -= recordStart;
                fieldStart -= recordStart;
                lineEndStart -= recordStart;
                limit = keep;
                recordStart = 0;
            }
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return true;
    }
}
