package org.netmarket.staging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link CsvRecords} reads every input exactly as the Commons CSV reader it replaced
 * ({@link CommonsCsvRecords}): same header, same records with the same line numbers, raw text and
 * fields, and the same error at the same place with the same message. Random documents are built
 * from the characters that matter to the grammar (comma, quote, CR, LF, whitespace, BOM) plus
 * ordinary and Chinese text; a small buffer makes records straddle refills
 * and outgrow the buffer.
 */
class CsvRecordsCommonsTest {
    private static final String[] PIECES = {"a", "bc", "杭州", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t",
            "\u3000", "\uFEFF", "1", "x,y", "\"q\"", "\"m\nl\"", ",\"", "\",", "\"\n"};

    @Test
    void randomDocumentsReadTheSameWay() throws IOException {
        Random random = new Random(20261128L);
        for (int doc = 0; doc < 20_000; doc++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String s = text.toString();
            assertEquals(describe(commons(s)), describe(fast(s, 1 + random.nextInt(8))), "document " + doc + ": " + escape(s));
        }
    }

    @Test
    void wellFormedDocumentsWithQuotedFieldsAcrossManyRefills() throws IOException {
        Random random = new Random(7L);
        for (int doc = 0; doc < 200; doc++) {
            StringBuilder text = new StringBuilder("id,name,note\r\n");
            for (int row = 0; row < 300; row++) {
                text.append(row).append(',');
                text.append(random.nextBoolean() ? "\"店,\"\"" + row + "\"\"\n二店\"" : "plain" + row).append(',');
                text.append(random.nextInt(5) == 0 ? "" : "n").append(random.nextBoolean() ? "\r\n" : "\n");
                if (random.nextInt(20) == 0) {
                    text.append("\n");
                }
            }
            String s = text.toString();
            assertEquals(describe(commons(s)), describe(fast(s, 3 + random.nextInt(100))), "document " + doc);
        }
    }

    /** What a reader made of a document: header, records, and the error that stopped it. */
    private record Outcome(List<String> header, List<String> records, String error) {
    }

    private static String describe(Outcome o) {
        return "header=" + o.header() + "\n" + String.join("\n", o.records()) + "\nerror=" + o.error();
    }

    private static Outcome commons(String text) throws IOException {
        CommonsCsvRecords r;
        try {
            r = new CommonsCsvRecords(new StringReader(text));
        } catch (CsvRecords.MalformedCsvException e) {
            return new Outcome(null, List.of(), e.getMessage());
        }
        List<String> records = new ArrayList<>();
        try (r) {
            while (r.hasNext()) {
                CommonsCsvRecords.Line l = r.next();
                records.add(l.lineNumber() + "|" + escape(l.raw()) + "|" + escape(Arrays.toString(l.fields())));
            }
        } catch (CsvRecords.MalformedCsvException e) {
            return new Outcome(r.header(), records, e.getMessage());
        }
        return new Outcome(r.header(), records, null);
    }

    private static Outcome fast(String text, int chunk) throws IOException {
        CsvRecords r;
        try {
            r = new CsvRecords(new ChunkedReader(text, chunk), chunk);
        } catch (CsvRecords.MalformedCsvException e) {
            return new Outcome(null, List.of(), e.getMessage());
        }
        List<String> records = new ArrayList<>();
        try (r) {
            while (r.hasNext()) {
                CsvRecords.Line l = r.next();
                records.add(l.lineNumber() + "|" + escape(l.raw()) + "|" + escape(Arrays.toString(l.fields())));
            }
        } catch (CsvRecords.MalformedCsvException e) {
            return new Outcome(r.header(), records, e.getMessage());
        }
        return new Outcome(r.header(), records, null);
    }

    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Hands out at most {@code chunk} characters per read, as a slow stream would. */
    private static final class ChunkedReader extends Reader {
        private final String text;
        private final int chunk;
        private int at;

        ChunkedReader(String text, int chunk) {
            this.text = text;
            this.chunk = chunk;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (at >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), text.length() - at);
            text.getChars(at, at + n, cbuf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
