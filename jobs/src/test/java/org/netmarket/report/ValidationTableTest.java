package org.netmarket.report;

import org.junit.jupiter.api.Test;
import org.netmarket.edition.TestEditions;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.pipeline.RunOutcome;
import org.netmarket.rules.Reason;
import org.netmarket.staging.DataDirectory;
import org.netmarket.staging.FileReport;
import org.netmarket.warehouse.ScoreChanges;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table {@code validate} prints: one line per file, its columns in line however long the
 * paths of a delivery are (market-entities/market-entities-2019-2024.csv) and with Chinese file
 * names, which take two terminal columns a character.
 */
class ValidationTableTest {

    private static FileReport file(String extract, String path, String encoding, long rows, long quarantined) {
        return new FileReport(extract, path, encoding, "0".repeat(64), 100, rows, quarantined, quarantined, List.of(), null, -1);
    }

    private static List<String> print(List<FileReport> files, List<DataDirectory.SkippedFile> notRead) {
        return print(files, notRead, List.of());
    }

    private static List<String> print(List<FileReport> files, List<DataDirectory.SkippedFile> notRead, List<String> problems) {
        return print(files, notRead, List.of(), problems);
    }

    private static List<String> print(List<FileReport> files, List<DataDirectory.SkippedFile> notRead,
                                      List<String> notDelivered, List<String> problems) {
        RunOutcome outcome = new RunOutcome(-1, false, TestEditions.edition2022(), null, List.of(), files, 30, 2, Path.of("/reports/20240101-validate"),
                null, "validated only", ScoreChanges.Report.NONE, notRead, notDelivered, problems, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunSummary.printValidation(outcome, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Terminal columns of {@code s}: CJK ideographs and full-width forms take two. */
    private static int columns(String s) {
        return s.codePoints().map(c -> (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xFF00 && c <= 0xFF60) ? 2 : 1).sum();
    }

    /** The terminal column at which {@code part} starts in {@code line}. */
    private static int columnOf(String line, String part) {
        int i = line.indexOf(part);
        assertTrue(i >= 0, part + " in " + line);
        return columns(line.substring(0, i));
    }

    @Test
    void theColumnsStayInLineForLongAndChinesePaths() {
        String longest = "market-entities/market-entities-2019-2024-revised-by-the-county-office.csv";
        List<String> lines = print(List.of(
                        file("retail", "retail/retail.csv", "UTF-8", 12, 0),
                        file("market-entities", longest, "GB18030", 9, 1),
                        file("complaints", "complaints/投诉-2024年第四季度.csv", "UTF-8", 9, 1)),
                List.of(new DataDirectory.SkippedFile("tax", "tax/tax-2025.xlsx", "not a .csv file")));
        String header = lines.stream().filter(l -> l.startsWith("extract")).findFirst().orElseThrow();
        int encoding = columnOf(header, "encoding");
        assertTrue(encoding > longest.length(), "the file column holds the longest path: " + header);
        int rowsEnd = columnOf(header, "rows") + 4;
        for (String name : List.of("retail/retail.csv", longest, "complaints/投诉-2024年第四季度.csv")) {
            String line = lines.stream().filter(l -> l.contains(name)).findFirst().orElseThrow();
            String enc = line.contains("GB18030") ? "GB18030" : "UTF-8";
            assertEquals(encoding, columnOf(line, enc), "encoding column of\n" + header + "\n" + line);
            String rows = name.startsWith("retail") ? "12" : "9";
            assertEquals(rowsEnd, columnOf(line, " " + rows + " ") + 1 + rows.length(), "rows column of\n" + header + "\n" + line);
        }
        String skipped = lines.stream().filter(l -> l.contains("tax/tax-2025.xlsx")).findFirst().orElseThrow();
        assertEquals(encoding, columnOf(skipped, "not read: not a .csv file"), skipped);
    }

    /** Short names keep the columns' minimum widths: 18 for the extract, 44 for the file, one space between. */
    @Test
    void shortPathsKeepTheUsualWidth() {
        List<String> lines = print(List.of(file("tax", "tax/tax.csv", "UTF-8", 3, 0)), List.of());
        String header = lines.stream().filter(l -> l.startsWith("extract")).findFirst().orElseThrow();
        assertEquals(18 + 1, columnOf(header, "file"), header);
        assertEquals(18 + 1 + 44 + 1, columnOf(header, "encoding"), header);
        String row = lines.stream().filter(l -> l.startsWith("tax ")).findFirst().orElseThrow();
        assertEquals(18 + 1, columnOf(row, "tax/tax.csv"), row);
        assertEquals(18 + 1 + 44 + 1, columnOf(row, "UTF-8"), row);
    }

    /**
     * Every extract of the contract that had no file read is named, so a misnamed folder is not
     * silent: as not delivered when its folder is missing (its items lack their input), as
     * delivered without rows when the folder is there but holds no .csv file (its record items
     * have no records).
     */
    @Test
    void anExtractWithNoFileReadIsListedAsNotDeliveredOrWithoutRows() {
        List<String> notDelivered = SchemaCatalog.load().all().stream().map(ExtractSchema::name)
                .filter(n -> !List.of("regions", "tax", "case-reviews", "complaints").contains(n)).toList();
        List<String> lines = print(List.of(file("tax", "tax/tax.csv", "UTF-8", 3, 0)),
                List.of(new DataDirectory.SkippedFile("(none)", "trainings/", "not an extract folder; did you mean training?"),
                        new DataDirectory.SkippedFile("complaints", "complaints/complaints-2025.txt", "not a .csv file")),
                notDelivered, List.of());
        String all = String.join("\n", lines);
        assertTrue(lines.stream().anyMatch(l -> l.matches("training +- +not delivered: no folder training/")), all);
        assertTrue(lines.stream().anyMatch(l -> l.matches("case-reviews +- +delivered without rows: no \\.csv file in case-reviews/")),
                all);
        assertTrue(lines.stream().anyMatch(l -> l.matches("complaints +- +delivered without rows: no \\.csv file read in complaints/")),
                all);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("tax ") && l.contains("delivered")), all);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("regions ")), "regions.csv is not an extract folder");
        assertEquals(notDelivered.size(), lines.stream().filter(l -> l.contains("not delivered")).count(), all);
        assertEquals(12, notDelivered.size(), "the 15 extracts of the contract but tax, case-reviews and complaints");
    }

    /** A file that cannot be used is marked on its own row, not only in the error printed after the table. */
    @Test
    void aFileThatFailedSaysSoOnItsRow() {
        String problem = "training/training-2025.csv: header (line 1) lacks required column training_hours";
        FileReport failed = new FileReport("training", "training/training-2025.csv", "UTF-8", "0".repeat(64), 100, 0, 0, 0,
                List.of("hours"), Reason.of(problem, "training/training-2025.csv：表头（第 1 行）缺少必需的列 training_hours"), -1);
        List<String> lines = print(List.of(file("tax", "tax/tax.csv", "UTF-8", 3, 0), failed), List.of(), List.of(problem));
        String row = lines.stream().filter(l -> l.startsWith("training ")).findFirst().orElseThrow();
        assertTrue(row.endsWith("  FAILED: header (line 1) lacks required column training_hours"), row);
        String ok = lines.stream().filter(l -> l.startsWith("tax ")).findFirst().orElseThrow();
        assertTrue(!ok.contains("FAILED"), ok);
        assertTrue(lines.contains("Not scorable as delivered: 1 problem(s), said by the error that follows (on stderr)."), String.join("\n", lines));
        assertTrue(print(List.of(file("tax", "tax/tax.csv", "UTF-8", 3, 0)), List.of()).stream()
                .noneMatch(l -> l.startsWith("Not scorable")), "said only when there are problems");
    }
}
