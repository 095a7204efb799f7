package org.netmarket.staging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.edition.TestEditions;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.RowValidator;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.extract.ValidationContext;
import org.netmarket.rules.Reason;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One delivered file read as events: rows, quarantined rows, then the file report. */
class ExtractFileScanTest {
    private static final SchemaCatalog CATALOG = SchemaCatalog.load();
    /** regions.csv: region_code, region_name, parent_code (optional), level, economic_zone. */
    private static final ExtractSchema REGIONS = CATALOG.get("regions");
    private static final String HEADER = "region_code,region_name,parent_code,level,economic_zone";

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** The bytes of the parts one after the other (a byte-order mark, then the text). */
    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ExtractFileScan.Event> scan(Path file, ExtractSchema schema, ValidationContext context) throws IOException {
        List<ExtractFileScan.Event> events = new ArrayList<>();
        try (ExtractFileScan s = ExtractFileScan.open(file.toString(), () -> Files.newInputStream(file),
                new RowValidator(schema, context))) {
            s.forEachRemaining(events::add);
        }
        ExtractFileScan.Event last = events.get(events.size() - 1);
        assertTrue(last.isReport(), "the scan ends with the file report");
        assertEquals(1, events.stream().filter(ExtractFileScan.Event::isReport).count(), "exactly one report");
        return events;
    }

    private static List<ExtractFileScan.Event> scanRegions(Path file) throws IOException {
        return scan(file, REGIONS, new ValidationContext(null, TestEditions.edition2022()));
    }

    private static FileReport report(List<ExtractFileScan.Event> events) {
        return events.get(events.size() - 1).report();
    }

    private static List<ExtractFileScan.Event> rows(List<ExtractFileScan.Event> events) {
        return events.stream().filter(ExtractFileScan.Event::isRow).toList();
    }

    private static List<ExtractFileScan.Event> rejections(List<ExtractFileScan.Event> events) {
        return events.stream().filter(ExtractFileScan.Event::isRejection).toList();
    }

