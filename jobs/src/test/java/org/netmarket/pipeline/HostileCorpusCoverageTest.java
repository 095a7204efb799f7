package org.netmarket.pipeline;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.netmarket.extract.ColumnSpec;
import org.netmarket.extract.ColumnType;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.RowRule;
import org.netmarket.extract.SchemaCatalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus's expectation ({@code hostile/expect/quarantine.csv}) against the schemas,
 * without running anything: {@link HostileCorpusTest} proves the job quarantines exactly those
 * rows, this proves those rows break every rule there is.
 */
class HostileCorpusCoverageTest {

    /**
     * Keeps the corpus complete as schemas grow: every enumeration, cross-field rule and reference
     * of every schema, and every way of breaking each column type, has a row in the expectation.
     */
    @Test
    void theCorpusBreaksEveryRowRuleOfEverySchema() throws Exception {
        List<String[]> expected = new ArrayList<>();
        for (CSVRecord r : csv(HostileCorpusTest.HOSTILE.resolve("expect/quarantine.csv"))) {
            expected.add(new String[]{r.get("extract"), r.get("column"), r.get("reason")});
        }
        SchemaCatalog catalog = SchemaCatalog.load();
        Map<ColumnType, List<String[]>> byType = new EnumMap<>(ColumnType.class);
        for (ExtractSchema schema : catalog.all()) {
            for (ColumnSpec c : schema.columns()) {
                for (String[] e : expected) {
                    if (e[0].equals(schema.name()) && e[1].equals(c.name())) {
                        byType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(e);
                    }
                }
                if (c.type() == ColumnType.ENUM) {
                    assertBroken(expected, schema.name(), c.name(), "' is not one of " + String.join(", ", c.values()));
                }
            }
            for (RowRule rule : schema.rules()) {
                if (rule instanceof RowRule.NotBefore nb) {
                    assertBroken(expected, schema.name(), nb.column(), " is before " + nb.start() + " ");
                } else if (rule instanceof RowRule.EmptyUnless eu) {
                    assertBroken(expected, schema.name(), eu.column(), " must be empty unless " + eu.otherColumn());
                } else if (rule instanceof RowRule.NonNegativeUnless nn) {
                    assertBroken(expected, schema.name(), nn.column(), " is negative; " + nn.column() + " must be >= 0 when");
                } else if (rule instanceof RowRule.References ref) {
                    assertBroken(expected, schema.name(), ref.column(), " is not in the " + ref.extract() + " registry");
                }
            }
        }
        // How each column type is broken: a fragment of the reason, or (ending in "|") its whole ending.
        Map<ColumnType, List<String>> ways = new LinkedHashMap<>();
        ways.put(ColumnType.REGION_CODE, List.of("is not a 6-digit region code", "is not in regions.csv"));
        ways.put(ColumnType.USCC, List.of("characters; a unified social credit code has 18", "which is not allowed in a unified",
                "fails the GB 32100-2015 check"));
        ways.put(ColumnType.DATE, List.of("is not a date (YYYY-MM-DD)|", "there is no such day"));
        ways.put(ColumnType.TIMESTAMP, List.of("is not a timestamp (YYYY-MM-DD HH:MM:SS)|", "there is no such date or time"));
        ways.put(ColumnType.MONTH, List.of("is not a month (YYYY-MM)|", "there is no such month"));
        ways.put(ColumnType.YEAR, List.of("is not a year (4 digits)", "is outside 1949-2200"));
        ways.put(ColumnType.COUNT, List.of("is not a whole number", "is negative", "no thousands separators"));
        ways.put(ColumnType.MONEY, List.of("is negative", "no thousands separators", "is not a number|"));
        ways.put(ColumnType.DECIMAL, List.of("is negative", "is not a number|"));
        ways.put(ColumnType.SIGNED_RATE, List.of("is above 1", "is below -1", "write rates as fractions"));
        ways.put(ColumnType.BOOLEAN, List.of("is not a boolean"));
        ways.put(ColumnType.ITEM_CODE, List.of("is not an item of edition", "(it is an indicator;", "is computed from the extracts"));
        ways.put(ColumnType.POINTS, List.of("points are not allowed for item", "is negative"));
        ways.put(ColumnType.TEXT, List.of("is empty but required", "holds bytes that are not GB18030 text"));
        for (Map.Entry<ColumnType, List<String>> w : ways.entrySet()) {
            for (String way : w.getValue()) {
                boolean ending = way.endsWith("|");
                String text = ending ? way.substring(0, way.length() - 1) : way;
                assertTrue(byType.getOrDefault(w.getKey(), List.of()).stream()
                        .anyMatch(e -> ending ? e[2].endsWith(text) : e[2].contains(text)), "no row breaks a " + w.getKey()
                        + " column with a reason " + (ending ? "ending in: " : "containing: ") + text);
            }
        }
        List<int[]> widths = expected.stream().map(e -> WIDTH.matcher(e[2])).filter(Matcher::matches)
                .map(m -> new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}).toList();
        assertTrue(widths.stream().anyMatch(w -> w[0] > w[1]), "a row with too many fields");
        assertTrue(widths.stream().anyMatch(w -> w[0] < w[1]), "a row with too few fields");
        assertTrue(expected.stream().filter(e -> e[2].startsWith("conflicting versions")).count() >= 2, "conflicting versions");
    }

    private static final Pattern WIDTH = Pattern.compile("the row has (\\d+) fields but the header has (\\d+)\\b.*");

    private static void assertBroken(List<String[]> expected, String extract, String column, String fragment) {
        assertTrue(expected.stream().anyMatch(e -> e[0].equals(extract) && e[1].equals(column) && e[2].contains(fragment)),
                "no row of " + extract + " breaks " + column + " with a reason containing: " + fragment);
    }

    private static List<CSVRecord> csv(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
