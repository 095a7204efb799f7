package org.netmarket.staging;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.netmarket.extract.RowValidator;
import org.netmarket.rules.Reason;

import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Iterates the records of one decoded CSV file (RFC 4180 as Apache Commons CSV parses it: quoted
 * commas, doubled quotes and line breaks inside quoted fields; LF or CRLF; blank lines skipped)
 * with, for each record, the line it starts on and its raw text as delivered, so that a
 * quarantined row can be shown to the clerk exactly. The first record is the header; a leading
 * byte-order mark is dropped before parsing, so that it cannot hide a quoted first column name.
 *
 * <p>The raw text is cut out of the characters the parser has read only when asked for (a
 * rejected row): that keeps a string copy per row off the hot path. It stays available until
 * the record after the next one has been read.
 */
public final class CsvRecords implements Iterator<CsvRecords.Line>, Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();
    private static final char BOM = '\uFEFF';

    /** One record: its 1-based starting line, its fields, and its raw text (without the line end) on demand. */
    public static final class Line {
        private final long lineNumber;
        private final String[] fields;
        private final RecordingReader source;
        private final long position;
        private String raw;

        Line(long lineNumber, String[] fields, RecordingReader source, long position) {
            this.lineNumber = lineNumber;
            this.fields = fields;
            this.source = source;
            this.position = position;
        }

        public long lineNumber() {
            return lineNumber;
        }

        /** The record as delivered, without its line end. */
        public String raw() {
            if (raw == null) {
                raw = source.rawFrom(position);
            }
            return raw;
        }

        public String[] fields() {
            return fields;
        }
    }

    private final RecordingReader recorder;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long linesConsumed;
    /** Character position of the last record handed out; text before it may be discarded. */
    private long previousStart;
    private Line next;

    /** @throws MalformedCsvException when the header line itself cannot be parsed */
    public CsvRecords(Reader reader) throws IOException {
        this.recorder = new RecordingReader(withoutBom(reader));
        this.parser = CSVParser.builder().setReader(recorder).setFormat(FORMAT).get();
        this.records = parser.iterator();
        boolean hasHeader;
        try {
            hasHeader = records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                parser.close();
                Reason where = recorder.malformation(0, false, List.of(), 1)
                        .map(m -> Reason.of("header " + m.en(), "表头" + m.zh()))
                        .orElse(Reason.of("header (line 1): " + e.getCause().getMessage(),
                                "表头（第 1 行）：" + e.getCause().getMessage()));
                throw new MalformedCsvException(where, e);
            }
            throw e;
        }
        if (!hasHeader) {
            header = List.of();
        } else {
            List<String> names = new ArrayList<>();
            for (String s : records.next()) {
                names.add(RowValidator.trimField(s));
            }
            header = List.copyOf(names);
            linesConsumed = parser.getCurrentLineNumber();
        }
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first >= 0 && first != BOM) {
            in.unread(first);
        }
        return in;
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
            // The record starts after what the parser consumed up to the previous record and
            // after the blank lines it skipped before this one.
            long startLine = linesConsumed + 1 + recorder.blankLinesAt(start);
            linesConsumed = parser.getCurrentLineNumber();
            recorder.discardBefore(previousStart);
            previousStart = start;
            next = new Line(startLine, r.values(), recorder, start);
            return true;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                // Commons CSV 1.14 reports malformed quoting (EOF inside a quoted field, text
                // after a closing quote) as an UncheckedIOException around a CSVException, with
                // a character position; the clerk is told the line and the column instead.
                Reason where = recorder.malformation(previousStart, true, header, linesConsumed)
                        .orElse(afterLine(linesConsumed, e.getCause().getMessage()));
                throw new MalformedCsvException(where, e);
            }
            throw e;
        } catch (IllegalStateException e) {
            // Older Commons CSV versions report malformed quoting this way.
            throw new MalformedCsvException(afterLine(linesConsumed, e.getMessage()), e);
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

    /** Where malformed quoting was found when the text does not show it: after the last line read, in the parser's words. */
    private static Reason afterLine(long line, String parserSays) {
        return Reason.of("after line " + line + ": " + parserSays, "第 " + line + " 行之后：" + parserSays);
    }

    /** The file cannot be parsed as CSV from some point on (e.g. an unterminated quote): where and why, in English and Chinese. */
    public static final class MalformedCsvException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        public MalformedCsvException(Reason where, Throwable cause) {
            super("malformed CSV " + where.en(), cause);
            this.reason = Reason.of(getMessage(), "CSV 格式错误：" + where.zh());
        }

        /** {@code malformed CSV at line 7, column operator_name: …} and {@code CSV 格式错误：第 7 行 operator_name 列：…}. */
        public Reason reason() {
            return reason;
        }
    }

    /**
     * Keeps the characters the parser has read so that a record's raw text can be cut out by
     * its character position. The parser reads ahead, so a record's raw text is its start up to
     * the next unquoted line end.
     */
    static final class RecordingReader extends Reader {
        /** Text before the last records is dropped in steps of at least this many characters. */
        private static final int DISCARD_STEP = 1 << 20;

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

        /** Forgets the text before {@code position} once enough of it has accumulated. */
        void discardBefore(long position) {
            if (position - base > DISCARD_STEP) {
                buf.delete(0, (int) (position - base));
                base = position;
            }
        }

        /**
         * The blank lines the parser skipped before the record at {@code position} (they are
         * not records, but they are lines).
         */
        int blankLinesAt(long position) {
            int i = (int) (position - base);
            int blankLines = 0;
            while (i < buf.length() && (buf.charAt(i) == '\n' || buf.charAt(i) == '\r')) {
                if (buf.charAt(i) == '\r' && i + 1 < buf.length() && buf.charAt(i + 1) == '\n') {
                    i++;
                }
                blankLines++;
                i++;
            }
            return blankLines;
        }

        /**
         * The raw record starting at {@code position} (after any blank lines), up to its
         * unquoted line end. The parser has already read past that line end when it hands out
         * the record, so the text is in the buffer. A quote opens a quoted section only at the
         * start of a field (RFC 4180); inside one, a doubled quote is an escaped quote.
         */
        String rawFrom(long position) {
            if (position < base) {
                throw new IllegalStateException("the raw text of the record at character " + position
                        + " was already discarded; ask for it before reading two records further");
            }
            int i = (int) (position - base);
            while (i < buf.length() && (buf.charAt(i) == '\n' || buf.charAt(i) == '\r')) {
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
                    return buf.substring(from, i);
                } else {
                    fieldStart = false;
                }
            }
            return strip(buf.substring(Math.min(from, buf.length())));
        }

        /**
         * Where the quoting of the record after the one at {@code position} (or of the record at
         * it, when {@code skipOne} is false) goes wrong, as {@code at line 7, column operator_name:
         * why}; empty when it cannot be found in the text read. A quote opens a quoted field only
         * at the start of a field, and a quoted field must end at a delimiter or a line end.
         *
         * @param header    the column names, to name the column (else its field number is given)
         * @param firstLine the line the scan starts on: the record's, or the last line of the one skipped
         */
        Optional<Reason> malformation(long position, boolean skipOne, List<String> header, long firstLine) {
            if (position < base) {
                return Optional.empty();
            }
            int i = (int) (position - base);
            long line = firstLine;
            if (skipOne) {
                String previous = rawFrom(position);
                i = buf.indexOf(previous, i) + previous.length();
            }
            int field = 0;
            boolean fieldStart = true;
            boolean quoted = false;
            int openedField = -1;
            long openedLine = -1;
            for (; i < buf.length(); i++) {
                char c = buf.charAt(i);
                if (c == '\r' && i + 1 < buf.length() && buf.charAt(i + 1) == '\n') {
                    continue; // counted at its \n
                }
                boolean lineEnd = c == '\n' || c == '\r';
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < buf.length() && buf.charAt(i + 1) == '"') {
                            i++;
                        } else if (!closesField(i + 1)) {
                            return Optional.of(Reason.of("at line " + line + ", " + column(header, field)
                                    + ": text after the closing quote of a quoted field (a quote inside a field is written twice: \"\")",
                                    "第 " + line + " 行" + columnZh(header, field)
                                            + "：带引号的字段在结束引号之后还有文字（字段内的引号要写成两个：\"\"）"));
                        } else {
                            quoted = false;
                        }
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    openedField = field;
                    openedLine = line;
                } else if (c == ',') {
                    field++;
                    fieldStart = true;
                    continue;
                } else if (lineEnd) {
                    field = 0;
                    fieldStart = true;
                }
                if (lineEnd) {
                    line++;
                } else {
                    fieldStart = false;
                }
            }
            return quoted ? Optional.of(Reason.of("at line " + openedLine + ", " + column(header, openedField)
                    + ": the quote that opens the field is never closed (the rest of the file would be inside it)",
                    "第 " + openedLine + " 行" + columnZh(header, openedField)
                            + "：字段开头的引号没有闭合（文件的其余部分都会落在这个字段里）"))
                    : Optional.empty();
        }

        /** Whether the text at {@code i} ends a quoted field: a delimiter, a line end or the end, after any blanks (as Commons CSV allows). */
        private boolean closesField(int i) {
            int j = i;
            while (j < buf.length() && (buf.charAt(j) == ' ' || buf.charAt(j) == '\t')) {
                j++;
            }
            return j == buf.length() || ",\r\n".indexOf(buf.charAt(j)) >= 0;
        }

        private static String column(List<String> header, int field) {
            return field < header.size() ? "column " + header.get(field) : "field " + (field + 1);
        }

        private static String columnZh(List<String> header, int field) {
            return field < header.size() ? " " + header.get(field) + " 列" : "第 " + (field + 1) + " 个字段";
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