    @Test
    void aGoodFileGivesTypedRowsAndAReport() throws IOException {
        Path f = write("regions.csv", HEADER + "\n330100,杭州市,330000,city,east\n330102,上城区,330100,county,east\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        List<ExtractFileScan.Event> rows = rows(events);
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).line());
        assertArrayEquals(new Object[]{"330100", "杭州市", "330000", "city", "east"}, rows.get(0).values());
        assertEquals(3, rows.get(1).line());
        FileReport r = report(events);
        assertEquals("regions", r.extract());
        assertEquals(f.toString(), r.path());
        assertEquals("UTF-8", r.encoding());
        assertEquals(Files.size(f), r.bytes());
        assertEquals(64, r.sha256().length());
        assertEquals(2, r.rowsRead());
        assertEquals(0, r.rowsQuarantined());
        assertEquals(List.of(), r.extraColumns());
        assertNull(r.problem());
        assertFalse(r.failed());
        assertEquals(-1, r.firstNonUtf8Byte(), "every byte is UTF-8");
    }

    @Test
    void columnsMayComeInAnyOrder() throws IOException {
        Path f = write("regions.csv", "economic_zone,level,parent_code,region_name,region_code\nwest,county,330100,某县,330199\n");
        List<ExtractFileScan.Event> rows = rows(scanRegions(f));
        assertArrayEquals(new Object[]{"330199", "某县", "330100", "county", "west"}, rows.get(0).values(),
                "values in schema order whatever the file's order");
    }

    @Test
    void extraColumnsAreReadOverAndNamedInTheReport() throws IOException {
        Path f = write("regions.csv", "remark," + HEADER + ",population\nnew,330100,杭州市,330000,city,east,12000000\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        assertArrayEquals(new Object[]{"330100", "杭州市", "330000", "city", "east"}, rows(events).get(0).values());
        assertEquals(List.of("remark", "population"), report(events).extraColumns());
        assertFalse(report(events).failed());
        // A column without a name is named by its place.
        f = write("regions.csv", HEADER + ",\n330100,杭州市,330000,city,east,\n");
        events = scanRegions(f);
        assertEquals(1, rows(events).size());
        assertEquals(List.of("(unnamed column 6)"), report(events).extraColumns());
        // An extra column given twice is named once.
        f = write("regions.csv", "remark," + HEADER + ",remark\nnew,330100,杭州市,330000,city,east,old\n");
        events = scanRegions(f);
        assertEquals(1, rows(events).size());
        assertEquals(List.of("remark"), report(events).extraColumns());
    }

    @Test
    void aMissingRequiredColumnFailsTheFileNamingFileAndColumn() throws IOException {
        Path f = write("regions.csv", "region_code,region_name,parent_code,economic_zone\n330100,杭州市,330000,east\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        assertEquals(1, events.size(), "no rows are read from a file that lacks a column");
        FileReport r = report(events);
        assertTrue(r.failed());
        assertEquals(f + ": header (line 1) lacks required column level; extract regions needs "
                + "region_code, region_name, parent_code, level, economic_zone", r.problem().en());
    }

    @Test
    void aColumnWhoseFieldsMayBeEmptyIsStillRequiredInTheHeader() throws IOException {
        // parent_code is empty for the top region; a file without the column must not read as
        // a list of top regions.
        Path f = write("regions.csv", "region_code,region_name,level,economic_zone\n330100,杭州市,city,east\n");
        FileReport r = report(scanRegions(f));
        assertTrue(r.failed());
        assertTrue(r.problem().en().startsWith(f + ": header (line 1) lacks required column parent_code;"), r.problem().en());
    }

    @Test
    void twoMissingColumnsAreBothNamed() throws IOException {
        Path f = write("regions.csv", "region_code,region_name,parent_code\n330100,杭州市,330000\n");
        String problem = report(scanRegions(f)).problem().en();
        assertTrue(problem.startsWith(f + ": header (line 1) lacks required columns level, economic_zone;"), problem);
        assertEquals(f + "：表头（第 1 行）缺少必需的列 level、economic_zone；行政区划（regions）需要以下各列："
                + "region_code、region_name、parent_code、level、economic_zone", report(scanRegions(f)).problem().zh());
    }

    /** A header of none of the contract's names shows what was read: the names listed may be there, run together. */
    @Test
    void aHeaderSeparatedByOtherThanCommasSaysSo() throws IOException {
        Path semicolons = write("regions.csv", HEADER.replace(',', ';') + "\n330100;杭州市;330000;city;east\n");
        String problem = report(scanRegions(semicolons)).problem().en();
        assertTrue(problem.endsWith("; the header was read as one field ('region_code;region_name;parent_code;leve…'):"
                + " fields must be separated by commas, not by semicolons"), problem);
        assertTrue(report(scanRegions(semicolons)).problem().zh().endsWith("字段须以逗号分隔，而不是分号"),
                report(scanRegions(semicolons)).problem().zh());
        Path tabs = write("regions.csv", HEADER.replace(',', '\t') + "\n");
        assertTrue(report(scanRegions(tabs)).problem().en().endsWith("not by tabs"), report(scanRegions(tabs)).problem().en());
    }

    @Test
    void aFileWithoutItsHeaderLineShowsTheFirstLineReadAsTheHeader() throws IOException {
        Path f = write("regions.csv", "330100,杭州市,330000,city,east\n330102,上城区,330100,county,east\n");
        String problem = report(scanRegions(f)).problem().en();
        assertTrue(problem.startsWith(f + ": header (line 1) lacks required columns region_code, region_name, parent_code,"
                + " level, economic_zone;"), problem);
        assertTrue(problem.endsWith("; the header read is '330100', '杭州市', '330000', 'city', 'east': does the file lack its"
                + " header line?"), problem);
    }

    @Test
    void aHeaderLackingOnlySomeColumnsGetsNoHint() throws IOException {
        Path f = write("regions.csv", "region_code;region_name,parent_code,level,economic_zone\n");
        String problem = report(scanRegions(f)).problem().en();
        assertTrue(problem.endsWith("needs region_code, region_name, parent_code, level, economic_zone"), problem);
    }

    /** Files joined with cat, each with its header: the second header is a row no column is to blame for. */
    @Test
    void aRowRepeatingTheHeaderSaysSo() throws IOException {
        Path f = write("regions.csv", HEADER + "\n330100,杭州市,330000,city,east\n" + HEADER.replace(",", " , ")
                + "\n330102,上城区,330100,county,east\n");
        List<ExtractFileScan.Event> rejected = rejections(scanRegions(f));
        assertEquals(1, rejected.size());
        assertEquals(3, rejected.get(0).line());
        assertNull(rejected.get(0).rejection().column());
        assertEquals(Reason.of("the row repeats the header (line 1): files joined together, each with its header?",
                "本行与表头（第 1 行）相同：是否把各带表头的文件拼接在了一起？"), rejected.get(0).rejection().reason());
    }

    @Test
    void aColumnNamedTwiceFailsTheFile() throws IOException {
        Path f = write("regions.csv", HEADER + ",level\n330100,杭州市,330000,city,east,city\n");
        FileReport r = report(scanRegions(f));
        assertEquals(f + ": header (line 1) names column level more than once", r.problem().en());
        assertEquals(f + "：表头（第 1 行）中 level 列出现了不止一次", r.problem().zh());
    }

    /** Blank lines above the header: its problems name the line it is on, as the rows below it are numbered. */
    @ParameterizedTest
    @ValueSource(strings = {"\n\n", "\r\n\r\n"})
    void aHeaderAfterBlankLinesIsNamedByItsOwnLine(String blankLines) throws IOException {
        Path missing = write("missing.csv", blankLines + "region_code,region_name,parent_code,economic_zone\n330100,杭州市,330000,east\n");
        assertTrue(report(scanRegions(missing)).problem().en().startsWith(missing + ": header (line 3) lacks required column level;"),
                report(scanRegions(missing)).problem().en());
        assertTrue(report(scanRegions(missing)).problem().zh().startsWith(missing + "：表头（第 3 行）缺少必需的列 level；"),
                report(scanRegions(missing)).problem().zh());
        Path twice = write("twice.csv", blankLines + HEADER + ",level\n330100,杭州市,330000,city,east,city\n");
        assertEquals(twice + ": header (line 3) names column level more than once", report(scanRegions(twice)).problem().en());
        Path nul = write("nul.csv", blankLines + HEADER.replace("level", "le\0vel") + "\n");
        assertTrue(report(scanRegions(nul)).problem().en().startsWith(nul + ": header (line 3) field 4 ('le\u2400vel') contains a NUL"),
                report(scanRegions(nul)).problem().en());
        List<ExtractFileScan.Event> good = scanRegions(write("good.csv", blankLines + HEADER + "\n330100,杭州市,330000,town,east\n"));
        assertEquals(4, rejections(good).get(0).line(), "the first row after such a header is on line 4");
    }

    /**
     * Bytes that are not GB18030 either, in a file read as GB18030: decoded, each became U+FFFD,
     * and rows that differed only there collapsed into one "identical" row. Each is set aside,
     * naming its column; the other rows are read.
     */
    @Test
    void bytesThatAreNotGb18030TextSetTheirRowAside() throws IOException {
        Charset gb = Charset.forName("GB18030");
        byte[] head = (HEADER + "\n330100,杭州市,330000,city,east\n").getBytes(gb);
        byte[] first = {'3', '3', '0', '1', '0', '2', ',', (byte) 0xFF, '1', ',', '3', '3', '0', '1', '0', '0', ',', 'c', 'o', 'u', 'n',
                't', 'y', ',', 'e', 'a', 's', 't', '\n'};
        byte[] second = first.clone();
        second[7] = (byte) 0x80; // a lead byte 0x80 is no more GB18030 than 0xFF
        second[5] = '3';
        List<ExtractFileScan.Event> events = scanRegions(write("regions.csv", concat(head, first, second)));
        FileReport r = report(events);
        assertEquals("GB18030", r.encoding());
        assertNull(r.problem(), "the file is read; only its damaged rows are set aside");
        assertEquals(List.of("杭州市"), rows(events).stream().map(e -> (String) e.values()[1]).toList());
        List<ExtractFileScan.Event> rejected = rejections(events);
        assertEquals(List.of(3L, 4L), rejected.stream().map(ExtractFileScan.Event::line).toList());
        for (ExtractFileScan.Event e : rejected) {
            assertEquals("region_name", e.rejection().column());
            assertEquals(Reason.of("holds bytes that are not GB18030 text (shown as \uFFFD; the file is not valid UTF-8, so it was read"
                            + " as GB18030): the file is damaged, or in another encoding",
                    "含有不是 GB18030 文本的字节（显示为 \uFFFD；文件不是有效的 UTF-8，因此按 GB18030 读取）：文件已损坏，或采用了其他编码"),
                    e.rejection().reason());
        }
        assertEquals(2, r.rowsRejected());
    }

    /** U+FFFD written as valid UTF-8 is text like any other: it marks damage only where the decoder put it. */
    @Test
    void aReplacementCharacterInAValidUtf8FileIsText() throws IOException {
        List<ExtractFileScan.Event> events = scanRegions(write("regions.csv", HEADER + "\n330100,杭\uFFFD市,330000,city,east\n"));
        assertEquals("UTF-8", report(events).encoding());
        assertEquals(List.of("杭\uFFFD市"), rows(events).stream().map(e -> (String) e.values()[1]).toList());
    }

    /** A header name with bytes that are not GB18030 cannot be matched to a column: the file fails and says why. */
    @Test
    void aHeaderNameWithBytesThatAreNotGb18030FailsTheFile() throws IOException {
        byte[] header = (HEADER + ",x\n").getBytes(StandardCharsets.US_ASCII);
        header[header.length - 2] = (byte) 0xFF;
        byte[] row = "330100,杭州市,330000,city,east,\n".getBytes(Charset.forName("GB18030"));
        Path f = write("regions.csv", concat(header, row));
        FileReport r = report(scanRegions(f));
        assertEquals(f + ": header (line 1) field 6 ('\uFFFD') holds bytes that are not GB18030 text (shown as \uFFFD; the file is"
                + " not valid UTF-8, so it was read as GB18030): the file is damaged, or in another encoding", r.problem().en());
        assertEquals(0, r.rowsRead());
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsQuarantined() throws IOException {
        Path f = write("regions.csv", HEADER + "\n330100,杭州市,330000,city,east\n330102,上城区,330100,county\n"
                + "330105,拱墅区,330100,county,east,extra\n330106,西湖区,330100,county,east\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        List<ExtractFileScan.Event> rejected = rejections(events);
        assertEquals(2, rejected.size());
        assertEquals(3, rejected.get(0).line());
        assertEquals("330102,上城区,330100,county", rejected.get(0).raw());
        assertEquals("economic_zone", rejected.get(0).rejection().column(), "the header's column left without a field");
        assertEquals(Reason.of("the row has 4 fields but the header has 5: economic_zone gets none (a field left out, or a"
                + " line break in an unquoted field?)", "本行有 4 个字段，表头有 5 列：economic_zone 没有值（漏填了字段，或未加引号的字段中有换行？）"),
                rejected.get(0).rejection().reason());
        assertEquals(4, rejected.get(1).line());
        assertNull(rejected.get(1).rejection().column(), "too many fields: the row as a whole is at fault");
        assertEquals(Reason.of("the row has 6 fields but the header has 5 (an unquoted comma in a field?)",
                "本行有 6 个字段，表头有 5 列（字段中有未加引号的逗号？）"), rejected.get(1).rejection().reason());
        assertEquals(List.of(2L, 5L), rows(events).stream().map(ExtractFileScan.Event::line).toList());
        assertEquals(4, report(events).rowsRead());
        assertEquals(2, report(events).rowsQuarantined());
    }

    /** A spreadsheet's empty rows below (or among) its data are commas only: no row, nothing set aside. */
    @Test
    void aRowOfEmptyFieldsIsSkippedLikeAnEmptyLine() throws IOException {
        Path f = write("regions.csv", HEADER + "\n330100,杭州市,330000,city,east\n,,,,\n\"\", ,\u3000,,\n,,\n"
                + "330102,上城区,330100,county,east\n,,,,\n,,,,,\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        assertEquals(List.of(2L, 6L), rows(events).stream().map(ExtractFileScan.Event::line).toList(),
                "the rows keep their physical line numbers");
        assertEquals(List.of(), rejections(events));
        assertEquals(2, report(events).rowsRead(), "a skipped row is not counted as read");
        Path g = write("regions-2.csv", HEADER + "\n,,330000,,\n");
        assertEquals(1, rejections(scanRegions(g)).size(), "a row with one field filled is a row");
    }

    @Test
    void aRowShortOfSeveralFieldsNamesEveryColumnLeftWithout() throws IOException {
        Path f = write("regions.csv", HEADER + "\n330100,杭州市,330000,city,east\n330102,上城区,330100\n");
        ExtractFileScan.Event e = rejections(scanRegions(f)).get(0);
        assertEquals("level", e.rejection().column());
        assertEquals(Reason.of("the row has 3 fields but the header has 5: level, economic_zone get none (a field left out, or"
                + " a line break in an unquoted field?)", "本行有 3 个字段，表头有 5 列：level、economic_zone 没有值（漏填了字段，或未加引号的字段中有换行？）"),
                e.rejection().reason());
    }

    /**
     * A header ending in commas (a spreadsheet's empty columns) above rows that do not: the rows
     * lack only columns that are ignored anyway, so they are read, padded or not.
     */
    @Test
    void aRowShortOnlyOfUnnamedExtraColumnsIsRead() throws IOException {
        Path f = write("regions.csv", HEADER + ",,\n330100,杭州市,330000,city,east\n330102,上城区,330100,county,east,,\n"
                + "330105,拱墅区,330100,county,east,\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        assertEquals(List.of(), rejections(events));
        assertEquals(List.of(2L, 3L, 4L), rows(events).stream().map(ExtractFileScan.Event::line).toList());
        assertEquals(List.of("330100", "杭州市", "330000", "city", "east"), Arrays.stream(rows(events).get(0).values()).toList());
        assertEquals(List.of("(unnamed column 6)", "(unnamed column 7)"), report(events).extraColumns());
    }

    /**
     * A named extra column left off a row is ignored like its value would be; a column of the
     * contract left off is not, and the reason names only the contract's columns.
     */
    @Test
    void aRowShortOfANamedExtraColumnIsReadAndOneShortOfAContractColumnNamesOnlyThat() throws IOException {
        Path f = write("regions.csv", HEADER + ",note,\n330100,杭州市,330000,city,east\n330102,上城区,330100,county\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        assertEquals(List.of(2L), rows(events).stream().map(ExtractFileScan.Event::line).toList());
        ExtractFileScan.Event e = rejections(events).get(0);
        assertEquals("economic_zone", e.rejection().column());
        assertEquals(Reason.of("the row has 4 fields but the header has 7: economic_zone gets none (a field left out, or a"
                + " line break in an unquoted field?)", "本行有 4 个字段，表头有 7 列：economic_zone 没有值（漏填了字段，或未加引号的字段中有换行？）"),
                e.rejection().reason());
        assertEquals("330102", e.fields()[REGIONS.indexOf("region_code")],
                "the fields it has are kept, so that the row is counted for the region it names");
        assertEquals("", e.fields()[REGIONS.indexOf("economic_zone")]);
    }

    /** Extra columns before the contract's: a row short of them has its fields out of place, and is set aside. */
    @Test
    void aRowShortOfAnExtraColumnThatComesFirstIsQuarantined() throws IOException {
        Path f = write("regions.csv", "note," + HEADER + "\n,330100,杭州市,330000,city,east\n330102,上城区,330100,county,east\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        assertEquals(List.of(2L), rows(events).stream().map(ExtractFileScan.Event::line).toList());
        assertEquals("economic_zone", rejections(events).get(0).rejection().column());
    }

    @Test
    void anInvalidValueIsQuarantinedWithLineRawTextAndReason() throws IOException {
        Path f = write("regions.csv", HEADER + "\n330100,杭州市,330000,city,east\n330102,上城区,330100,district,east\n");
        ExtractFileScan.Event e = rejections(scanRegions(f)).get(0);
        assertEquals(3, e.line());
        assertEquals("330102,上城区,330100,district,east", e.raw());
        assertEquals("level", e.rejection().column());
        assertEquals("'district' is not one of province, city, county", e.rejection().reason().en());
    }

    @Test
    void anEmptyFileFailsWithAProblemNamingIt() throws IOException {
        Path f = write("regions.csv", new byte[0]);
        List<ExtractFileScan.Event> events = scanRegions(f);
        assertEquals(1, events.size());
        assertEquals(Reason.of(f + ": the file is empty; a header row is required", f + "：文件为空；需要表头行"),
                report(events).problem());
        assertEquals(0, report(events).rowsRead());
    }

    /** A spreadsheet's "Unicode" export: the contract's encodings are UTF-8 and GB18030, and the clerk is told how to save it. */
    @Test
    void aUtf16FileFailsSayingSoAndHowToSaveIt() throws IOException {
        String text = HEADER + "\n140800,运城市,,city,central\n";
        for (var encoding : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            boolean little = encoding.equals(StandardCharsets.UTF_16LE);
            byte[] mark = little ? new byte[]{(byte) 0xFF, (byte) 0xFE} : new byte[]{(byte) 0xFE, (byte) 0xFF};
            Path f = write("regions-" + encoding + ".csv", concat(mark, text.getBytes(encoding)));
            List<ExtractFileScan.Event> events = scanRegions(f);
            assertEquals(1, events.size(), "no row is read");
            assertEquals(f + ": the file is UTF-16 text (it starts with the byte-order mark " + (little ? "FF FE" : "FE FF")
                    + "); extracts must be UTF-8 or GB18030: save it as \"CSV UTF-8\"", report(events).problem().en());
            assertEquals(f + "：文件是 UTF-16 文本（以字节顺序标记 " + (little ? "FF FE" : "FE FF")
                    + " 开头）；报送数据应为 UTF-8 或 GB18030 编码：请另存为“CSV UTF-8”", report(events).problem().zh());
            assertEquals("UTF-16", report(events).encoding(), "not GB18030: it was not read as GB18030");
        }
    }

    /**
     * An Excel workbook renamed to .csv: decoded as GB18030 it gave "lacks required columns", the
     * encoding GB18030 and junk as extra columns. It fails saying what it is and how to save it.
     */
    @Test
    void anExcelWorkbookFailsSayingSoAndHowToSaveIt() throws IOException {
        Path xlsx = write("regions.csv", FileEncodingTest.zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/worksheets/sheet1.xml"));
        Path xls = write("regions-old.csv", FileEncodingTest.xls());
        for (Path f : List.of(xlsx, xls)) {
            List<ExtractFileScan.Event> events = scanRegions(f);
            assertEquals(1, events.size(), "no row is read");
            FileReport r = report(events);
            assertEquals(f + ": the file is an Excel workbook (" + (f == xlsx ? ".xlsx" : ".xls")
                    + "), not CSV: save it as \"CSV UTF-8\"", r.problem().en());
            assertEquals(f + "：文件是 Excel 工作簿（" + (f == xlsx ? ".xlsx" : ".xls") + "），不是 CSV：请另存为“CSV UTF-8”",
                    r.problem().zh());
            assertEquals("binary", r.encoding());
            assertEquals(List.of(), r.extraColumns());
            assertEquals(0, r.rowsRead());
            assertEquals(Files.size(f), r.bytes());
        }
    }

    @Test
    void aPdfFailsAsNotText() throws IOException {
        Path f = write("regions.csv", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n".getBytes(StandardCharsets.US_ASCII));
        FileReport r = report(scanRegions(f));
        assertEquals(f + ": the file is a PDF document, not a text file: extracts are CSV text in UTF-8 or GB18030", r.problem().en());
        assertEquals(f + "：文件是 PDF 文档，不是文本文件：报送数据应为 UTF-8 或 GB18030 编码的 CSV 文本", r.problem().zh());
        assertEquals(List.of(), r.extraColumns());
    }

    /** A NUL byte in a row (a damaged file) sets that row aside; the file and its other rows are fine. */
    @Test
    void aRowWithANulByteIsQuarantinedAndTheFileGoesOn() throws IOException {
        List<ExtractFileScan.Event> events = scanRegions(write("regions.csv",
                HEADER + "\n140800,运城市,,city,central\n140802,盐湖\0区,140800,county,central\n"));
        assertEquals(1, rows(events).size());
        assertEquals(1, rejections(events).size());
        ExtractFileScan.Event bad = rejections(events).get(0);
        assertEquals(3, bad.line());
        assertEquals("region_name", bad.rejection().column());
        assertTrue(bad.rejection().reason().en().startsWith("contains a NUL character (byte 0x00)"), bad.rejection().reason().en());
        assertNull(report(events).problem());
    }

    /** training/nul.csv as reported: a NUL after the value was trimmed away and the row accepted as 6 hours. */
    @Test
    void aNulByteAtTheEndOfAFieldIsQuarantinedLikeOneInside() throws IOException {
        Path f = write("nul.csv", "staff_id,region_code,year,training_hours,reported_at\n"
                + "ZF1,140802,2024,5\0" + "5,2025-01-10\n"
                + "ZF2,140802,2024,6\0,2025-01-10\n"
                + "ZF3,140802,2024,7,2025-01-10\n");
        List<ExtractFileScan.Event> events = scan(f, CATALOG.get("training"),
                new ValidationContext(null, TestEditions.edition2022()));
        assertEquals(1, rows(events).size(), "only ZF3 is accepted");
        assertEquals("ZF3", rows(events).get(0).values()[0]);
        List<ExtractFileScan.Event> rejected = rejections(events);
        assertEquals(List.of(2L, 3L), rejected.stream().map(ExtractFileScan.Event::line).toList());
        for (ExtractFileScan.Event e : rejected) {
            assertEquals("training_hours", e.rejection().column());
            assertEquals(Reason.of("contains a NUL character (byte 0x00): the file is damaged, or is not UTF-8 or GB18030 text",
                    "含有 NUL 字符（字节 0x00）：文件已损坏，或不是 UTF-8 或 GB18030 文本"), e.rejection().reason());
        }
        assertEquals("ZF2,140802,2024,6\0,2025-01-10", rejected.get(1).raw());
    }

    /**
     * A NUL in a header name: trimmed away it went unnoticed, kept it would only show as a
     * missing column and a strange extra one. The header cannot be set aside like a row, so the
     * file fails and says why.
     */
    @ParameterizedTest
    @ValueSource(strings = {"level\0", "\0level", "le\0vel"})
    void aNulByteInAHeaderNameFailsTheFile(String level) throws IOException {
        Path f = write("regions.csv", HEADER.replace("level", level) + ",remark\n140800,运城市,,city,central,x\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        assertEquals(1, events.size(), "no row is read");
        FileReport r = report(events);
        assertEquals(f + ": header (line 1) field 4 ('" + level.replace('\0', '\u2400') + "') contains a NUL character "
                + "(byte 0x00): the file is damaged, or is not UTF-8 or GB18030 text", r.problem().en());
        assertEquals(f + "：表头（第 1 行）第 4 个字段（“" + level.replace('\0', '\u2400') + "”）含有 NUL 字符（字节 0x00）："
                + "文件已损坏，或不是 UTF-8 或 GB18030 文本", r.problem().zh());
        assertEquals(List.of(), r.extraColumns(), "no damaged name among the extra columns");
    }

    /** A binary file of a format not known by its start: its "header name" is cut short in the message. */
    @Test
    void aBinaryHeaderIsShownShortInTheMessage() throws IOException {
        byte[] bytes = new byte[300];
        bytes[0] = 0x7F;
        bytes[1] = 'E';
        bytes[2] = 'L';
        bytes[3] = 'F';
        bytes[4] = 2;
        Path f = write("regions.csv", bytes);
        String shown = "\u007FELF\u0002" + "\u2400".repeat(35) + "…";
        assertEquals(f + ": header (line 1) field 1 ('" + shown + "') contains a NUL character (byte 0x00): the file is "
                + "damaged, or is not UTF-8 or GB18030 text", report(scanRegions(f)).problem().en());
    }

    @Test
    void aNulByteInAnExtraColumnsNameFailsTheFileToo() throws IOException {
        Path f = write("regions.csv", HEADER + ",re\0mark\n140800,运城市,,city,central,x\n");
        assertEquals(f + ": header (line 1) field 6 ('re\u2400mark') contains a NUL character "
                + "(byte 0x00): the file is damaged, or is not UTF-8 or GB18030 text", report(scanRegions(f)).problem().en());
    }

    @Test
    void aHeaderOnlyFileIsFineAndEmpty() throws IOException {
        FileReport r = report(scanRegions(write("regions.csv", HEADER + "\r\n")));
        assertNull(r.problem());
        assertEquals(0, r.rowsRead());
    }

    @Test
    void bomAndCrlfAreHandled() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (HEADER + "\r\n330100,杭州市,330000,city,east\r\n330102,上城区,330100,town,east\r\n").getBytes(StandardCharsets.UTF_8);
        List<ExtractFileScan.Event> events = scanRegions(write("regions.csv", concat(bom, text)));
        FileReport r = report(events);
        assertNull(r.problem(), "the BOM is not part of the first column's name");
        assertEquals("UTF-8 (BOM)", r.encoding());
        assertEquals("330100", rows(events).get(0).values()[0]);
        ExtractFileScan.Event rejected = rejections(events).get(0);
        assertEquals(3, rejected.line());
        assertEquals("330102,上城区,330100,town,east", rejected.raw(), "raw text without the CR");
    }

    @Test
    void gb18030FilesAreDetectedAndDecoded() throws IOException {
        Charset gb = Charset.forName("GB18030");
        Path f = write("regions.csv", (HEADER + "\n330100,杭州市,330000,city,east\n330102,上城区,330100,county,east\n").getBytes(gb));
        List<ExtractFileScan.Event> events = scanRegions(f);
        FileReport r = report(events);
        assertEquals("GB18030", r.encoding());
        assertTrue(r.isGb18030());
        assertEquals(List.of("杭州市", "上城区"), rows(events).stream().map(e -> (String) e.values()[1]).toList());
        // The first Chinese character is where UTF-8 fails: the header and "330100," are ASCII.
        assertEquals((HEADER + "\n330100,").length(), r.firstNonUtf8Byte());
    }

    @Test
    void aUtf8FileWithOneBadByteIsReadAsGb18030AndSaysWhere() throws IOException {
        // A UTF-8 export damaged far from its start: read as GB18030 (the contract), and the
        // offset of the bad byte in the report is what tells the clerk it was meant as UTF-8.
        byte[] good = (HEADER + "\n330100,杭州市,330000,city,east\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(good, good.length + "330102,x,330100,county,east\n".length());
        byte[] tail = "330102,x,330100,county,east\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, bytes, good.length, tail.length);
        bytes[good.length + 7] = (byte) 0xFF; // the "x" of the second row's name
        FileReport r = report(scanRegions(write("regions.csv", bytes)));
        assertEquals("GB18030", r.encoding());
        assertEquals(good.length + 7, r.firstNonUtf8Byte());
    }

    @Test
    void aGb18030FileWithAUtf8ByteOrderMarkIsReadAsGb18030AfterTheMark() throws IOException {
        // Some exporters put the UTF-8 mark in front of GB18030 text: the file is not valid UTF-8,
        // so it is GB18030 (extracts.md), and the mark is not part of the first column's name.
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (HEADER + ",备注\r\n330100,杭州市,330000,city,east,示范区\r\n330102,上城区,330100,town,east,\r\n")
                .getBytes(Charset.forName("GB18030"));
        List<ExtractFileScan.Event> events = scanRegions(write("regions.csv", concat(bom, text)));
        FileReport r = report(events);
        assertNull(r.problem(), "the mark is neither damage nor part of region_code's name");
        assertEquals("GB18030", r.encoding());
        assertTrue(r.isGb18030());
        assertEquals(List.of("备注"), r.extraColumns());
        assertEquals(2, r.rowsRead());
        assertArrayEquals(new Object[]{"330100", "杭州市", "330000", "city", "east"}, rows(events).get(0).values());
        ExtractFileScan.Event rejected = rejections(events).get(0);
        assertEquals(3, rejected.line());
        assertEquals("330102,上城区,330100,town,east,", rejected.raw());
    }

    @Test
    void quotedCommasDoubledQuotesAndLineBreaksInsideFields() throws IOException {
        Path f = write("regions.csv", HEADER + "\n"
                + "330100,\"杭州市, 浙江\",330000,city,east\n"          // line 2
                + "330102,\"上城区\n(原\"\"上城\"\")\",330100,county,east\n" // lines 3-4
                + "330105,拱墅区,330100,borough,east\n"                  // line 5: quarantined
                + "330106,\"西湖区\n风景\",330100,ward,east\n"            // lines 6-7: quarantined
                + "330108,滨江区,330100,county,east\n");                 // line 8
        List<ExtractFileScan.Event> events = scanRegions(f);
        List<ExtractFileScan.Event> rows = rows(events);
        assertEquals(List.of(2L, 3L, 8L), rows.stream().map(ExtractFileScan.Event::line).toList());
        assertEquals("杭州市, 浙江", rows.get(0).values()[1]);
        assertEquals("上城区\n(原\"上城\")", rows.get(1).values()[1]);
        List<ExtractFileScan.Event> rejected = rejections(events);
        assertEquals(5, rejected.get(0).line());
        assertEquals("330105,拱墅区,330100,borough,east", rejected.get(0).raw());
        assertEquals(6, rejected.get(1).line());
        assertEquals("330106,\"西湖区\n风景\",330100,ward,east", rejected.get(1).raw(), "a multi-line record's raw text whole");
    }

    /**
     * A row whose quoting breaks is set aside with its line, raw text, column and reason, and the
     * rows after it are read: one clerk's stray quote does not fail the delivery.
     */
    @Test
    void malformedQuotingSetsTheRowAsideAndTheRowsAfterItAreRead() throws IOException {
        Path f = write("regions.csv", HEADER + "\n330100,杭州市,330000,city,east\n330105,\"拱墅\"区,330100,county,east\n"
                + "330106,西湖区,330100,county,east\n330102,\"上城区,330100,county,east\n330108,滨江区,330100,county,east\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        assertEquals(List.of(2L, 4L, 6L), rows(events).stream().map(ExtractFileScan.Event::line).toList());
        List<ExtractFileScan.Event> rejected = rejections(events);
        assertEquals(List.of(3L, 5L), rejected.stream().map(ExtractFileScan.Event::line).toList());
        assertEquals("malformed CSV at line 3, column region_name: text after the closing quote of a quoted field "
                + "(a quote inside a field is written twice: \"\")", rejected.get(0).rejection().reason().en());
        assertEquals("330102,\"上城区,330100,county,east", rejected.get(1).raw());
        assertEquals("region_name", rejected.get(1).rejection().column());
        assertEquals("malformed CSV at line 5, column region_name: the quote that opens the field is never closed "
                + "(the row is set aside to the end of this line, and reading goes on at the next)", rejected.get(1).rejection().reason().en());
        assertEquals("CSV 格式错误：第 5 行 region_name 列：字段开头的引号没有闭合（该行到行尾为止被隔离，从下一行继续读取）",
                rejected.get(1).rejection().reason().zh());
        FileReport r = report(events);
        assertFalse(r.failed(), String.valueOf(r.problem()));
        assertEquals(5, r.rowsRead());
        assertEquals(2, r.rowsQuarantined());
    }

    @Test
    void malformedQuotingInTheHeaderFailsTheFile() throws IOException {
        Path f = write("regions.csv", "region_code,\"region_name,parent_code,level,economic_zone\n330100,杭州市,,city,east\n");
        List<ExtractFileScan.Event> events = scanRegions(f);
        assertEquals(1, events.size(), "nothing is read from the file");
        FileReport r = report(events);
        assertTrue(r.problem().en().startsWith(f + ": malformed CSV header at line 1, field 2: the quote that opens the field"),
                r.problem().en());
        assertEquals(0, r.rowsRead());
        assertEquals("UTF-8", r.encoding());
    }

    @Test
    void rowsAreValidatedAgainstTheContext() throws IOException {
        ExtractSchema retail = CATALOG.get("retail");
        Path f = write("retail-2024.csv", "region_code,month,online_retail_yuan,total_retail_yuan,reported_at\n"
                + "330100,2024-01,1000.5,9000,2024-02-15\n"
                + "330199,2024-01,1000.5,9000,2024-02-15\n");
        List<ExtractFileScan.Event> events = scan(f, retail,
                new ValidationContext(Set.of("330100"), TestEditions.edition2022()));
        assertEquals(1, rows(events).size());
        ExtractFileScan.Event rejected = rejections(events).get(0);
        assertEquals(3, rejected.line());
        assertEquals("region code 330199 is not in regions.csv", rejected.rejection().reason().en());
        assertEquals("retail", report(events).extract());
    }
}
