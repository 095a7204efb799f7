package org.netmarket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.UnreadableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The files of a data directory as the command line meets them: any name a local file or folder
 * may have is read; a file that cannot be read stops the run as bad input (exit code 2) with one
 * message naming it and why, and nothing published; a file of an extract folder that is not read
 * (not a CSV) is named in the report and warned of in the log.
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

    /**
     * A --data that is no location is bad usage on a publishing run too, found before it is
     * registered (it was once a stack trace and exit 1 there, which a scheduler retries); no
     * warehouse is reached for it, and no run folder is left.
     */
    @Test
    void aDataLocationThatIsNoPathIsBadUsageBeforeAPublishingRunStarts() throws IOException {
        JobRunner.Result r = JobRunner.run(reports(), "run", "--data", "file:relative",
                "--jdbc-url", "jdbc:postgresql://warehouse.invalid/netmarket");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("error (bad usage, nothing was published): the data directory (--data) file:relative"
                + " is no path or URI the job can read"), r.output());
        assertFalse(r.output().contains("\tat org."), "no stack trace: " + r.output());
        try (Stream<Path> folders = Files.exists(reports()) ? Files.list(reports()) : Stream.empty()) {
            assertFalse(folders.findAny().isPresent(), "no run folder");
        }
    }

    /** The run stopped as bad input with the message, and without a stack trace. */
    private static void badInput(JobRunner.Result r, String message) {
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("error (bad input, nothing was published): " + message), r.output());
        assertFalse(r.output().contains("\tat org."), "no stack trace: " + r.output());
    }

    @Test
    void aFileWithoutReadPermissionIsBadInputNamingTheFile() throws IOException {
        Path mem = UnreadableFiles.PROCESS_ONE_MEMORY;
        assumeFalse(UnreadableFiles.canOpen(mem), "this process can open /proc/1/mem");
        Path data = GoldenData.copyTo(tmp.resolve("data"));
        Files.createSymbolicLink(data.resolve("express/bad.csv"), mem);
        badInput(JobRunner.run(reports(), "validate", "--data", data.toString()),
                "cannot read express/bad.csv: Permission denied");
    }

    @Test
    void aBrokenLinkIsBadInputNamingTheFile() throws IOException {
        Path data = GoldenData.copyTo(tmp.resolve("data"));
        Files.createSymbolicLink(data.resolve("express/dead.csv"), Path.of("/nonexistent/file.csv"));
        badInput(JobRunner.run(reports(), "run", "--data", data.toString(), "--dry-run"),
                "cannot read express/dead.csv: it is a link to /nonexistent/file.csv, which does not exist");
    }

    @Test
    void everyUnreadableFileIsNamedAtOnceAndABrokenRegionsCsvToo() throws IOException {
        Path data = GoldenData.copyTo(tmp.resolve("data"));
        UnreadableFiles.socketAt(data.resolve("tax/socket.csv"));
        Files.createSymbolicLink(data.resolve("complaints/dead.csv"), Path.of("/nonexistent/file.csv"));
        JobRunner.Result r = JobRunner.run(reports(), "validate", "--data", data.toString());
        badInput(r, "2 problems with the input:");
        assertTrue(r.output().contains("  - cannot read complaints/dead.csv: it is a link to /nonexistent/file.csv, "
                + "which does not exist"), r.output());
        assertTrue(r.output().contains("  - cannot read tax/socket.csv: No such device or address"), r.output());

        Files.move(data.resolve("regions.csv"), data.resolve("regions-real.csv"));
        Files.createSymbolicLink(data.resolve("regions.csv"), Path.of("/nonexistent/regions.csv"));
        badInput(JobRunner.run(reports(), "validate", "--data", data.toString()),
                "cannot read regions.csv: it is a link to /nonexistent/regions.csv, which does not exist");
    }

    /** The run.log of the one run under the report directory. */
    private String runLog() throws IOException {
        try (Stream<Path> files = Files.walk(reports())) {
            Path log = files.filter(p -> p.getFileName().toString().equals("run.log")).findFirst().orElseThrow();
            return Files.readString(log);
        }
    }

    @Test
    void validateNamesEveryFileOfAnExtractFolderThatIsNotRead() throws IOException {
        Path data = GoldenData.copyTo(tmp.resolve("data"));
        Files.writeString(data.resolve("complaints/complaints-2025.txt"), "a misnamed delivery");
        Files.writeString(data.resolve("complaints/.DS_Store"), "hidden");
        Files.writeString(data.resolve("complaints/_complaints-fix.csv"), "a clerk's correction, named as Hadoop names what not to read");
        JobRunner.Result r = JobRunner.run(reports(), "validate", "--data", data.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        assertTrue(r.output().lines().anyMatch(l -> l.startsWith("complaints ") && l.contains("complaints/complaints-2025.txt")
                && l.endsWith("not read: not a .csv file")), r.output());
        assertTrue(r.output().lines().anyMatch(l -> l.startsWith("complaints ") && l.contains("complaints/_complaints-fix.csv")
                && l.endsWith("not read: its name starts with _, which marks a file not to read (as Hadoop's _SUCCESS):"
                + " rename it without the _ to have it read")), r.output());
        assertFalse(r.output().lines().anyMatch(l -> l.startsWith("complaints ") && l.contains(".DS_Store")),
                "hidden files are not listed in the table (the log counts them): " + r.output());
        String log = runLog();
        assertTrue(log.contains("WARN  Ingestion - extract complaints: complaints/complaints-2025.txt not read: not a .csv file"), log);
        assertTrue(log.contains("INFO  Ingestion - extract complaints: 1 hidden file(s) not read (names starting with . or _): "
                + "complaints/.DS_Store"), log);
    }

    @Test
    void aRunNamesEveryFileOfAnExtractFolderThatIsNotRead() throws IOException {
        Path data = GoldenData.copyTo(tmp.resolve("data"));
        Files.writeString(data.resolve("tax/tax-2025.xlsx"), "not a CSV");
        JobRunner.Result r = JobRunner.run(reports(), "run", "--data", data.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        assertTrue(r.output().contains("Files and folders of the data directory that were not read:\n"
                + "  tax/tax-2025.xlsx  not read: not a .csv file\n"), r.output());
    }

    @Test
    void aMisspelledExtractFolderIsNamedWithTheExtractItResembles() throws IOException {
        Path data = GoldenData.copyTo(tmp.resolve("data"));
        Files.move(data.resolve("training"), data.resolve("trainings"));
        JobRunner.Result r = JobRunner.run(reports(), "validate", "--data", data.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        assertTrue(r.output().lines().anyMatch(l -> l.startsWith("(none) ") && l.contains("trainings/")
                && l.endsWith("not read: not an extract of the contract (did you mean training/?)")), r.output());
        assertTrue(runLog().contains("WARN  Ingestion - data directory: trainings/ not read: not an extract of the contract "
                + "(did you mean training/?)"), runLog());
    }
}
