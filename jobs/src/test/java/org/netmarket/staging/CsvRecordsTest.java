package org.netmarket.staging;

import org.junit.jupiter.api.Test;
import org.netmarket.rules.Reason;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static String malformation(String csv, int recordsBefore) throws IOException {
        try (CsvRecords r = new CsvRecords(new StringReader(csv))) {
            for (int i = 0; i < recordsBefore; i++) {
                r.next();
            }
            return assertThrows(CsvRecords.MalformedCsvException.class, r::hasNext).getMessage();
        }
    }

    private static final String NEVER_CLOSED = ": the quote that opens the field is never closed (the rest of the file would be inside it)";
    private static final String TEXT_AFTER = ": text after the closing quote of a quoted field (a quote inside a field is written twice: \"\")";

    @Test
    void anUnterminatedQuoteIsMalformedAtItsLineAndColumn() throws IOException {
        try (CsvRecords r = new CsvRecords(new StringReader("a,b\n1,2\n3,\"never closed\n4,5\n"))) {
            assertLine(r.next(), 2, "1,2", "1", "2");
            CsvRecords.MalformedCsvException e = assertThrows(CsvRecords.MalformedCsvException.class, r::hasNext);
            assertEquals("malformed CSV at line 3, column b" + NEVER_CLOSED, e.getMessage());
        }
    }

    @Test
    void textAfterAClosingQuoteIsMalformedAtItsLineAndColumn() throws IOException {
        assertEquals("malformed CSV at line 2, column b" + TEXT_AFTER, malformation("a,b\n1,\"ab\"c\n", 0));
        assertEquals("malformed CSV at line 2, column a" + TEXT_AFTER, malformation("a,b\r\n\"x\" y,2\r\n", 0),
                "blanks after the closing quote are allowed, other text is not");
    }

    @Test
    void theLineOfAMalformedRecordCountsQuotedLineBreaksAndBlankLinesBeforeIt() throws IOException {
        // line 2-3: one record with a line break inside a quoted field; 4: blank; 5: malformed
        String csv = "id,name,note\n1,\"two\nlines\",x\n\n2,ok,\"\"\"quoted\"\" then\" more\n3,c,d\n";
        assertEquals("malformed CSV at line 5, column note" + TEXT_AFTER, malformation(csv, 1));
        assertEquals("malformed CSV at line 6, column name" + TEXT_AFTER,
                malformation("id,name,note\r\n1,a,b\r\n\r\n2,b,c\r\n\r\n3,\"x\"y,z\r\n", 2), "CRLF");
    }

    @Test
    void aFieldBeyondTheHeaderIsNamedByItsNumber() throws IOException {
        assertEquals("malformed CSV at line 2, field 3" + NEVER_CLOSED, malformation("a,b\n1,2,\"x\n", 0));
    }

    @Test
    void aMalformedHeaderIsMalformedAtItsField() {
        CsvRecords.MalformedCsvException e = assertThrows(CsvRecords.MalformedCsvException.class,
                () -> new CsvRecords(new StringReader("a,\"b\n1,2\n")));
        assertEquals("malformed CSV header at line 1, field 2" + NEVER_CLOSED, e.getMessage());
    }

    @Test
    void theReasonSaysWhereInChineseToo() throws IOException {
        try (CsvRecords r = new CsvRecords(new StringReader("a,b\n1,\"ab\"c\n"))) {
            assertEquals(Reason.of("malformed CSV at line 2, column b" + TEXT_AFTER,
                            "CSV 格式错误：第 2 行 b 列：带引号的字段在结束引号之后还有文字（字段内的引号要写成两个：\"\"）"),
                    assertThrows(CsvRecords.MalformedCsvException.class, r::hasNext).reason());
        }
        CsvRecords.MalformedCsvException header = assertThrows(CsvRecords.MalformedCsvException.class,
                () -> new CsvRecords(new StringReader("a,\"b\n1,2\n")));
        assertEquals("CSV 格式错误：表头第 1 行第 2 个字段：字段开头的引号没有闭合（文件的其余部分都会落在这个字段里）", header.reason().zh());
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

    @Test
    void rowsMayHaveAnotherNumberOfFieldsThanTheHeader() throws IOException {
        // Judging the width is the scan's job; the reader hands the record over as it is.
        assertLine(read("a,b\n1,2,3\n").get(0), 2, "1,2,3", "1", "2", "3");
    }
}
