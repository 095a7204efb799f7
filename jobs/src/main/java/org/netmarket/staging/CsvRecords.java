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
 *
 * <p>A record whose quoting breaks (text after a closing quote, a quote never closed) is handed
 * out as a {@link Malformation} — from its start to the end of the line where its quoting
 * breaks, which is the most a clerk's stray quote can have swallowed — and reading goes on at
 * the next line, so that one bad quote sets one row aside instead of failing the file. Every
 * character of the file is thus either in a record or in the raw text of a malformed one. A
 * quoted field is not followed further than {@value #MAX_RECORD_CHARS} characters: a quote
 * never closed near the top of a large file would otherwise take the rest of it into memory.
 * Only a malformed header, or a record too long without an open quote to blame, fails the file.
 */
public final class CsvRecords implements Iterator<CsvRecords.Line>, Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();
    private static final char BOM = '\uFEFF';
    /** The longest record followed: no delivered row comes near it, a runaway quoted field soon passes it. */
    static final int MAX_RECORD_CHARS = 1 << 24;

    /**
     * Why a record was set aside for its quoting: where and why (the line where the quoting
     * breaks, which may be after the line the record starts on), and the column to blame (null
     * for a field beyond the header's).
     */
    public record Malformation(String column, Reason reason) {
    }

    /**
     * One record: its 1-based starting line, its fields, and its raw text (without the line end)
     * on demand; or a record whose quoting broke, with no fields and its raw text up to the end
     * of the line where it broke.
     */
    public static final class Line {
        private final long lineNumber;
        private final String[] fields;
        private final RecordingReader source;
        private final long position;
        private final Malformation malformation;
        private String raw;

        Line(long lineNumber, String[] fields, RecordingReader source, long position) {
            this.lineNumber = lineNumber;
            this.fields = fields;
            this.source = source;
            this.position = position;
            this.malformation = null;
        }

        private Line(long lineNumber, String raw, Malformation malformation) {
            this.lineNumber = lineNumber;
            this.fields = new String[0];
            this.source = null;
            this.position = -1;
            this.raw = raw;
            this.malformation = malformation;
        }

        /** Why the record's quoting is broken; null for a record that parsed. */
        public Malformation malformation() {
            return malformation;
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
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private final List<String> header;
    /** Lines and characters before the parser's start: not 0 once it restarted after a malformed record. */
    private long lineBase;
    private long positionBase;
    private long linesConsumed;
    /** Character position of the last record handed out; text before it may be discarded. */
    private long previousStart;
    /** Whether the parser restarted after a malformed record and has handed out nothing since. */
    private boolean restarted;
    private Line next;

    /** @throws MalformedCsvException when the header line itself cannot be parsed */
    public CsvRecords(Reader reader) throws IOException {
        this(reader, MAX_RECORD_CHARS);
    }

    /** With another longest record followed than {@link #MAX_RECORD_CHARS} (for tests). */
    CsvRecords(Reader reader, int maxRecordChars) throws IOException {
        this.recorder = new RecordingReader(withoutBom(reader), maxRecordChars);
        this.parser = CSVParser.builder().setReader(recorder).setFormat(FORMAT).get();
        this.records = parser.iterator();
        boolean hasHeader;
        try {
            hasHeader = records.hasNext();
        } catch (UncheckedIOException e) {
            if (isMalformation(e)) {
                parser.close();
                Reason where = recorder.breakOf(0, false, 1)
                        .map(b -> b.where(List.of(), true))
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
            long start = positionBase + r.getCharacterPosition();
            // The record starts after what the parser consumed up to the previous record and
            // after the blank lines it skipped before this one.
            long startLine = linesConsumed + 1 + recorder.blankLinesAt(start);
            linesConsumed = lineBase + parser.getCurrentLineNumber();
            recorder.discardBefore(previousStart);
            previousStart = start;
            recorder.recordStartsAt(start);
            restarted = false;
            next = new Line(startLine, r.values(), recorder, start);
            return true;
        } catch (UncheckedIOException e) {
            if (isMalformation(e)) {
                // Commons CSV 1.14 reports malformed quoting (EOF inside a quoted field, text
                // after a closing quote) as an UncheckedIOException around a CSVException, with
                // a character position; the clerk is told the line and the column instead.
                // The record after the last one handed out; right after a restart, the one at it.
                RecordingReader.Break broken = recorder.breakOf(previousStart, !restarted, linesConsumed + (restarted ? 1 : 0))
                        .orElseThrow(() -> new MalformedCsvException(afterLine(linesConsumed, e.getCause().getMessage()), e));
                next = setAside(broken);
                return true;
            }
            throw e;
        } catch (IllegalStateException e) {
            // Older Commons CSV versions report malformed quoting this way.
            throw new MalformedCsvException(afterLine(linesConsumed, e.getMessage()), e);
        }
    }

    private static boolean isMalformation(UncheckedIOException e) {
        return e.getCause() instanceof CSVException || e.getCause() instanceof RecordingReader.RecordTooLong;
    }

    /**
     * The malformed record as a line of its own, and the parser started again at the line after
     * the one where its quoting broke. The parser is left unclosed: closing it would close the
     * file, which the new parser goes on reading.
     */
    private Line setAside(RecordingReader.Break broken) {
        try {
            RecordingReader.LineEnd end = recorder.lineEndAt(broken.end());
            Line malformed = new Line(broken.startLine(), recorder.text(broken.start(), end.textEnd()),
                    new Malformation(broken.field() < header.size() ? header.get(broken.field()) : null,
                            malformedCsv(broken.where(header, false))));
            lineBase = broken.line();
            linesConsumed = broken.line();
            positionBase = end.next();
            recorder.discardBefore(previousStart);
            previousStart = end.next();
            restarted = true;
            recorder.rewindTo(end.next());
            parser = CSVParser.builder().setReader(recorder).setFormat(FORMAT).get();
            records = parser.iterator();
            return malformed;
        } catch (RecordingReader.RecordTooLong e) {
            throw new MalformedCsvException(Reason.of("at line " + broken.line() + ": " + e.getMessage(),
                    "第 " + broken.line() + " 行：一条记录超过 " + e.limit + " 个字符"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** {@code malformed CSV at line 7, column operator_name: …} and {@code CSV 格式错误：第 7 行 operator_name 列：…}. */
    private static Reason malformedCsv(Reason where) {
        return Reason.of("malformed CSV " + where.en(), "CSV 格式错误：" + where.zh());
    }

    /**
     * The file cannot be read as CSV: its header's quoting breaks, or a record runs on too long
     * with no open quote to blame (see {@link CsvRecords}); where and why, in English and Chinese.
     */
    public static final class MalformedCsvException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        public MalformedCsvException(Reason where, Throwable cause) {
            super(malformedCsv(where).en(), cause);
            this.reason = malformedCsv(where);
        }

        /** {@code malformed CSV at line 7, column operator_name: …} and {@code CSV 格式错误：第 7 行 operator_name 列：…}. */
        public Reason reason() {
            return reason;
        }
    }

    /**
     * Keeps the characters the parser has read so that a record's raw text can be cut out by
     * its character position. The parser reads ahead, so a record's raw text is its start up to
     * the next unquoted line end. After a malformed record it hands the text already read out
     * again from the line where reading goes on ({@link #rewindTo}), then reads on.
     */
    static final class RecordingReader extends Reader {
        /** Text before the last records is dropped in steps of at least this many characters. */
        private static final int DISCARD_STEP = 1 << 20;

        private final Reader in;
        private final StringBuilder buf = new StringBuilder();
        private long base; // character position of buf[0]
        /** Position of the next character handed to the parser: before the end of buf while replaying. */
        private long handedOut;
        /** Start of the record being read: reading more than maxRecordChars past it stops. */
        private long recordStart;
        private final int maxRecordChars;

        /** A record ran on past the longest followed (a quoted field never closed, as a rule). */
        static final class RecordTooLong extends IOException {
            private static final long serialVersionUID = 1L;

            private final int limit;

            RecordTooLong(int limit) {
                super("a record runs on for more than " + limit + " characters");
                this.limit = limit;
            }
        }

        RecordingReader(Reader in, int maxRecordChars) {
            this.in = in;
            this.maxRecordChars = maxRecordChars;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            long end = base + buf.length();
            if (handedOut < end) {
                int from = (int) (handedOut - base);
                int n = (int) Math.min(len, end - handedOut);
                buf.getChars(from, from + n, cbuf, off);
                handedOut += n;
                return n;
            }
            if (end - recordStart > maxRecordChars) {
                throw new RecordTooLong(maxRecordChars);
            }
            int n = in.read(cbuf, off, len);
            if (n > 0) {
                buf.append(cbuf, off, n);
                handedOut += n;
            }
            return n;
        }

        /** The parser has reached the record at {@code position}. */
        void recordStartsAt(long position) {
            recordStart = position;
        }

        /** Reading goes on at {@code position}, a line start within the text read. */
        void rewindTo(long position) {
            handedOut = position;
            recordStart = position;
        }

        /** The text from {@code start} to {@code end} (character positions within the text kept). */
        String text(long start, long end) {
            return buf.substring((int) (start - base), (int) (end - base));
        }

        /**
         * Where the line that ends at or after {@code position} ends, and where the next line
         * starts ({@code \r\n}, {@code \n} or {@code \r}; the end of the file), reading on
         * when the text read stops short of it, for at most the longest record followed.
         */
        LineEnd lineEndAt(long position) throws IOException {
            int i = (int) (position - base);
            while (true) {
                for (; i < buf.length(); i++) {
                    char c = buf.charAt(i);
                    if (c == '\n' || c == '\r') {
                        if (c == '\r' && i + 1 == buf.length()) {
                            break; // a \n may follow: read on
                        }
                        int next = c == '\r' && buf.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                        return new LineEnd(base + i, base + next);
                    }
                }
                if (buf.length() - (position - base) > maxRecordChars) {
                    throw new RecordTooLong(maxRecordChars); // a "line" that long is no delivered row
                }
                char[] chunk = new char[8192];
                int n = in.read(chunk, 0, chunk.length);
                if (n < 0) {
                    int end = i < buf.length() ? i + 1 : buf.length(); // a last \r, or none
                    return new LineEnd(base + i, base + end);
                }
                buf.append(chunk, 0, n);
            }
        }

        /** The end of a line's text and the start of the next line, as character positions. */
        record LineEnd(long textEnd, long next) {
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
         * Where a record's quoting breaks, as found in the text read: on {@code line}, in field
         * {@code field} (0-based), of the record that starts on {@code startLine} at position
         * {@code start}; {@code end} is where the text of the line it breaks on ends (or where
         * the text read ends, when the line end is not read yet).
         */
        record Break(boolean neverClosed, long line, int field, long startLine, long start, long end) {
            /**
             * {@code at line 7, column operator_name: why}, in English and Chinese. A header's
             * quote never closed would swallow the file; a row's swallows at most its line.
             */
            Reason where(List<String> header, boolean inHeader) {
                String at = "at line " + line + ", " + column(header, field) + ": ";
                String atZh = "第 " + line + " 行" + columnZh(header, field) + "：";
                if (!neverClosed) {
                    return Reason.of(at + "text after the closing quote of a quoted field (a quote inside a field is written twice: \"\")",
                            atZh + "带引号的字段在结束引号之后还有文字（字段内的引号要写成两个：\"\"）");
                }
                return inHeader
                        ? Reason.of(at + "the quote that opens the field is never closed (the rest of the file would be inside it)",
                                atZh + "字段开头的引号没有闭合（文件的其余部分都会落在这个字段里）")
                        : Reason.of(at + "the quote that opens the field is never closed (the row is set aside to the end of"
                                        + " this line, and reading goes on at the next)",
                                atZh + "字段开头的引号没有闭合（该行到行尾为止被隔离，从下一行继续读取）");
            }
        }

        /**
         * Where the quoting of the record after the one at {@code position} (or of the record at
         * it, when {@code skipOne} is false) breaks; empty when it does not break in the text read.
         * A quote opens a quoted field only at the start of a field, and a quoted field must end
         * at a delimiter or a line end.
         *
         * @param firstLine the line the scan starts on: the record's, or the last line of the one skipped
         */
        Optional<Break> breakOf(long position, boolean skipOne, long firstLine) {
            if (position < base) {
                return Optional.empty();
            }
            int i = (int) (position - base);
            long line = firstLine;
            if (skipOne) {
                String previous = rawFrom(position);
                i = buf.indexOf(previous, i) + previous.length();
            }
            // The record starts after the line ends (and blank lines) before it.
            for (; i < buf.length() && (buf.charAt(i) == '\n' || buf.charAt(i) == '\r'); i++) {
                if (buf.charAt(i) == '\n' || i + 1 == buf.length() || buf.charAt(i + 1) != '\n') {
                    line++;
                }
            }
            int start = i;
            long startLine = line;
            int field = 0;
            boolean fieldStart = true;
            boolean quoted = false;
            int openedField = -1;
            long openedLine = -1;
            int openedAt = -1;
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
                            return Optional.of(new Break(false, line, field, startLine, base + start, base + lineEndFrom(i + 1)));
                        } else {
                            quoted = false;
                        }
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    openedField = field;
                    openedLine = line;
                    openedAt = i;
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
            return quoted ? Optional.of(new Break(true, openedLine, openedField, startLine, base + start, base + lineEndFrom(openedAt)))
                    : Optional.empty();
        }

        /** The index of the first line end at or after {@code i}, or the end of the text read. */
        private int lineEndFrom(int i) {
            int j = i;
            while (j < buf.length() && buf.charAt(j) != '\n' && buf.charAt(j) != '\r') {
                j++;
            }
            return j;
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
