package org.netmarket.staging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** extracts.md: UTF-8 with or without BOM; a file that is not valid UTF-8 is read as GB18030. */
class FileEncodingTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String TEXT = "region_code,region_name\n330100,杭州市\n330102,上城区\n";

    private static FileEncoding.Probe probe(byte[] bytes) throws IOException {
        return FileEncoding.probe(new ByteArrayInputStream(bytes));
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
        byte[] bytes = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8));
        FileEncoding.Probe p = probe(bytes);
        assertEquals(StandardCharsets.UTF_8, p.charset());
        assertTrue(p.bom());
        assertEquals("UTF-8 (BOM)", p.label());
    }

    @Test
    void gb18030BytesAreDetectedAndDecodeBack() throws IOException {
        byte[] bytes = TEXT.getBytes(GB18030);
        assertFalse(FileEncoding.isUtf8(bytes), "the GB18030 bytes of 杭州市 are not valid UTF-8");
        FileEncoding.Probe p = probe(bytes);
        assertEquals(GB18030, p.charset());
        assertFalse(p.bom());
        assertEquals("GB18030", p.label());
        assertEquals(TEXT, new String(bytes, p.charset()));
    }

    @Test
    void aUtf8FileWithBomAndABadByteLaterIsDamagedNotGb18030() throws IOException {
        byte[] good = ("region_code,region_name\n140802," + "盐湖区" + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, concat(good, new byte[]{(byte) 0xC3, 0x28}));
        FileEncoding.Probe p = probe(bytes);
        assertTrue(p.bom());
        // 3 BOM bytes + the good text: the damaged sequence starts right after them
        assertEquals(3 + good.length, p.firstInvalidUtf8());
        assertEquals("starts with a UTF-8 byte-order mark but byte " + (3 + good.length) + " is not valid UTF-8: the file is "
                + "damaged or mixes encodings; re-export it as UTF-8 (or as GB18030 without the mark)", p.damage());
        assertEquals(-1, probe(good).firstInvalidUtf8());
        org.junit.jupiter.api.Assertions.assertNull(probe(TEXT.getBytes(GB18030)).damage(), "GB18030 without a mark is fine");
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
    void probeReadsTheWholeStream() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8));
        FileEncoding.probe(in);
        assertEquals(0, in.available());
        assertArrayEquals(new byte[0], in.readAllBytes());
    }
}
