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

/**
 * Iterates the records of one decoded CSV file (RFC 4180 as Apache Commons CSV parses it: quoted
 * commas, doubled quotes and line breaks inside quoted fields; LF, CRLF or a lone CR; blank lines skipped)
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
 * breaks, which is the most a clerk's stray quote can have swallowed, or on to the close of a
 * multi-line field opened after the break ({@link RecordingReader#endOf}) — and reading goes on
 * at the next line, so that one bad quote sets one row aside instead of failing the file. Every
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
    /** The line the header starts on: after any blank lines that come before it. */
    private long headerLine = 1;
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

    /** With another limit on a record's length than {@link #MAX_RECORD_CHARS} (for tests). */
    CsvRecords(Reader reader, int maxRecordChars) throws IOException {
        this.recorder = new RecordingReader(withoutBom(reader), maxRecordChars);
        startParser();
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
            CSVRecord first = records.next();
            headerLine = 1 + recorder.blankLinesAt(first.getCharacterPosition());
            for (String s : first) {
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

    /** The line the header starts on, 1 unless blank lines come before it; the file's problems with it name this line. */
    public long headerLine() {
        return headerLine;
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
        }
    }

    /** A parser of the text from where the recorder hands it out next. */
    private void startParser() throws IOException {
        parser = CSVParser.builder().setReader(recorder).setFormat(FORMAT).get();
        records = parser.iterator();
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
            RecordingReader.RecordEnd end = recorder.endOf(broken);
            Line malformed = new Line(broken.startLine(), recorder.text(broken.start(), end.textEnd()),
                    new Malformation(broken.column(header), malformedCsv(broken.where(header, false))));
            lineBase = end.line();
            linesConsumed = end.line();
            positionBase = end.next();
            recorder.discardBefore(previousStart);
            previousStart = end.next();
            restarted = true;
            recorder.rewindTo(end.next());
            startParser();
            return malformed;
        } catch (RecordingReader.RecordTooLong e) {
            throw new MalformedCsvException(Reason.of("at line " + broken.line() + ": " + e.getMessage(),
                    "第 " + broken.line() + " 行：一条记录超过 " + e.limit() + " 个字符"), e);
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
}
