package org.netmarket.staging;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.netmarket.rules.Reason;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 4180 records with the line each starts on and its raw text as delivered. */
class CsvRecordsTest {

    private static List<CsvRecords.Line> read(String text) throws IOException {
        try (CsvRecords r = new CsvRecords(new StringReader(text))) {
            List<CsvRecords.Line> out = new ArrayList<>();
            while (r.hasNext()) {
                out.add(r.next());
            }
            return out;
        }
    }

    private static void assertLine(CsvRecords.Line l, long line, String raw, String... fields) {
        assertEquals(line, l.lineNumber(), "line of " + raw);
        assertEquals(raw, l.raw(), "raw text of the record on line " + line);
        assertArrayEquals(fields, l.fields(), "fields of the record on line " + line);
    }

    @Test
    void headerIsTrimmedAndALeadingBomDropped() throws IOException {
        try (CsvRecords r = new CsvRecords(new StringReader("\uFEFFregion_code, region_name ,level\n330100,杭州市,city\n"))) {
            assertEquals(List.of("region_code", "region_name", "level"), r.header());
        }
    }

    @Test
    void aBomBeforeAQuotedFirstColumnNameIsDropped() throws IOException {
        // With the BOM left in, the quote would not open the field and the name would keep its quotes.
        List<CsvRecords.Line> lines;
        try (CsvRecords r = new CsvRecords(new StringReader("\uFEFF\"region_code\",level\n330100,city\n"))) {
            assertEquals(List.of("region_code", "level"), r.header());
            lines = List.of(r.next());
        }
        assertLine(lines.get(0), 2, "330100,city", "330100", "city");
    }

