package org.netmarket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as users and schedulers meet it: help with examples, exit codes, short messages. */
class CommandLineTest {
    @TempDir
    Path reports;

    @ParameterizedTest
    @ValueSource(strings = {"run", "nightly", "backfill", "validate", "generate-data"})
    void everyCommandExplainsItselfWithExamples(String command) {
        JobRunner.Result r = JobRunner.run(reports, command, "--help");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.output().contains("Usage: netmarket " + command), r.output());
        assertTrue(r.output().contains("Examples"), command + " --help shows examples");
    }

    @Test
    void anUnknownOptionIsBadUsageWithAShortMessage() {
        JobRunner.Result r = JobRunner.run(reports, "run", "--yeer", "2024");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.output().contains("Unknown options: '--yeer'"), r.output());
        assertTrue(r.output().contains("Try 'netmarket run --help'"), r.output());
    }

    /** What the scripts ask before they start a local PostgreSQL for a run: the command line alone, nothing run. */
    @Test
    void checkingTheUsageRunsNothingAndSaysWhatRunningWouldSay() throws IOException {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int bad;
        int good;
        try {
            bad = NetmarketCommand.checkUsage("run", "--data", GoldenData.GIVEN.toString(), "--year");
            good = NetmarketCommand.checkUsage("run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                    "--report-dir", reports.toString());
        } finally {
            System.setErr(err);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.BAD_INPUT, bad, output);
        assertTrue(output.contains("error (bad usage, nothing was published): Missing required parameter for option '--year' (Y)\nTry 'netmarket run --help'."),
                output);
        assertEquals(ExitCodes.OK, good, output);
        try (Stream<Path> folders = Files.list(reports)) {
            assertEquals(0, folders.count(), "no run folder: nothing was run");
        }
    }

    /** A mistyped command is called one, with the commands there are and the likeliest meant. */
    @Test
    void aMistypedCommandIsNamedWithTheCommandsThereAre() {
        JobRunner.Result r = JobRunner.run(reports, "valdate", "--data", GoldenData.GIVEN.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.output().contains("error (bad usage, nothing was published): unknown command 'valdate': the commands are run, nightly, backfill, validate, "
                + "generate-data, help\n"), r.output());
        assertTrue(r.output().contains("Did you mean: netmarket validate"), r.output());
    }

    /** The command line is echoed into the nightly log when an option is mistyped: its password must not be. */
    @Test
    void aMistypedOptionDoesNotEchoAPassword() {
        JobRunner.Result r = JobRunner.run(reports, "run", "--jdbc", "jdbc:postgresql://db/x?user=postgres&password=LeakF6");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.output().contains("Unknown options: '--jdbc', 'jdbc:postgresql://db/x?user=postgres&password=***'"),
                r.output());
        assertFalse(r.output().contains("LeakF6"), r.output());
        // A password with a quote and a blank in it is taken out whole.
        r = JobRunner.run(reports, "run", "--jdbc", "jdbc:postgresql://db/x?user=postgres&password=Le'ak F7");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertFalse(r.output().contains("ak F7"), r.output());
    }

    /** A run of the golden data publishing to {@code jdbcUrl}, waiting at most a second for the lock. */
    private JobRunner.Result runAgainst(String jdbcUrl) {
        return JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--jdbc-url", jdbcUrl, "--wait-for-lock", "1");
    }

    /** An unreachable warehouse is one line naming it by its redacted URL (exit 1: the machine's state). */
    @Test
    void anUnknownHostIsOneLineNamingTheRedactedUrl() {
        JobRunner.Result r = runAgainst("jdbc:postgresql://no-such-host.invalid:5432/netmarket?password=LeakD5");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.output());
        assertTrue(r.output().contains("error (failed, nothing was published): cannot reach the warehouse "
                + "jdbc:postgresql://no-such-host.invalid:5432/netmarket: unknown host no-such-host.invalid\n"), r.output());
        assertFalse(r.output().contains("LeakD5"), r.output());
    }

    /**
     * user:password@ before the host is no URL the driver reads (it took it for part of the host
     * name, and logged it): bad usage, said without the password.
     */
    @Test
    void userInfoInTheUrlIsBadUsageAndIsNotShown() {
        JobRunner.Result r = runAgainst("jdbc:postgresql://postgres:LeakD4@no-such-host.invalid:5432/netmarket");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("puts the user and password before the host, which the PostgreSQL driver does not read"), r.output());
        assertFalse(r.output().contains("LeakD4"), r.output());
    }

    @Test
    void publishingWithoutAWarehouseIsBadUsage() {
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.output().contains("no warehouse to publish to: give --jdbc-url or set NETMARKET_JDBC_URL "
                + "(or use --dry-run to print the scorecard only)"), r.output());
    }

    /** Without a warehouse, a dry run of some items cannot show the others' published points: its last line says so. */
    @Test
    void aDryRunOfSomeItemsWithoutAWarehouseSaysTheOthersAreAsComputedNow() {
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                "--items", "19", "--dry-run");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        assertTrue(r.output().contains("Dry run: nothing was published; the items not recomputed are shown as computed now, "
                + "not with their published points (no warehouse given).\n"), r.output());
    }

    /** nightly has no --dry-run: its message must not send the user to one. */
    @Test
    void aNightlyWithoutAWarehouseIsNotPointedToADryRun() {
        JobRunner.Result r = JobRunner.run(reports, "nightly", "--data", GoldenData.GIVEN.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.output().contains("no warehouse to publish to: give --jdbc-url or set NETMARKET_JDBC_URL\n"), r.output());
    }

    @Test
    void backfillNeedsItsRange() {
        assertEquals(ExitCodes.BAD_INPUT, JobRunner.run(reports, "backfill", "--from", "2024").exitCode());
        JobRunner.Result r = JobRunner.run(reports, "backfill", "--from", "2024", "--to", "2022", "--dry-run");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.output().contains("--to 2022 is before --from 2024"), r.output());
    }

    @Test
    void anUnknownRegionIsBadUsage() throws Exception {
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--dry-run",
                "--regions", "140802,999999");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.output().contains("--regions names region(s) not in regions.csv: 999999"), r.output());
        // refused from regions.csv alone, before any extract is read
        String log = JobRunner.lastRunLog(reports);
        assertTrue(log.contains("regions.csv: 4 regions"), log);
        assertFalse(log.contains("reading"), log);
    }

    @Test
    void validateReportsEveryFileAndPublishesNothing() {
        JobRunner.Result r = JobRunner.run(reports, "validate", "--data", GoldenData.GIVEN.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        assertTrue(r.output().contains("Validation of the extracts — nothing was published."), r.output());
        assertTrue(r.output().contains("complaints/complaints-2024.csv"), r.output());
        assertTrue(r.output().contains("1 quarantined"), r.output());
    }

    @Test
    void aMissingDataDirectoryIsBadInputThatSaysSo() throws IOException {
        Path nowhere = reports.resolve("nowhere");
        JobRunner.Result r = JobRunner.run(reports, "validate", "--data", nowhere.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.output().contains("the data directory (--data) " + nowhere + " does not exist"), r.output());
        Path file = Files.writeString(Files.createTempFile(reports, "regions", ".csv"), "region_code\n");
        JobRunner.Result f = JobRunner.run(reports, "validate", "--data", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, f.exitCode());
        assertTrue(f.output().contains("the data directory (--data) " + file + " is a file, not a folder"), f.output());
        Path empty = Files.createDirectories(reports.resolve("empty"));
        JobRunner.Result e = JobRunner.run(reports, "validate", "--data", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
        assertTrue(e.output().contains("the data directory (--data) " + empty + " is empty"), e.output());
    }

    /** validate checks the extracts only: an option that would change nothing is refused, not silently ignored. */
    @Test
    void validateRefusesTheOptionsOfScoringAndPublishing() {
        JobRunner.Result r = JobRunner.run(reports, "validate", "--data", GoldenData.GIVEN.toString(), "--regions", "999999",
                "--items", "7", "--jdbc-url", "jdbc:postgresql://nowhere:1/x", "--wait-for-lock", "0", "--as-of", "2024-01-01");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("Unknown options: '--regions', '999999', '--items', '7', '--jdbc-url'"), r.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--regions", "--items", "--jdbc-url", "--wait-for-lock", "--as-of", "--year", "--dry-run", "--mode"})
    void validateDoesNotOfferAnOptionThatDoesNotAffectIt(String option) {
        JobRunner.Result help = JobRunner.run(reports, "validate", "--help");
        assertFalse(help.output().contains(option), help.output());
        JobRunner.Result r = JobRunner.run(reports, "validate", "--data", reports.resolve("nowhere").toString(), option);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("Unknown option: '" + option + "'"), r.output());
    }

    /** -V, which every command's help offers, names the job's version for every command. */
    @ParameterizedTest
    @ValueSource(strings = {"run", "nightly", "backfill", "validate", "generate-data"})
    void everyCommandTellsItsVersion(String command) {
        CommandLine cl = NetmarketCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(ExitCodes.OK, cl.execute(command, "--version"));
        assertTrue(out.toString().contains("netmarket-jobs "), command + ": " + out);
    }

    /** The edition decides which assessed items exist, so it matters to validate; so do the reading and report options. */
    @Test
    void validateHelpListsWhatAffectsItAndTellsWhereTheQuarantinedRowsAre() {
        String help = JobRunner.run(reports, "validate", "--help").output();
        for (String option : new String[]{"--data", "--edition", "--quarantine-threshold", "--report-dir", "--spark-master",
                "--shuffle-partitions"}) {
            assertTrue(help.contains(option), option + " in " + help);
        }
        assertFalse(help.contains("quarantined rows are listed"), "the table counts them; the rows are in quarantine.csv: " + help);
        assertTrue(help.contains("quarantine.csv"), help);
    }

    @Test
    void validateNamesTheFileThatListsTheQuarantinedRows() {
        JobRunner.Result r = JobRunner.run(reports, "validate", "--data", GoldenData.GIVEN.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        assertTrue(r.output().lines().anyMatch(l -> l.startsWith("Quarantined rows (file, line, column, reason in English and Chinese): ")
                && l.endsWith("quarantine.csv")), r.output());
    }

    /** A backfill scores several years, each as of its December 31: it does not offer --as-of (run --year does). */
    @Test
    void backfillDoesNotOfferAsOf() {
        // Options are listed as --name=LABEL; the footer may point to run's --as-of.
        assertFalse(JobRunner.run(reports, "backfill", "--help").output().contains("--as-of=DATE"));
        assertTrue(JobRunner.run(reports, "run", "--help").output().contains("--as-of=DATE"));
        assertTrue(JobRunner.run(reports, "nightly", "--help").output().contains("--as-of=DATE"));
        JobRunner.Result r = JobRunner.run(reports, "backfill", "--from", "2024", "--to", "2024", "--as-of", "2024-06-30",
                "--dry-run");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("Unknown options: '--as-of'"), r.output());
    }

    /** A --facts-csv that cannot be written is refused before the run does the work it would hold. */
    @Test
    void aFactsCsvThatCannotBeWrittenIsBadUsageBeforeAnythingIsRead() throws IOException {
        Path folder = Files.createTempDirectory("facts");
        try {
            JobRunner.Result dir = JobRunner.run(reports, "nightly", "--data", GoldenData.GIVEN.toString(),
                    "--facts-csv", folder.toString());
            assertEquals(ExitCodes.BAD_INPUT, dir.exitCode(), dir.output());
            assertTrue(dir.output().contains("--facts-csv " + folder + " is a folder: give a file name"), dir.output());
            JobRunner.Result missing = JobRunner.run(reports, "nightly", "--data", GoldenData.GIVEN.toString(),
                    "--facts-csv", folder.resolve("no-such-folder/facts.csv").toString());
            assertEquals(ExitCodes.BAD_INPUT, missing.exitCode(), missing.output());
            assertTrue(missing.output().contains("folder " + folder.resolve("no-such-folder") + " does not exist"),
                    missing.output());
            try (Stream<Path> written = Files.list(reports)) {
                // (the nightly's lock file is there: it is taken before the options are checked)
                assertEquals(0, written.filter(Files::isDirectory).count(), "no run folder: nothing was read");
            }
        } finally {
            Files.delete(folder);
        }
    }

    /** A value of the wrong form says what form is expected, in the user's words, not Java's. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "run|--as-of|2024-6-30|Invalid value for option '--as-of': '2024-6-30' is not a date YYYY-MM-DD (e.g. 2024-06-30)",
            "nightly|--as-of|2024-13-01|Invalid value for option '--as-of': '2024-13-01' is not a date YYYY-MM-DD",
            "validate|--quarantine-threshold|abc|Invalid value for option '--quarantine-threshold': 'abc' is not a decimal number",
            // An empty path (--data=, an unset shell variable) would be read as the working directory.
            "run|--data|''|Invalid value for option '--data': empty: a path or URI is needed",
            "validate|--data|' '|Invalid value for option '--data': empty: a path or URI is needed",
            "nightly|--staging|''|Invalid value for option '--staging': empty: a path or URI is needed",
            "run|--facts-csv|''|Invalid value for option '--facts-csv': empty: a path or URI is needed"})
    void aValueOfTheWrongFormSaysWhatIsExpected(String command, String option, String value, String message) {
        JobRunner.Result r = JobRunner.run(reports, command, option, value);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains(message), r.output());
        assertFalse(r.output().contains("java."), r.output());
    }

    @Test
    void anUnknownModeNamesTheModes() {
        JobRunner.Result r = JobRunner.run(reports, "run", "--mode", "foo", "--dry-run");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("Invalid value for option '--mode': 'foo' is not a run mode: expected adhoc or nightly"),
                r.output());
        assertFalse(r.output().contains("org.netmarket"), r.output());
        assertEquals(ExitCodes.BAD_INPUT, JobRunner.run(reports, "run", "--mode", "backfill", "--dry-run").exitCode(),
                "a run scores one year: backfill is the backfill command's mode");
    }

    /**
     * A value that cannot work is refused before anything is read: no run folder, and a message
     * that names the option (not a Java exception).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--regions|''|--regions: no region code given",
            "--regions|' , '|--regions: no region code given",
            "--regions|140802,,140800|--regions: an empty region code in '140802,,140800'",
            "--items|''|--items: no item code given",
            "--items|19,,25|--items: an empty item code in '19,,25'",
            "--wait-for-lock|-5|--wait-for-lock must be at least 0 seconds, was -5",
            "--wait-for-lock|9223372036854775807|--wait-for-lock must be at most 604800 seconds (a week)",
            "--quarantine-threshold|1.5|--quarantine-threshold must be a fraction in [0, 1]"})
    void anOptionValueThatCannotWorkIsBadUsageBeforeAnythingIsRead(String option, String value, String message)
            throws IOException {
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--dry-run", option, value);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains(message), r.output());
        assertFalse(r.output().contains("\tat "), "no stack trace: " + r.output());
        try (Stream<Path> written = Files.list(reports)) {
            assertEquals(0, written.count(), "no run folder: nothing was read");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2"})
    void generateDataRefusesFewerThanOneThread(String threads) {
        CommandLine cl = NetmarketCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        Path out = reports.resolve("generated");
        int code = cl.execute("generate-data", "--scale", "tiny", "--out", out.toString(), "--threads", threads);
        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains("--threads must be at least 1, was " + threads), err.toString());
        assertFalse(Files.exists(out), "nothing generated");
    }

    @Test
    void generateDataRefusesAnOutputThatIsAFile() throws IOException {
        CommandLine cl = NetmarketCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        Path file = Files.writeString(reports.resolve("x"), "");
        assertEquals(ExitCodes.BAD_INPUT, cl.execute("generate-data", "--scale", "tiny", "--out", file.toString()), err.toString());
        assertTrue(err.toString().contains(file + " is a file, not a folder: give a data directory"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
        Path out = reports.resolve("night1");
        assertEquals(ExitCodes.BAD_INPUT, cl.execute("generate-data", "--scale", "tiny", "--out", out.toString(),
                "--delta-out", file.toString()), err.toString());
        assertFalse(Files.exists(out), "nothing generated when the next night's folder is a file");
    }
}
