package org.netmarket.staging;

import org.netmarket.rules.Reason;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Optional;

/**
 * The text of a CSV file as {@link CsvRecords}' parser reads it, kept so that a record's raw
 * text can be cut out by its character position. The parser reads ahead, so a record's raw text
 * is its start up to the next unquoted line end. Where a record's quoting breaks is found in this
 * text ({@link #breakOf}), and after a malformed record the text already read is handed out
 * again from the line where reading goes on ({@link #rewindTo}), then reading goes on.
 */
final class RecordingReader extends Reader {
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
    /** Whether the file was read to its end: what follows the text read is then known to be nothing. */
    private boolean endOfFile;

    /** A record ran on past the longest followed (a quoted field never closed, as a rule). */
    static final class RecordTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        private final int limit;

        RecordTooLong(int limit) {
            super("a record runs on for more than " + limit + " characters");
            this.limit = limit;
        }

        /** The longest record followed, in characters. */
        int limit() {
            return limit;
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
        endOfFile = n < 0;
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
    private LineEnd lineEndAt(long position) throws IOException {
        for (long p = position; ; p++) {
            if (p - position > maxRecordChars) {
                throw new RecordTooLong(maxRecordChars); // a "line" that long is no delivered row
            }
            int c = charAt(p);
            if (c < 0) {
                return new LineEnd(p, p);
            }
            if (c == '\n' || c == '\r') {
                return new LineEnd(p, c == '\r' && charAt(p + 1) == '\n' ? p + 2 : p + 1);
            }
        }
    }

    /** The end of a line's text and the start of the next line, as character positions. */
    private record LineEnd(long textEnd, long next) {
    }

    /** The end of a malformed record's text, the start of the line after it, and the line it ends on. */
    record RecordEnd(long textEnd, long next, long line) {
    }

    /**
     * Where a record whose quoting broke ends. A quote never closed: at the end of the line it
     * opens on (it would take the rest of the file). Text after a closing quote: the rest of the
     * record is read on as a lenient reader would — the text taken into the field, a quote
     * opening a quoted field only at the start of a field — and the record ends at the first
     * line end outside a quoted field: a multi-line field opened later on the line is followed
     * to its close, so that its next lines are not read as rows. Such a quote never closed (or
     * not within the longest record followed) is one never closed: the record ends at the end
     * of its line.
     */
    RecordEnd endOf(Break broken) throws IOException {
        if (broken.neverClosed()) {
            LineEnd end = lineEndAt(broken.at());
            return new RecordEnd(end.textEnd(), end.next(), broken.line());
        }
        long line = broken.line();
        boolean quoted = false;
        boolean fieldStart = false;
        long openedAt = -1;
        long openedLine = -1;
        for (long p = broken.at(); ; p++) {
            if (p - broken.start() > maxRecordChars && !quoted) {
                throw new RecordTooLong(maxRecordChars); // a "line" that long is no delivered row
            }
            int c = charAt(p);
            if (c < 0 && !quoted) {
                return new RecordEnd(p, p, line);
            }
            if (c < 0 || p - broken.start() > maxRecordChars) {
                LineEnd end = lineEndAt(openedAt);
                return new RecordEnd(end.textEnd(), end.next(), openedLine);
            }
            boolean crlf = c == '\r' && charAt(p + 1) == '\n';
            if (quoted) {
                if (c == '"' && charAt(p + 1) == '"') {
                    p++;
                } else if (c == '"') {
                    quoted = false;
                } else if (c == '\n' || c == '\r') {
                    line++;
                    p += crlf ? 1 : 0;
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                openedAt = p;
                openedLine = line;
            } else if (c == '\n' || c == '\r') {
                return new RecordEnd(p, p + (crlf ? 2 : 1), line);
            } else {
                fieldStart = c == ',';
            }
        }
    }

    /** The character at {@code position} (at or after the text kept), reading on as needed; -1 past the end of the file. */
    private int charAt(long position) throws IOException {
        int i = (int) (position - base);
        char[] chunk = null;
        while (i >= buf.length() && !endOfFile) {
            chunk = chunk == null ? new char[8192] : chunk;
            int n = in.read(chunk, 0, chunk.length);
            endOfFile = n < 0;
            if (n > 0) {
                buf.append(chunk, 0, n);
            }
        }
        return i < buf.length() ? buf.charAt(i) : -1;
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
     * {@code start}; {@code at} is a position on the line it breaks on (where the text after a
     * closing quote starts, or the quote never closed), from which {@link #endOf} finds where
     * the record ends.
     */
    record Break(boolean neverClosed, long line, int field, long startLine, long start, long at) {
        /** The header's name of the field the quoting breaks in; null beyond the header's fields. */
        String column(List<String> header) {
            return field < header.size() ? header.get(field) : null;
        }

        /**
         * {@code at line 7, column operator_name: why}, in English and Chinese. A header's
         * quote never closed would swallow the file; a row's swallows at most its line.
         */
        Reason where(List<String> header, boolean inHeader) {
            String name = column(header);
            String at = "at line " + line + ", " + (name != null ? "column " + name : "field " + (field + 1)) + ": ";
            String atZh = "第 " + line + " 行" + (name != null ? " " + name + " 列" : "第 " + (field + 1) + " 个字段") + "：";
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
                    } else {
                        switch (afterQuote(i + 1)) {
                            case TEXT -> {
                                return Optional.of(new Break(false, line, field, startLine, base + start, base + i + 1));
                            }
                            case FIELD_END -> quoted = false;
                            // The text read ends before it tells (a second quote, a delimiter or
                            // text may come next): the field runs on as far as is known.
                            case UNKNOWN -> { }
                        }
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
        return quoted ? Optional.of(new Break(true, openedLine, openedField, startLine, base + start, base + openedAt))
                : Optional.empty();
    }

    /** What follows a quote that closes a quoted field, unless the text read ends first. */
    private enum AfterQuote { FIELD_END, TEXT, UNKNOWN }

    /**
     * What the text at {@code i}, after a quote that is not doubled, makes of it: the end of the
     * field (a delimiter, a line end or the end of the file, after any whitespace but a line end:
     * Commons CSV skips {@link Character#isWhitespace} there, the ideographic space U+3000 too),
     * text after the field, or nothing yet when the text read ends before the file does.
     */
    private AfterQuote afterQuote(int i) {
        int j = i;
        while (j < buf.length() && buf.charAt(j) != '\r' && buf.charAt(j) != '\n' && Character.isWhitespace(buf.charAt(j))) {
            j++;
        }
        if (j == buf.length()) {
            return endOfFile ? AfterQuote.FIELD_END : AfterQuote.UNKNOWN;
        }
        return ",\r\n".indexOf(buf.charAt(j)) >= 0 ? AfterQuote.FIELD_END : AfterQuote.TEXT;
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
