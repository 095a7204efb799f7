package org.netmarket.staging;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The reference for {@link CsvRecords}: the reader the job used before, built on Apache Commons
 * CSV (which reads one character at a time). Kept in the tests only, so that
 * {@link CsvRecordsCommonsTest} can check that both read every input the same way.
 */
final class CommonsCsvRecords implements Iterator<CommonsCsvRecords.Line>, Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();

    /** One record: its 1-based starting line, raw text (without the line end) and fields. */
    public record Line(long lineNumber, String raw, String[] fields) {
    }

    private final RecordingReader recorder;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long linesConsumed;
    private Line next;

    /** @throws MalformedCsvException when the header line itself cannot be parsed */
    CommonsCsvRecords(Reader reader) throws IOException {
        this.recorder = new RecordingReader(reader);
        this.parser = CSVParser.builder().setReader(recorder).setFormat(FORMAT).get();
        this.records = parser.iterator();
        boolean hasHeader;
        try {
            hasHeader = records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                parser.close();
                throw new CsvRecords.MalformedCsvException("malformed CSV header (line 1): " + e.getCause().getMessage(), e);
            }
            throw e;
        }
        if (!hasHeader) {
            header = List.of();
        } else {
            CSVRecord h = records.next();
            List<String> names = new ArrayList<>();
            for (String s : h) {
                names.add(s);
            }
            if (!names.isEmpty() && !names.get(0).isEmpty() && names.get(0).charAt(0) == '\uFEFF') {
                names.set(0, names.get(0).substring(1));
            }
            header = names.stream().map(String::trim).toList();
            linesConsumed = parser.getCurrentLineNumber();
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
            if (!records.hasNext()) {
                return false;
            }
            CSVRecord r = records.next();
            long start = r.getCharacterPosition();
            String[] fields = r.values();
            // The record starts after what the parser consumed up to the previous record and
            // after the blank lines it skipped before this one.
            RecordingReader.Raw raw = recorder.rawFrom(start);
            long startLine = linesConsumed + 1 + raw.blankLines();
            linesConsumed = parser.getCurrentLineNumber();
            next = new Line(startLine, raw.text(), fields);
            return true;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                // Commons CSV 1.14 reports malformed quoting (EOF inside a quoted field, text
                // after a closing quote) as an UncheckedIOException around a CSVException.
                throw new CsvRecords.MalformedCsvException("malformed CSV after line " + linesConsumed + ": "
                        + e.getCause().getMessage(), e);
            }
            throw e;
        } catch (IllegalStateException e) {
            // Commons CSV reports malformed quoting (e.g. EOF inside a quoted field) this way.
            throw new CsvRecords.MalformedCsvException("malformed CSV after line " + linesConsumed + ": " + e.getMessage(), e);
        }
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
        parser.close();
    }

    /**
     * Keeps the characters the parser has read so that a record's raw text can be cut out by
     * its character position. The parser reads ahead, so a record's raw text is its start up to
     * the next unquoted line end.
     */
    static final class RecordingReader extends Reader {
        private final Reader in;
        private final StringBuilder buf = new StringBuilder();
        private long base; // character position of buf[0]

        RecordingReader(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = in.read(cbuf, off, len);
            if (n > 0) {
                buf.append(cbuf, off, n);
            }
            return n;
        }

        /** A record's raw text and the number of blank lines the parser skipped before it. */
        record Raw(String text, int blankLines) {
        }

        /**
         * The raw record starting at {@code position}, up to its unquoted line end. The parser
         * has already read past that line end when it hands out the record, so the text is in
         * the buffer. The position can point at blank lines the parser skipped (they are not
         * records); they are counted, not returned. A quote opens a quoted section only at the
         * start of a field (RFC 4180); inside one, a doubled quote is an escaped quote.
         */
        Raw rawFrom(long position) {
            if (position - base > (1 << 20)) {
                int drop = (int) (position - base);
                buf.delete(0, drop);
                base = position;
            }
            int i = (int) (position - base);
            int blankLines = 0;
            while (i < buf.length() && (buf.charAt(i) == '\n' || buf.charAt(i) == '\r')) {
                if (buf.charAt(i) == '\r' && i + 1 < buf.length() && buf.charAt(i + 1) == '\n') {
                    i++;
                }
                blankLines++;
                i++;
            }
            int from = i;
            boolean quoted = false;
            boolean fieldStart = true;
            for (; i < buf.length(); i++) {
                char c = buf.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < buf.length() && buf.charAt(i + 1) == '"') {
                            i++;
                        } else {
                            quoted = false;
                        }
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                } else if (c == ',') {
                    fieldStart = true;
                } else if (c == '\n' || c == '\r') {
                    return new Raw(buf.substring(from, i), blankLines);
                } else {
                    fieldStart = false;
                }
            }
            return new Raw(strip(buf.substring(Math.min(from, buf.length()))), blankLines);
        }

        private static String strip(String s) {
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
                end--;
            }
            return s.substring(0, end);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
