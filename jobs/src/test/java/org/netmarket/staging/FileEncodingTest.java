package org.netmarket.staging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** extracts.md: UTF-8 with or without BOM; a file that is not valid UTF-8 is read as GB18030 (after a BOM, if any). */
class FileEncodingTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String TEXT = "region_code,region_name\n330100,杭州市\n330102,上城区\n";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static FileEncoding.Probe probe(byte[] bytes) throws IOException {
        return FileEncoding.probe(new ByteArrayInputStream(bytes));
    }

    private static String read(FileEncoding.Probe p, byte[] bytes) throws IOException {
        try (Reader r = p.reader(new ByteArrayInputStream(bytes))) {
            StringWriter out = new StringWriter();
            r.transferTo(out);
            return out.toString();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void utf8WithoutBom() throws IOException {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        FileEncoding.Probe p = probe(bytes);
        assertEquals(StandardCharsets.UTF_8, p.charset());
        assertFalse(p.bom());
        assertEquals("UTF-8", p.label());
        assertEquals(bytes.length, p.bytes());
    }

    @Test
    void utf8WithBom() throws IOException {
        byte[] bytes = concat(BOM, TEXT.getBytes(StandardCharsets.UTF_8));
        FileEncoding.Probe p = probe(bytes);
        assertEquals(StandardCharsets.UTF_8, p.charset());
        assertTrue(p.bom());
        assertEquals("UTF-8 (BOM)", p.label());
    }

    @Test
    void gb18030BytesAreDetectedAndDecodeBack() throws IOException {
        byte[] bytes = TEXT.getBytes(GB18030);
        // A new decoder reports malformed input, so this holds only for bytes that are not UTF-8.
        assertThrows(CharacterCodingException.class, () -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)),
                "the GB18030 bytes of 杭州市 are not valid UTF-8");
        FileEncoding.Probe p = probe(bytes);
        assertEquals(GB18030, p.charset());
        assertFalse(p.bom());
        assertEquals("GB18030", p.label());
        assertEquals(TEXT, new String(bytes, p.charset()));
    }

    @Test
    void gb18030BehindAUtf8ByteOrderMarkIsGb18030AndTheMarkIsSkipped() throws IOException {
        byte[] bytes = concat(BOM, TEXT.getBytes(GB18030));
        FileEncoding.Probe p = probe(bytes);
        assertTrue(p.bom());
        assertEquals(GB18030, p.charset());
        assertEquals("GB18030", p.label(), "reported like any other GB18030 file");
        // 杭 is the first byte that is not UTF-8: 3 mark bytes + "region_code,region_name\n330100,"
        assertEquals(3 + "region_code,region_name\n330100,".length(), p.firstInvalidUtf8());
        assertEquals(TEXT, read(p, bytes), "no character of the mark before region_code");
    }

    @Test
    void aUtf8FileWithBomAndABadByteLaterIsGb18030Too() throws IOException {
        // Not valid UTF-8, so GB18030 (extracts.md): its Chinese text comes out garbled, and the
        // run report's GB18030 for a file meant as UTF-8 is what tells the clerk.
        byte[] good = ("region_code,region_name\n140802," + "盐湖区" + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(BOM, good, new byte[]{(byte) 0xC3, 0x28});
        FileEncoding.Probe p = probe(bytes);
        assertTrue(p.bom());
        assertEquals("GB18030", p.label());
        assertEquals(3 + good.length, p.firstInvalidUtf8());
        assertEquals(-1, probe(good).firstInvalidUtf8());
        assertTrue(read(p, bytes).startsWith("region_code,region_name\n140802,"));
    }

    @Test
    void theReaderSkipsTheMarkOfUtf8AndKeepsEveryOtherByte() throws IOException {
        byte[] withBom = concat(BOM, TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(TEXT, read(probe(withBom), withBom));
        byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
        assertEquals(TEXT, read(probe(plain), plain));
        byte[] gb = TEXT.getBytes(GB18030);
        assertEquals(TEXT, read(probe(gb), gb));
        byte[] tiny = {(byte) 0xEF, (byte) 0xBB};
        assertEquals(new String(tiny, GB18030), read(probe(tiny), tiny), "two bytes of a mark are no mark");
    }

    @Test
    void plainAsciiIsUtf8() throws IOException {
        assertEquals("UTF-8", probe("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII)).label());
    }

    @Test
    void aCharacterStraddlingTheReadBufferIsStillUtf8() throws IOException {
        // The probe reads 64 KiB at a time: put the 3 bytes of 中 across that boundary.
        byte[] ascii = new byte[(1 << 16) - 1];
        Arrays.fill(ascii, (byte) 'a');
        byte[] bytes = concat(ascii, "中".getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.UTF_8));
        FileEncoding.Probe p = probe(bytes);
        assertEquals("UTF-8", p.label());
        assertEquals(bytes.length, p.bytes());
    }

    @Test
    void aTruncatedCharacterAtTheEndIsNotUtf8() throws IOException {
        byte[] zhong = "中".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat("a,b\n1,".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(zhong, 2));
        assertEquals("GB18030", probe(bytes).label());
    }

    @Test
    void gb18030LateInALargeFileIsDetected() throws IOException {
        byte[] ascii = new byte[200_000];
        Arrays.fill(ascii, (byte) 'x');
        assertEquals("GB18030", probe(concat(ascii, "杭州市".getBytes(GB18030))).label());
    }

    @Test
    void sha256OfTheBytes() throws IOException {
        // FIPS 180-2 test vectors.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                probe("abc".getBytes(StandardCharsets.US_ASCII)).sha256());
        FileEncoding.Probe empty = probe(new byte[0]);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", empty.sha256());
        assertEquals(0, empty.bytes());
        assertEquals("UTF-8", empty.label());
    }

    @Test
    void aMarkHandedOverOneByteAtATimeIsStillAMark() throws IOException {
        byte[] bytes = concat(BOM, TEXT.getBytes(StandardCharsets.UTF_8));
        FileEncoding.Probe p = FileEncoding.probe(new OneByteAtATime(bytes));
        assertTrue(p.bom());
        assertEquals("UTF-8 (BOM)", p.label());
        assertEquals(bytes.length, p.bytes());
        assertFalse(FileEncoding.probe(new OneByteAtATime(TEXT.getBytes(StandardCharsets.UTF_8))).bom());
    }

    /** A stream that hands over at most one byte per read, as a slow network file system may. */
    private static final class OneByteAtATime extends ByteArrayInputStream {
        OneByteAtATime(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
        }
    }

    /** A zip archive holding the named entries, as an .xlsx or a zipped delivery is. */
    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write(("<content of " + e + "/>").getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The start of an Excel 97-2003 file: the OLE2 signature, and later its directory naming the Workbook stream. */
    static byte[] xls() {
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        return concat(signature, new byte[1024], "Root Entry".getBytes(StandardCharsets.UTF_16LE), new byte[54],
                "Workbook".getBytes(StandardCharsets.UTF_16LE), new byte[512]);
    }

    @Test
    void anExcelWorkbookRenamedToCsvIsNotText() throws IOException {
        byte[] xlsx = zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        FileEncoding.Probe p = probe(xlsx);
        assertEquals(FileEncoding.Binary.XLSX, p.binary());
        assertEquals("the file is an Excel workbook (.xlsx), not CSV: save it as \"CSV UTF-8\"", p.encodingProblem().en());
        assertEquals("binary", p.label(), "not GB18030: it was not read as text at all");
        assertEquals(xlsx.length, p.bytes());

        FileEncoding.Probe old = probe(xls());
        assertEquals(FileEncoding.Binary.XLS, old.binary());
        assertEquals("the file is an Excel workbook (.xls), not CSV: save it as \"CSV UTF-8\"", old.encodingProblem().en());
        assertEquals("binary", old.label());
    }

    @Test
    void aWorkbookHandedOverOneByteAtATimeIsStillAWorkbook() throws IOException {
        byte[] xlsx = zip("[Content_Types].xml", "xl/workbook.xml");
        assertEquals(FileEncoding.Binary.XLSX, FileEncoding.probe(new OneByteAtATime(xlsx)).binary());
    }

    @Test
    void theWorkbookPartIsFoundWhereItStraddlesTwoReads() throws IOException {
        // The probe reads 64 KiB at a time: put "xl/workbook.xml" across that boundary.
        byte[] start = concat(new byte[]{'P', 'K', 3, 4}, new byte[(1 << 16) - 4 - 5]);
        byte[] bytes = concat(start, "xl/workbook.xml".getBytes(StandardCharsets.US_ASCII), new byte[100]);
        assertEquals(FileEncoding.Binary.XLSX, probe(bytes).binary());
        assertEquals(FileEncoding.Binary.ZIP, probe(concat(start, "xl/workbook.xm_".getBytes(StandardCharsets.US_ASCII))).binary());
    }

    /** Other files that are not text: a generic message, no advice about spreadsheets. */
    @Test
    void otherBinaryFormatsAreNotTextEither() throws IOException {
        FileEncoding.Probe zip = probe(zip("express.csv", "retail.csv"));
        assertEquals(FileEncoding.Binary.ZIP, zip.binary(), "a zip without xl/workbook.xml is no workbook");
        assertEquals("the file is a zip archive, not a text file: extracts are CSV text in UTF-8 or GB18030",
                zip.encodingProblem().en());
        byte[] ole2 = Arrays.copyOf(xls(), 600);
        assertEquals(FileEncoding.Binary.OLE2, probe(ole2).binary(), "a compound file without a Workbook stream");
        FileEncoding.Probe pdf = probe("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("the file is a PDF document, not a text file: extracts are CSV text in UTF-8 or GB18030",
                pdf.encodingProblem().en());
        assertEquals("binary", pdf.label());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(FileEncoding.Binary.GZIP, probe(gz.toByteArray()).binary());
        assertEquals(FileEncoding.Binary.GZIP, probe(new byte[]{0x1F, (byte) 0x8B}).binary(), "shorter than the head");
        assertEquals(FileEncoding.Binary.SEVEN_ZIP, probe(new byte[]{'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4}).binary());
        assertEquals(FileEncoding.Binary.RAR, probe("Rar!\u001A\u0007\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)).binary());
    }

    @Test
    void textThatMerelyStartsLikeAFormatNameIsText() throws IOException {
        for (String text : List.of(TEXT, "PK,name\n1,a\n", "%PDF,x\n", "Rar,7z\n", "", "P")) {
            FileEncoding.Probe p = probe(text.getBytes(StandardCharsets.UTF_8));
            assertNull(p.binary(), text);
            assertNull(p.encodingProblem(), text);
        }
        assertNull(probe(TEXT.getBytes(GB18030)).binary());
    }

    @Test
    void aUtf16FileIsReportedAsUtf16NotGb18030() throws IOException {
        byte[] le = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
        assertEquals("UTF-16", probe(le).label());
        assertNull(probe(le).binary());
    }

    @Test
    void probeReadsTheWholeStream() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8));
        FileEncoding.probe(in);
        assertEquals(0, in.available());
        assertArrayEquals(new byte[0], in.readAllBytes());
    }
}
