package org.netmarket.pipeline;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.staging.FileEncoding;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same facts delivered in hostile formatting — GB18030, BOM, CRLF, shuffled and extra
 * columns, every field quoted, a quoted line break in an extra column, a header ending in commas
 * above rows without them, booleans and enums in other spellings — publish exactly the same
 * scores as the clean delivery.
 */
class HostileFormattingTest {
    @TempDir
    Path work;

    @Test
    void hostileFormattingPublishesTheSameScoresAsCleanFormatting() throws Exception {
        Path hostile = work.resolve("hostile");
        rewriteHostile(GoldenData.GIVEN, hostile);
        String cleanUrl = TestingPostgres.server().createWarehouse();
        String hostileUrl = TestingPostgres.server().createWarehouse();
        assertEquals(ExitCodes.OK, run(GoldenData.GIVEN, cleanUrl).exitCode());
        JobRunner.Result h = run(hostile, hostileUrl);
        assertEquals(ExitCodes.OK, h.exitCode(), h.output());

        String query = "SELECT region_code, eval_year, indicator_code, level, points, max_points, status, value, "
                + "comparison_value, numerator, denominator, reason FROM netmarket.indicator_score";
        WarehouseRows clean = WarehouseRows.query(cleanUrl, "clean", query, "region_code", "indicator_code");
        WarehouseRows dirty = WarehouseRows.query(hostileUrl, "hostile", query, "region_code", "indicator_code");
        assertEquals(GoldenData.SCORE_ROWS, clean.size(), "indicator_score rows of the clean run, the rows compared below");
        assertEquals(clean.size(), dirty.size(), "indicator_score rows of the hostile run");
        for (var e : clean.all().entrySet()) {
            for (Map.Entry<String, Object> c : e.getValue().entrySet()) {
                dirty.assertValue(e.getKey(), c.getKey(), c.getValue());
            }
        }
        WarehouseRows files = WarehouseRows.query(hostileUrl, "run_input_file", "SELECT * FROM netmarket.run_input_file", "path");
        files.assertValue("operators/operators.csv", "encoding", "GB18030");
        files.assertValue("regions.csv", "encoding", "UTF-8 (BOM)");
        assertEquals(List.of("remark"), files.row("dispatches/dispatches-2024.csv").get("extra_columns"));
        assertEquals(List.of("(unnamed column 6)", "(unnamed column 7)"), files.row("training/training.csv").get("extra_columns"));
        files.assertValue("training/training.csv", "rows_quarantined", 0L);
        files.assertValue("assessments/assessments-2024.csv", "encoding", "GB18030");
    }

    private JobRunner.Result run(Path data, String url) {
        return JobRunner.run(work.resolve("reports"), "run", "--data", data.toString(), "--year", "2024", "--jdbc-url", url);
    }

    /** Rewrites every file of a delivery with the same records in hostile formatting. */
    static void rewriteHostile(Path from, Path to) throws IOException {
        Random random = new Random(42);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = from.relativize(p).toString();
                Path target = to.resolve(rel);
                Files.createDirectories(target.getParent());
                List<CSVRecord> records;
                List<String> header;
                try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
                    header = parser.getHeaderNames();
                    records = parser.getRecords();
                }
                List<String> columns = new ArrayList<>(header);
                boolean extra = rel.startsWith("dispatches/") || rel.startsWith("complaints/");
                if (extra) {
                    columns.add("remark");
                }
                Collections.shuffle(columns, random);
                boolean gb = rel.startsWith("operators/") || rel.startsWith("assessments/");
                boolean bom = rel.equals("regions.csv") || rel.startsWith("retail/");
                CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n")
                        .setQuoteMode(rel.startsWith("complaints/") ? org.apache.commons.csv.QuoteMode.ALL
                                : org.apache.commons.csv.QuoteMode.MINIMAL).get();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Charset cs = gb ? FileEncoding.GB18030 : StandardCharsets.UTF_8;
                if (bom) {
                    bytes.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                }
                // A spreadsheet's empty columns: a header ending in commas above rows without them.
                boolean unnamedColumns = rel.startsWith("training/") || rel.startsWith("tax/");
                try (Writer w = new OutputStreamWriter(bytes, cs); CSVPrinter out = new CSVPrinter(w, format)) {
                    List<String> headerLine = new ArrayList<>(columns);
                    if (unnamedColumns) {
                        headerLine.addAll(List.of("", ""));
                    }
                    out.printRecord(headerLine);
                    for (CSVRecord rec : records) {
                        List<String> values = new ArrayList<>();
                        for (String c : columns) {
                            values.add(c.equals("remark") ? "备注, with a comma\nand a line break" : respell(c, rec.get(c)));
                        }
                        out.printRecord(values);
                    }
                }
                Files.write(target, bytes.toByteArray());
            }
        }
    }

    /** Other spellings the contract allows: booleans as 1/0 and TRUE/False, enums in upper case, padded fields. */
    private static String respell(String column, String value) {
        return switch (value) {
            case "true" -> column.equals("odr_settled") ? "1" : "TRUE";
            case "false" -> column.equals("odr_settled") ? "0" : "False";
            case "是" -> "1";
            case "否" -> "0";
            case "online", "odr", "success", "failed", "none", "report", "identity_claim" -> value.toUpperCase(Locale.ROOT);
            default -> value.isEmpty() ? value : " " + value + " ";
        };
    }
}
