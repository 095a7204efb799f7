package org.netmarket.pipeline;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.netmarket.facts.FactSheet;
import org.netmarket.facts.RecordFacts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the record-level counts Spark computed (year, region_code, fact, count), sorted, so that
 * another engine's figures can be compared with them line by line (scripts/bench does, with
 * DuckDB) and a surprising score can be traced to its counts.
 */
final class FactCountsCsv {
    private FactCountsCsv() {
    }

    /** Writes the counts; the folder exists (the run refused a --facts-csv whose folder does not, before its work). */
    static void write(Path file, List<FactSheet> sheets) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("year", "region_code", "fact", "count").get())) {
            for (FactSheet sheet : sheets) {
                RecordFacts records = sheet.records();
                for (String region : new TreeSet<>(records.regions())) {
                    for (Map.Entry<String, Long> f : new TreeMap<>(records.of(region)).entrySet()) {
                        p.printRecord(sheet.period().year(), region, f.getKey(), f.getValue());
                    }
                }
            }
        }
    }
}
