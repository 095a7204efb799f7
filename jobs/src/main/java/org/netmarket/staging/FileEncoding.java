package org.netmarket.staging;

import org.netmarket.checksum.Sha256;
import org.netmarket.rules.Reason;

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
import java.util.Arrays;

/**
 * Decides how a delivered file is decoded and fingerprints it in the same pass: UTF-8 (with or
 * without BOM) when every byte sequence is valid UTF-8, otherwise GB18030, the usual encoding of
 * Chinese government exports (extracts.md), even behind a UTF-8 byte-order mark. The SHA-256 of
 * the bytes goes into the lineage of the run. The first bytes also tell a file that is no text
 * at all (a workbook renamed to .csv, a PDF, an archive), which must not be decoded as GB18030.
 */
public final class FileEncoding {
    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** The encoding reported for a file that is not text: no charset was used to read it. */
    public static final String BINARY = "binary";

    /**
     * A file format that is not text, known by the bytes it starts with. Decoded as GB18030 such a
     * file gives a header of junk, and the clerk would be told of missing columns instead.
     */
    public enum Binary {
        /** A zip archive with {@code xl/workbook.xml}: an .xlsx (Excel 2007 on, WPS) saved as or renamed to .csv. */
        XLSX("an Excel workbook (.xlsx)", "Excel 工作簿（.xlsx）", true),
        /** An OLE2 compound file with a {@code Workbook} stream: an Excel 97-2003 .xls. */
        XLS("an Excel workbook (.xls)", "Excel 工作簿（.xls）", true),
        ZIP("a zip archive", "zip 压缩包", false),
        OLE2("an Office 97-2003 document", "Office 97-2003 文档", false),
        PDF("a PDF document", "PDF 文档", false),
        GZIP("a gzip archive", "gzip 压缩包", false),
        SEVEN_ZIP("a 7-Zip archive", "7-Zip 压缩包", false),
        RAR("a RAR archive", "RAR 压缩包", false);

        private final String description;
        private final String descriptionZh;
        private final boolean workbook;

        Binary(String description, String descriptionZh, boolean workbook) {
            this.description = description;
            this.descriptionZh = descriptionZh;
            this.workbook = workbook;
        }

        /** E.g. {@code an Excel workbook (.xlsx)}. */
        public String description() {
            return description;
        }

        private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
        private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
        private static final byte[] GZIP_MAGIC = {0x1F, (byte) 0x8B};
        private static final byte[] SEVEN_ZIP_MAGIC = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
        private static final byte[] RAR_MAGIC = {'R', 'a', 'r', '!', 0x1A, 0x07};
        /** The part every .xlsx has, named in the zip's entry headers. */
        private static final byte[] XLSX_PART = "xl/workbook.xml".getBytes(StandardCharsets.US_ASCII);
        /** The stream name of an Excel 97-2003 workbook in the compound file's directory (UTF-16LE). */
        private static final byte[] XLS_STREAM = "Workbook".getBytes(StandardCharsets.UTF_16LE);

        /** What the file's first bytes show, before its content is known (ZIP and OLE2 may be workbooks). */
        static Binary byStart(byte[] head, int length) {
            for (Binary b : new Binary[]{ZIP, OLE2, PDF, GZIP, SEVEN_ZIP, RAR}) {
                byte[] magic = b.magic();
                if (length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length)) {
                    return b;
                }
            }
            return null;
        }

        private byte[] magic() {
            return switch (this) {
                case ZIP, XLSX -> ZIP_MAGIC;
                case OLE2, XLS -> OLE2_MAGIC;
                case PDF -> PDF_MAGIC;
                case GZIP -> GZIP_MAGIC;
                case SEVEN_ZIP -> SEVEN_ZIP_MAGIC;
                case RAR -> RAR_MAGIC;
            };
        }

        /** The bytes that make a container a workbook, or null for a format that is never one. */
        byte[] workbookMark() {
            return this == ZIP ? XLSX_PART : this == OLE2 ? XLS_STREAM : null;
        }

