package org.netmarket.staging;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Decides how a delivered file is decoded and fingerprints it in the same pass: UTF-8 (with or
 * without BOM) when every byte sequence is valid UTF-8, otherwise GB18030, the usual encoding of
 * Chinese government exports (extracts.md), even behind a UTF-8 byte-order mark. The SHA-256 of
 * the bytes goes into the lineage of the run.
 */
public final class FileEncoding {
    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * What one pass over a file found.
     *
     * @param bom             the file starts with the UTF-8 byte-order mark
     * @param firstInvalidUtf8 offset of the first byte that is not valid UTF-8, or -1
     * @param utf16Mark       {@code FF FE} or {@code FE FF} when the file starts with a UTF-16
     *                        byte-order mark (a spreadsheet's "Unicode" export), else null
     */
    public record Probe(Charset charset, boolean bom, String sha256, long bytes, long firstInvalidUtf8, String utf16Mark) {
        /** Why the file cannot be read as an extract because of its encoding, or null when it can. */
        public String encodingProblem() {
            return utf16Mark == null ? null : "the file is UTF-16 text (it starts with the byte-order mark " + utf16Mark
                    + "); extracts must be UTF-8 or GB18030: save it as \"CSV UTF-8\"";
        }

        /** The name shown in the run report, e.g. {@code UTF-8}, {@code UTF-8 (BOM)}, {@code GB18030}. */
        public String label() {
            return charset.equals(StandardCharsets.UTF_8) ? (bom ? "UTF-8 (BOM)" : "UTF-8") : charset.name();
        }

        /**
         * The file's text in this charset, from a stream opened at its start. A leading UTF-8
         * byte-order mark is skipped as bytes: decoded as GB18030 they would become characters of
         * the first column's name.
         */
        public Reader reader(InputStream in) throws IOException {
            BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
            b.mark(BOM.length);
            if (!Arrays.equals(b.readNBytes(BOM.length), BOM)) {
                b.reset();
            }
            return new BufferedReader(new InputStreamReader(b, charset), 1 << 16);
        }
    }

    private FileEncoding() {
    }

    /** Reads the stream to its end; does not close it. */
    public static Probe probe(InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buf = new byte[1 << 16];
        ByteBuffer pending = ByteBuffer.allocate(buf.length + 8);
        CharBuffer chars = CharBuffer.allocate(buf.length + 8);
        boolean valid = true;
        // The first bytes of the file, gathered across reads: a stream may hand them over one at a time.
        byte[] head = new byte[BOM.length];
        int headLength = 0;
        long total = 0;
        long firstInvalid = -1;
        int n;
        while ((n = in.read(buf)) > 0) {
            sha.update(buf, 0, n);
            total += n;
            if (headLength < head.length) {
                int take = Math.min(n, head.length - headLength);
                System.arraycopy(buf, 0, head, headLength, take);
                headLength += take;
            }
            if (valid) {
                // file offset of the first byte in `pending` once this read is appended
                long pendingStart = total - n - pending.position();
                pending.put(buf, 0, n);
                pending.flip();
                chars.clear();
                CoderResult r = utf8.decode(pending, chars, false);
                if (r.isError()) {
                    valid = false;
                    firstInvalid = pendingStart + pending.position();
                }
                pending.compact();
                // A multi-byte sequence may straddle two reads: keep its head in `pending`.
                if (valid && pending.position() > 8) {
                    valid = false;
                    firstInvalid = total - pending.position();
                }
            }
        }
        if (valid) {
            long pendingStart = total - pending.position();
            pending.flip();
            chars.clear();
            CoderResult r = utf8.decode(pending, chars, true);
            if (r.isError() || pending.hasRemaining()) {
                valid = false;
                firstInvalid = pendingStart + pending.position();
            }
        }
        boolean bom = Arrays.equals(head, BOM);
        String utf16Mark = headLength < 2 ? null
                : head[0] == (byte) 0xFF && head[1] == (byte) 0xFE ? "FF FE"
                : head[0] == (byte) 0xFE && head[1] == (byte) 0xFF ? "FE FF" : null;
        return new Probe(valid ? StandardCharsets.UTF_8 : GB18030, bom, HexFormat.of().formatHex(sha.digest()), total,
                firstInvalid, utf16Mark);
    }
}
