package org.netmarket.testing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CSV reports of a run folder ({@code quarantine.csv}, {@code inputs.csv}) as a clerk opens
 * them: each must start with the UTF-8 byte order mark, without which Excel shows their Chinese
 * as mojibake, and then be RFC 4180 CSV with a header row.
 */
public final class RunReports {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private RunReports() {
    }

    /** The report's records, after checking that it starts with the byte order mark. */
    public static List<CSVRecord> records(Path report) throws IOException {
        byte[] start = Arrays.copyOf(Files.readAllBytes(report), BOM.length);
        assertArrayEquals(BOM, start, report.getFileName() + " starts with the UTF-8 byte order mark");
        try (Reader r = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            assertEquals('\uFEFF', r.read());
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
