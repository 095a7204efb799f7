package org.netmarket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files of a data directory as the command line meets them: any name a local file or folder
 * may have is read.
 */
class DataDirectoryCommandLineTest {
    @TempDir
    Path tmp;

    private Path reports() {
        return tmp.resolve("reports");
    }

    @Test
    void validateReadsADataDirectoryAndFilesWhoseNamesHoldSpacesAndColons() throws IOException {
        Path data = GoldenData.copyTo(tmp.resolve("base copy"));
        Files.move(data.resolve("tax/tax.csv"), data.resolve("tax/tax 2019-2024.csv"));
        Files.move(data.resolve("express/express.csv"), data.resolve("express/express-2025-03-05T02:30:00.csv"));
        JobRunner.Result r = JobRunner.run(reports(), "validate", "--data", data.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        assertTrue(r.output().contains("tax/tax 2019-2024.csv"), r.output());
        assertTrue(r.output().contains("express/express-2025-03-05T02:30:00.csv"), r.output());
    }

    @Test
    void aDryRunReadsAFolderNamedWithChineseHashAndPercent() throws IOException {
        Path data = GoldenData.copyTo(tmp.resolve("运城 #3 100%"));
        JobRunner.Result r = JobRunner.run(reports(), "run", "--data", data.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        assertTrue(r.output().contains("Dry run: nothing was published."), r.output());
    }
}
