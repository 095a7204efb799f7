package org.netmarket.staging;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.RunReports;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A file's count of set-aside rows covers every row of it the run set aside: invalid rows, and
 * the rows that lost to a conflicting version decided after the file was read, so that the files
 * of an extract add up to what its quarantine lists.
 */
class FileQuarantineCountsTest {
    @TempDir
    Path tmp;

    @Test
    void conflictingVersionsCountForTheFilesTheyCameFrom() throws Exception {
        Path data = GoldenData.copyTo(tmp.resolve("data"));
        // Same key and version as employment.csv's 140802 2024 row, other figures: both rows are
        // set aside; plus one row that fails validation.
        Files.writeString(data.resolve("employment/employment-conflict.csv"),
                "region_code,year,online_market_employed,total_employed,reported_at\n"
                        + "140802,2024,31,1000,2025-03-01\n"
                        + "140802,2023,-5,1000,2024-03-01\n", StandardCharsets.UTF_8);
        Path reports = tmp.resolve("reports");
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", data.toString(), "--year", "2024", "--dry-run",
                "--quarantine-threshold", "1");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        Path folder = JobRunner.lastRunFolder(reports);
        Map<String, Long> byFile = new HashMap<>();
        for (CSVRecord rec : RunReports.records(folder.resolve("inputs.csv"))) {
            byFile.put(rec.get("path"), Long.parseLong(rec.get("rows_quarantined")));
        }
        assertEquals(1L, byFile.get("employment/employment.csv"), "its row of the conflicting key");
        assertEquals(2L, byFile.get("employment/employment-conflict.csv"), "the conflicting row and the invalid one");
        Map<String, Long> listed = new HashMap<>();
        try (Reader in = Files.newBufferedReader(folder.resolve("quarantine.csv"))) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                listed.merge(rec.get("file"), 1L, Long::sum);
            }
        }
        for (String file : List.of("employment/employment.csv", "employment/employment-conflict.csv")) {
            assertEquals(listed.get(file), byFile.get(file), file + ": inputs.csv against quarantine.csv");
        }
    }
}