    @Test
    void rawTextOfTheLastTwoRecordsSurvivesAFileOfManyMegabytes() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        int rows = 150_000; // about 3.5 million characters: the recorded text is discarded several times
        for (int i = 0; i < rows; i++) {
            text.append(i).append(",\"name ").append(i).append(", with a comma\"\n");
        }
        try (CsvRecords r = new CsvRecords(new StringReader(text.toString()))) {
            CsvRecords.Line previous = null;
            CsvRecords.Line current = null;
            int n = 0;
            while (r.hasNext()) {
                previous = current;
                current = r.next();
                if (n % 10_007 == 0) {
                    assertLine(current, n + 2, n + ",\"name " + n + ", with a comma\"", String.valueOf(n),
                            "name " + n + ", with a comma");
                }
                n++;
            }
            assertEquals(rows, n);
            assertLine(previous, rows, (rows - 2) + ",\"name " + (rows - 2) + ", with a comma\"",
                    String.valueOf(rows - 2), "name " + (rows - 2) + ", with a comma");
        }
    }

    @Test
    void recordsWithLfLineEnds() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n1,2\n3,4\n");
        assertEquals(2, lines.size());
        assertLine(lines.get(0), 2, "1,2", "1", "2");
        assertLine(lines.get(1), 3, "3,4", "3", "4");
    }

    @Test
    void recordsWithCrlfLineEnds() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\r\n1,2\r\n3,4\r\n");
        assertLine(lines.get(0), 2, "1,2", "1", "2");
        assertLine(lines.get(1), 3, "3,4", "3", "4");
    }

    @Test
    void theLastRecordNeedsNoLineEnd() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n1,2\n3,4");
        assertLine(lines.get(1), 3, "3,4", "3", "4");
    }

    @Test
    void quotedCommasAndDoubledQuotes() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n\"杭州, 浙江\",\"say \"\"hi\"\"\"\n5,6\n");
        assertLine(lines.get(0), 2, "\"杭州, 浙江\",\"say \"\"hi\"\"\"", "杭州, 浙江", "say \"hi\"");
        assertLine(lines.get(1), 3, "5,6", "5", "6");
    }

    @Test
    void aLineBreakInsideAQuotedFieldKeepsTheFollowingLineNumbersRight() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n1,\"multi\nline\nthree\"\n5,6\n7,8\n");
        assertEquals(3, lines.size());
        assertLine(lines.get(0), 2, "1,\"multi\nline\nthree\"", "1", "multi\nline\nthree");
        assertLine(lines.get(1), 5, "5,6", "5", "6");
        assertLine(lines.get(2), 6, "7,8", "7", "8");
    }

    @Test
    void aQuotedCrlfIsKeptInTheFieldAndTheRawText() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\r\n1,\"x\r\ny\"\r\n3,4\r\n");
        assertLine(lines.get(0), 2, "1,\"x\r\ny\"", "1", "x\r\ny");
        assertLine(lines.get(1), 4, "3,4", "3", "4");
    }

    @Test
    void aDoubledQuoteInsideAMultiLineFieldDoesNotEndIt() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n1,\"he said \"\"no\"\"\nand left\"\n2,3\n");
        assertLine(lines.get(0), 2, "1,\"he said \"\"no\"\"\nand left\"", "1", "he said \"no\"\nand left");
        assertLine(lines.get(1), 4, "2,3", "2", "3");
    }

    @Test
    void blankLinesAreSkippedWithoutShiftingLineNumbers() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n1,2\n\n3,4\n\r\n\r\n5,6\n");
        assertEquals(3, lines.size());
        assertLine(lines.get(0), 2, "1,2", "1", "2");
        assertLine(lines.get(1), 4, "3,4", "3", "4");
        assertLine(lines.get(2), 7, "5,6", "5", "6");
    }

    @Test
    void blankLinesAfterTheHeader() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n\n\n1,2\n");
        assertLine(lines.get(0), 4, "1,2", "1", "2");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() throws IOException {
        // Not a quoted field (it does not start with a quote), so the record ends at its line end.
        List<CsvRecords.Line> lines = read("a,b\n1,5\"2 screen\n2,3\n");
        assertEquals(2, lines.size());
        assertLine(lines.get(0), 2, "1,5\"2 screen", "1", "5\"2 screen");
        assertLine(lines.get(1), 3, "2,3", "2", "3");
    }

    @Test
    void fieldsAreNotTrimmed() throws IOException {
        assertLine(read("a,b\n 1 , x\n").get(0), 2, " 1 , x", " 1 ", " x");
    }

    /** A record set aside for its quoting: the line it starts on, its raw text, the column blamed and the reason. */
    private static void assertMalformed(CsvRecords.Line l, long line, String raw, String column, String reason) {
        assertNotNull(l.malformation(), "the record on line " + line + " is set aside for its quoting: " + l.raw());
        assertEquals(line, l.lineNumber(), "line of " + raw);
        assertEquals(raw, l.raw(), "raw text of the malformed record on line " + line);
        assertEquals(column, l.malformation().column(), "column blamed on line " + line);
        assertEquals(reason, l.malformation().reason().en(), "reason on line " + line);
        assertEquals(0, l.fields().length, "a malformed record has no fields");
    }

    private static final String NEVER_CLOSED = ": the quote that opens the field is never closed (the row is set aside to"
            + " the end of this line, and reading goes on at the next)";
    private static final String TEXT_AFTER = ": text after the closing quote of a quoted field (a quote inside a field is written twice: \"\")";

    @Test
    void anUnterminatedQuoteSetsItsLineAsideAndReadingGoesOnAtTheNext() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n1,2\n3,\"never closed\n4,5\n");
        assertEquals(3, lines.size());
        assertLine(lines.get(0), 2, "1,2", "1", "2");
        assertMalformed(lines.get(1), 3, "3,\"never closed", "b", "malformed CSV at line 3, column b" + NEVER_CLOSED);
        assertLine(lines.get(2), 4, "4,5", "4", "5");
        assertNull(lines.get(2).malformation());
    }

    @Test
    void textAfterAClosingQuoteSetsTheRecordAsideAtItsLineAndColumn() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n1,\"ab\"c\n2,3\n");
        assertMalformed(lines.get(0), 2, "1,\"ab\"c", "b", "malformed CSV at line 2, column b" + TEXT_AFTER);
        assertLine(lines.get(1), 3, "2,3", "2", "3");
        // Blanks after the closing quote are allowed, other text is not; the raw text keeps no CR.
        lines = read("a,b\r\n\"x\" y,2\r\n\"x\" ,3\r\n");
        assertMalformed(lines.get(0), 2, "\"x\" y,2", "a", "malformed CSV at line 2, column a" + TEXT_AFTER);
        assertLine(lines.get(1), 3, "\"x\" ,3", "x", "3");
    }

    /**
     * After a closing quote Commons CSV skips any whitespace but a line end (an ideographic space,
     * a vertical tab), so the quoting breaks where it says, not at such a blank: the record runs
     * on to the text after the next quote, and its lines are not read as rows.
     */
    @Test
    void whitespaceAfterAClosingQuoteIsWhatCommonsCsvAllows() throws IOException {
        for (String blank : List.of("\u3000", "\u000B", " \t")) {
            List<CsvRecords.Line> lines = read("a,b\n\"x\"" + blank + ",\"p\nq\"r\n5,6\n");
            assertEquals(2, lines.size(), "after " + blank.codePointAt(0));
            assertMalformed(lines.get(0), 2, "\"x\"" + blank + ",\"p\nq\"r", "b", "malformed CSV at line 3, column b" + TEXT_AFTER);
            assertLine(lines.get(1), 4, "5,6", "5", "6");
        }
        assertMalformed(read("a,b\n\"x\"\u3000,\"p\n7,8\n").get(0), 2, "\"x\"\u3000,\"p", "b",
                "malformed CSV at line 2, column b" + NEVER_CLOSED);
    }

    @Test
    void theLineOfAMalformedRecordCountsQuotedLineBreaksAndBlankLinesBeforeIt() throws IOException {
        // line 2-3: one record with a line break inside a quoted field; 4: blank; 5: malformed
        List<CsvRecords.Line> lines = read("id,name,note\n1,\"two\nlines\",x\n\n2,ok,\"\"\"quoted\"\" then\" more\n3,c,d\n");
        assertLine(lines.get(0), 2, "1,\"two\nlines\",x", "1", "two\nlines", "x");
        assertMalformed(lines.get(1), 5, "2,ok,\"\"\"quoted\"\" then\" more", "note", "malformed CSV at line 5, column note" + TEXT_AFTER);
        assertLine(lines.get(2), 6, "3,c,d", "3", "c", "d");
        lines = read("id,name,note\r\n1,a,b\r\n\r\n2,b,c\r\n\r\n3,\"x\"y,z\r\n\r\n4,d,e\r\n");
        assertMalformed(lines.get(2), 6, "3,\"x\"y,z", "name", "malformed CSV at line 6, column name" + TEXT_AFTER);
        assertLine(lines.get(3), 8, "4,d,e", "4", "d", "e");
    }

    /**
     * A stray quote that a later quote "closes" takes the lines between with it: they are in the
     * raw text set aside, none is lost or read as a record, and reading goes on after the line
     * where the quoting broke.
     */
    @Test
    void aStrayQuoteClosedLinesLaterSetsAsideEveryLineUpToTheBreak() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n1,\"x\n2,3\n4,\"y\"z\n5,6\n");
        assertEquals(2, lines.size());
        assertMalformed(lines.get(0), 2, "1,\"x\n2,3\n4,\"y\"z", "b", "malformed CSV at line 4, column b" + TEXT_AFTER);
        assertLine(lines.get(1), 5, "5,6", "5", "6");
    }

    /**
     * After text after a closing quote, a multi-line field opened later in the record is followed
     * to its close: its next lines belong to the record set aside and are not read as rows (a
     * fragment of them could pass as a record). A doubled quote in it does not close it.
     */
    @Test
    void aMultiLineFieldOpenedAfterTheBreakIsSetAsideWithItsRecord() throws IOException {
        for (String eol : List.of("\n", "\r\n")) {
            List<CsvRecords.Line> lines = read(("a,b,c\n\"x\"y,\"p\n1,\"\"2\n3\",z\n4,5,6\n").replace("\n", eol));
            assertEquals(2, lines.size(), "records with line ends " + eol.length());
            assertMalformed(lines.get(0), 2, "\"x\"y,\"p" + eol + "1,\"\"2" + eol + "3\",z", "a",
                    "malformed CSV at line 2, column a" + TEXT_AFTER);
            assertLine(lines.get(1), 5, "4,5,6", "4", "5", "6");
        }
        // A quote inside the text after the break opens nothing: the record ends with its line.
        List<CsvRecords.Line> lines = read("a,b\n\"x\"y\"p,q\"\n1,2\n");
        assertMalformed(lines.get(0), 2, "\"x\"y\"p,q\"", "a", "malformed CSV at line 2, column a" + TEXT_AFTER);
        assertLine(lines.get(1), 3, "1,2", "1", "2");
    }

    /**
     * A field opened after the break and never closed, or not within the longest record
     * followed, is a quote never closed: the record ends with the line it opens on, and every
     * row after that line is read.
     */
    @Test
    void aFieldOpenedAfterTheBreakAndNeverClosedEndsTheRecordAtItsLine() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n\"x\"y,\"p\n1,2\n3,4");
        assertEquals(3, lines.size());
        assertMalformed(lines.get(0), 2, "\"x\"y,\"p", "a", "malformed CSV at line 2, column a" + TEXT_AFTER);
        assertLine(lines.get(1), 3, "1,2", "1", "2");
        assertLine(lines.get(2), 4, "3,4", "3", "4");
        StringBuilder text = new StringBuilder("a,b\n\"x\"y,\"p\n");
        for (int i = 0; i < 200; i++) {
            text.append(i).append(",v\n");
        }
        text.append("q\",r\n");
        try (CsvRecords r = new CsvRecords(new StringReader(text.toString()), 100)) {
            assertMalformed(r.next(), 2, "\"x\"y,\"p", "a", "malformed CSV at line 2, column a" + TEXT_AFTER);
            for (int i = 0; i < 200; i++) {
                assertLine(r.next(), i + 3, i + ",v", String.valueOf(i), "v");
            }
        }
    }

    @Test
    void malformedRecordsOneAfterAnotherAreEachSetAside() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n1,\"x\"y\n\n2,\"z\"w\n3,\"never closed\n4,5\n6,7");
        assertEquals(5, lines.size());
        assertMalformed(lines.get(0), 2, "1,\"x\"y", "b", "malformed CSV at line 2, column b" + TEXT_AFTER);
        assertMalformed(lines.get(1), 4, "2,\"z\"w", "b", "malformed CSV at line 4, column b" + TEXT_AFTER);
        assertMalformed(lines.get(2), 5, "3,\"never closed", "b", "malformed CSV at line 5, column b" + NEVER_CLOSED);
        assertLine(lines.get(3), 6, "4,5", "4", "5");
        assertLine(lines.get(4), 7, "6,7", "6", "7");
    }

    @Test
    void aMalformedLastRecordWithoutALineEnd() throws IOException {
        List<CsvRecords.Line> lines = read("a,b\n1,2\n3,\"x");
        assertEquals(2, lines.size());
        assertMalformed(lines.get(1), 3, "3,\"x", "b", "malformed CSV at line 3, column b" + NEVER_CLOSED);
        lines = read("a,b\r\n\"x\"y,2\r");
        assertEquals(1, lines.size());
        assertMalformed(lines.get(0), 2, "\"x\"y,2", "a", "malformed CSV at line 2, column a" + TEXT_AFTER);
    }

    @Test
    void aFieldBeyondTheHeaderIsNamedByItsNumber() throws IOException {
        assertMalformed(read("a,b\n1,2,\"x\n").get(0), 2, "1,2,\"x", null, "malformed CSV at line 2, field 3" + NEVER_CLOSED);
    }

    @Test
    void aMalformedHeaderIsMalformedAtItsField() {
        CsvRecords.MalformedCsvException e = assertThrows(CsvRecords.MalformedCsvException.class,
                () -> new CsvRecords(new StringReader("a,\"b\n1,2\n")));
        assertEquals("malformed CSV header at line 1, field 2: the quote that opens the field is never closed"
                + " (the rest of the file would be inside it)", e.getMessage());
    }

    @Test
    void theReasonSaysWhereInChineseToo() throws IOException {
        assertEquals(Reason.of("malformed CSV at line 2, column b" + TEXT_AFTER,
                        "CSV 格式错误：第 2 行 b 列：带引号的字段在结束引号之后还有文字（字段内的引号要写成两个：\"\"）"),
                read("a,b\n1,\"ab\"c\n").get(0).malformation().reason());
        assertEquals("CSV 格式错误：第 2 行 b 列：字段开头的引号没有闭合（该行到行尾为止被隔离，从下一行继续读取）",
                read("a,b\n1,\"ab\n").get(0).malformation().reason().zh());
        CsvRecords.MalformedCsvException header = assertThrows(CsvRecords.MalformedCsvException.class,
                () -> new CsvRecords(new StringReader("a,\"b\n1,2\n")));
        assertEquals("CSV 格式错误：表头第 1 行第 2 个字段：字段开头的引号没有闭合（文件的其余部分都会落在这个字段里）", header.reason().zh());
    }

    /**
     * A quote never closed near the top of a large file is followed only so far: the reader does
     * not take the rest of the file into memory looking for its end, and every row after its
     * line is still read.
     */
    @Test
    void aQuoteNeverClosedIsFollowedOnlySoFar() throws IOException {
        int cap = 1_000;
        int rows = 100_000;
        StringBuilder text = new StringBuilder("a,b\n1,\"never closed\n");
        for (int i = 0; i < rows; i++) {
            text.append(i).append(",v").append(i).append('\n');
        }
        CountingReader in = new CountingReader(new StringReader(text.toString()));
        try (CsvRecords r = new CsvRecords(in, cap)) {
            assertMalformed(r.next(), 2, "1,\"never closed", "b", "malformed CSV at line 2, column b" + NEVER_CLOSED);
            assertTrue(in.read < cap + 4 * 8192, "read " + in.read + " of " + text.length() + " characters for one record");
            int n = 0;
            while (r.hasNext()) {
                CsvRecords.Line l = r.next();
                if (n % 9_973 == 0) {
                    assertLine(l, n + 3, n + ",v" + n, String.valueOf(n), "v" + n);
                }
                n++;
            }
            assertEquals(rows, n, "every row after the malformed one is read");
        }
    }

    /**
     * A quote that is the last character read when the record grows too long may be the first
     * of a doubled pair: it does not close the field, which is set aside as never closed, and the
     * rows after its line are read.
     */
    @Test
    void aQuoteLastReadWhenTheRecordGrowsTooLongDoesNotCloseTheField() throws IOException {
        StringBuilder rest = new StringBuilder("\"\n");
        for (int i = 0; i < 50; i++) {
            rest.append(i).append(",\"\"\n");
        }
        // The first read ends right after the first quote of the pair on line 3.
        Reader in = new ChunkedReader("a,b\n1,\"x\n2,\"", rest.toString());
        try (CsvRecords r = new CsvRecords(in, 10)) {
            assertMalformed(r.next(), 2, "1,\"x", "b", "malformed CSV at line 2, column b" + NEVER_CLOSED);
            assertLine(r.next(), 3, "2,\"\"", "2", "");
            int n = 0;
            while (r.hasNext()) {
                assertLine(r.next(), n + 4, n + ",\"\"", String.valueOf(n), "");
                n++;
            }
            assertEquals(50, n);
        }
    }

    /** A reader that hands out its chunks one read at a time, each at most as asked. */
    private static final class ChunkedReader extends Reader {
        private final java.util.ArrayDeque<String> chunks;

        ChunkedReader(String... chunks) {
            this.chunks = new java.util.ArrayDeque<>(List.of(chunks));
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (chunks.isEmpty()) {
                return -1;
            }
            String c = chunks.pop();
            int n = Math.min(len, c.length());
            c.getChars(0, n, cbuf, off);
            if (n < c.length()) {
                chunks.push(c.substring(n));
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** A record too long with no open quote to blame cannot be set aside line by line: the file fails. */
    @Test
    void aRecordTooLongWithoutAnOpenQuoteFailsTheFile() throws IOException {
        try (CsvRecords r = new CsvRecords(new StringReader("a,b\n1,2\n" + "x".repeat(50_000) + "\n3,4\n"), 1_000)) {
            assertLine(r.next(), 2, "1,2", "1", "2");
            CsvRecords.MalformedCsvException e = assertThrows(CsvRecords.MalformedCsvException.class, r::hasNext);
            assertTrue(e.getMessage().startsWith("malformed CSV after line 2: ") && e.getMessage().contains("more than 1000 characters"),
                    e.getMessage());
        }
    }

    /** Nor can a quote never closed on a line that runs on past the longest record followed. */
    @Test
    void aQuoteNeverClosedOnALineTooLongFailsTheFile() throws IOException {
        try (CsvRecords r = new CsvRecords(new StringReader("a,b\n1,\"" + "x".repeat(50_000) + "\n3,4\n"), 1_000)) {
            CsvRecords.MalformedCsvException e = assertThrows(CsvRecords.MalformedCsvException.class, r::hasNext);
            assertEquals(Reason.of("malformed CSV at line 2: a record runs on for more than 1000 characters",
                    "CSV 格式错误：第 2 行：一条记录超过 1000 个字符"), e.reason());
        }
    }

    /** A reader that counts the characters read from it. */
    private static final class CountingReader extends java.io.FilterReader {
        long read;

        CountingReader(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }

    @Test
    void anEmptyFileHasNoHeaderAndNoRecords() throws IOException {
        try (CsvRecords r = new CsvRecords(new StringReader(""))) {
            assertEquals(List.of(), r.header());
            assertFalse(r.hasNext());
            assertThrows(NoSuchElementException.class, r::next);
        }
    }

    @Test
    void aHeaderOnlyFileHasNoRecords() throws IOException {
        try (CsvRecords r = new CsvRecords(new StringReader("a,b\r\n"))) {
            assertEquals(List.of("a", "b"), r.header());
            assertFalse(r.hasNext());
        }
    }

    /**
     * Files of commas, quotes, blanks and line ends in random order, against what the reader
     * promises for any file: every character is in a record's or a malformed record's raw text
     * or a line end between them (nothing is lost, nothing read twice), each record starts on
     * the line it says, and a record that parsed has the fields its raw text has alone.
     */
    @Test
    void anyFileIsCutIntoRecordsAndMalformedRecordsWithoutLosingACharacter() throws IOException {
        String[] pieces = {"a", "b", ",", ",", "\"", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\u3000"};
        Random random = new Random(20261130);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder body = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            String file = "h1,h2,h3\n" + body;
            String at = "file " + n + " " + file.replace("\r", "\\r").replace("\n", "\\n");
            int cursor = "h1,h2,h3\n".length();
            for (CsvRecords.Line l : read(file)) {
                int start = file.indexOf(l.raw(), cursor);
                assertTrue(start >= 0 && lineEndsOnly(file.substring(cursor, start)),
                        at + ": the text before " + l.raw() + " is not only line ends");
                assertEquals(1 + lineBreaks(file.substring(0, start)), l.lineNumber(), at + ": line of " + l.raw());
                if (l.malformation() == null) {
                    assertArrayEquals(fieldsAlone(l.raw()), l.fields(), at + ": fields of " + l.raw());
                }
                cursor = start + l.raw().length();
            }
            assertTrue(lineEndsOnly(file.substring(cursor)), at + ": text after the last record");
        }
    }

    private static boolean lineEndsOnly(String text) {
        return text.chars().allMatch(c -> c == '\n' || c == '\r');
    }

    private static long lineBreaks(String text) {
        return text.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
    }

    private static String[] fieldsAlone(String raw) throws IOException {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(raw)).setFormat(CSVFormat.RFC4180).get()) {
            List<CSVRecord> records = p.getRecords();
            assertEquals(1, records.size(), "records in " + raw);
            return records.get(0).values();
        }
    }

    @Test
    void rowsMayHaveAnotherNumberOfFieldsThanTheHeader() throws IOException {
        // Judging the width is the scan's job; the reader hands the record over as it is.
        assertLine(read("a,b\n1,2,3\n").get(0), 2, "1,2,3", "1", "2", "3");
    }
}
