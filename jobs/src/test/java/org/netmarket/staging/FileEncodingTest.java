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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void probeReadsTheWholeStream() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8));
        FileEncoding.probe(in);
        assertEquals(0, in.available());
        assertArrayEquals(new byte[0], in.readAllBytes());
    }
}