        /** The container as a workbook, once its workbook mark was found. */
        Binary asWorkbook() {
            return this == ZIP ? XLSX : this == OLE2 ? XLS : this;
        }
    }

    /**
     * What one pass over a file found.
     *
     * @param bom             the file starts with the UTF-8 byte-order mark
     * @param firstInvalidUtf8 offset of the first byte that is not valid UTF-8, or -1
     * @param utf16Mark       {@code FF FE} or {@code FE FF} when the file starts with a UTF-16
     *                        byte-order mark (a spreadsheet's "Unicode" export), else null
     * @param binary          the format of a file that is not text, by its first bytes, else null
     */
    public record Probe(Charset charset, boolean bom, String sha256, long bytes, long firstInvalidUtf8, String utf16Mark,
                        Binary binary) {
        /** Why the file cannot be read as an extract because of its encoding, or null when it can. */
        public Reason encodingProblem() {
            if (binary != null) {
                return binary.workbook
                        ? Reason.of("the file is " + binary.description() + ", not CSV: save it as \"CSV UTF-8\"",
                        Reason.zhJoin("文件是", binary.descriptionZh) + "，不是 CSV：请另存为“CSV UTF-8”")
                        : Reason.of("the file is " + binary.description() + ", not a text file: extracts are CSV text in UTF-8 or GB18030",
                        Reason.zhJoin("文件是", binary.descriptionZh) + "，不是文本文件：报送数据应为 UTF-8 或 GB18030 编码的 CSV 文本");
            }
            return utf16Mark == null ? null : Reason.of("the file is UTF-16 text (it starts with the byte-order mark " + utf16Mark
                    + "); extracts must be UTF-8 or GB18030: save it as \"CSV UTF-8\"",
                    "文件是 UTF-16 文本（以字节顺序标记 " + utf16Mark + " 开头）；报送数据应为 UTF-8 或 GB18030 编码：请另存为“CSV UTF-8”");
        }

        /**
         * The name shown in the run report, e.g. {@code UTF-8}, {@code UTF-8 (BOM)}, {@code GB18030};
         * {@code UTF-16} and {@code binary} for a file refused for its encoding, which was not read
         * as GB18030 either.
         */
        public String label() {
            if (binary != null) {
                return BINARY;
            }
            if (utf16Mark != null) {
                return "UTF-16";
            }
            return charset.equals(StandardCharsets.UTF_8) ? (bom ? "UTF-8 (BOM)" : "UTF-8") : charset.name();
        }

        /**
         * The file's text in this charset, from a stream opened at its start. A leading UTF-8
         * byte-order mark is skipped as bytes: decoded as GB18030 they would become characters of
         * the first column's name. Bytes that are not text in the charset either (only possible in
         * GB18030: UTF-8 is chosen only for a file that is valid UTF-8) come out as U+FFFD, which
         * {@link ExtractFileScan} sets aside.
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
        MessageDigest sha = Sha256.newDigest();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buf = new byte[1 << 16];
        ByteBuffer pending = ByteBuffer.allocate(buf.length + 8);
        CharBuffer chars = CharBuffer.allocate(buf.length + 8);
        boolean valid = true;
        // The first bytes of the file, gathered across reads: a stream may hand them over one at a time.
        byte[] head = new byte[8];
        int headLength = 0;
        // For a zip or compound file, the search for what makes it a workbook (from the read that completes the head).
        Binary container = null;
        Search workbookMark = null;
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
                if (headLength == head.length) {
                    container = Binary.byStart(head, headLength);
                    workbookMark = container == null || container.workbookMark() == null ? null
                            : new Search(container.workbookMark());
                }
            }
            if (workbookMark != null) {
                workbookMark.feed(buf, n);
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
        boolean bom = headLength >= BOM.length && Arrays.equals(head, 0, BOM.length, BOM, 0, BOM.length);
        String utf16Mark = headLength < 2 ? null
                : head[0] == (byte) 0xFF && head[1] == (byte) 0xFE ? "FF FE"
                : head[0] == (byte) 0xFE && head[1] == (byte) 0xFF ? "FE FF" : null;
        Binary binary = headLength < head.length ? Binary.byStart(head, headLength)
                : workbookMark != null && workbookMark.found() ? container.asWorkbook() : container;
        return new Probe(valid ? StandardCharsets.UTF_8 : GB18030, bom, Sha256.finish(sha), total,
                firstInvalid, utf16Mark, binary);
    }

    /** Finds a byte string in a stream handed over in pieces (Knuth-Morris-Pratt, so a match may straddle two). */
    private static final class Search {
        private final byte[] pattern;
        private final int[] fallback;
        private int matched;
        private boolean found;

        Search(byte[] pattern) {
            this.pattern = pattern;
            this.fallback = new int[pattern.length];
            for (int i = 1, k = 0; i < pattern.length; i++) {
                while (k > 0 && pattern[i] != pattern[k]) {
                    k = fallback[k - 1];
                }
                if (pattern[i] == pattern[k]) {
                    k++;
                }
                fallback[i] = k;
            }
        }

        void feed(byte[] bytes, int length) {
            for (int i = 0; i < length && !found; i++) {
                while (matched > 0 && bytes[i] != pattern[matched]) {
                    matched = fallback[matched - 1];
                }
                if (bytes[i] == pattern[matched]) {
                    matched++;
                }
                if (matched == pattern.length) {
                    found = true;
                }
            }
        }

        boolean found() {
            return found;
        }
    }
}
