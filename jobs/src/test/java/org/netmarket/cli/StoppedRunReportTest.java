package org.netmarket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a stopped run tells its user: one line saying why on the console (a stack trace only for
 * a defect of the job), the same reason at the end of the run folder's run.log with the details,
 * and where that folder is; never a credential.
 */
class StoppedRunReportTest {
    private static final String RUN_FOLDER = "Run folder (";

    @TempDir
    Path tmp;

    private Path reports() {
        return tmp.resolve("reports");
    }

    /** The last line of a run.log that starts a log entry (a trace's lines do not). */
    private static String lastEntry(String log) {
        List<String> entries = log.lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*")).toList();
        return entries.get(entries.size() - 1);
    }

    @Test
    void badInputEndsTheRunLogWithTheReasonAndTheConsoleNamesTheFolder() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("no-regions"));
        Files.createDirectories(data.resolve("retail"));
        JobRunner.Result r = JobRunner.run(reports(), "run", "--data", data.toString(), "--dry-run");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        Path folder = JobRunner.lastRunFolder(reports());
        // Stopped before the extracts were read: the folder holds the log only, and says so.
        assertTrue(r.output().contains("Run folder (run.log): " + folder), r.output());
        String log = JobRunner.lastRunLog(reports());
        String last = lastEntry(log);
        assertTrue(last.contains(" ERROR ") && last.contains("bad input, nothing was published: ")
                && last.contains("regions.csv is missing"), log);
        assertFalse(log.contains("\tat "), "bad input has no stack trace: " + log);
        assertTrue(log.contains("edition 2022: 41 indicators"), "the run.log says which edition the run used: " + log);
        assertTrue(log.contains("stage ingest: stopped after") && !log.contains("stage ingest: done"),
                "the stage that broke is not logged as done: " + log);
    }

    @Test
    void optionsTheEditionCannotServeAreBadUsageNotBadInput() throws IOException {
        // Exit 2 either way; the words say whose the fix is: the command's, not the delivery's.
        JobRunner.Result r = JobRunner.run(reports(), "run", "--data", GoldenData.GIVEN.toString(), "--dry-run",
                "--items", "19.9");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("error (bad usage, nothing was published): --items: edition 2022 has no indicator "
                + "or item '19.9'"), r.output());
        assertFalse(r.output().contains("bad input"), r.output());
        assertFalse(r.output().contains("\tat org."), "no stack trace: " + r.output());
        // Refused once regions.csv is read: the run folder's log says it in the same words.
        JobRunner.Result unknown = JobRunner.run(reports(), "run", "--data", GoldenData.GIVEN.toString(), "--dry-run",
                "--regions", "140802,999999");
        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode(), unknown.output());
        assertTrue(unknown.output().contains("error (bad usage, nothing was published): --regions names region(s) not in "
                + "regions.csv: 999999"), unknown.output());
        assertTrue(lastEntry(JobRunner.lastRunLog(reports())).contains("bad usage, nothing was published: --regions"),
                JobRunner.lastRunLog(reports()));
    }

    @Test
    void aQuarantineStopSaysWhereTheQuarantineReportIs() throws IOException {
        // regions.csv alone, with 1 bad row of 5 (20% > 5%): the stop the user met, without reading extracts
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("regions.csv"), Files.readString(GoldenData.GIVEN.resolve("regions.csv"))
                + "140899,某镇,140800,town,central\n");
        JobRunner.Result r = JobRunner.run(reports(), "validate", "--data", data.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("extract regions: 1 of 5 rows quarantined (20.0%)"), r.output());
        int table = r.output().indexOf("Validation of the extracts");
        assertTrue(table >= 0 && table < r.output().indexOf("error (bad input"),
                "validate prints its table of the files before the problem: " + r.output());
        Path folder = JobRunner.lastRunFolder(reports());
        assertTrue(Files.readString(folder.resolve("quarantine.csv")).contains("140899"));
        assertTrue(r.output().contains("Run folder (run.log, quarantine.csv, inputs.csv): " + folder), r.output());
        assertTrue(lastEntry(JobRunner.lastRunLog(reports())).contains("see the quarantine report"));
    }

    @Test
    void anUnreachableWarehouseIsOneLineAndItsDetailsGoToTheRunLog() throws IOException {
        JobRunner.Result r = JobRunner.run(reports(), "nightly", "--data", GoldenData.GIVEN.toString(),
                "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x?user=postgres&password=LeakK8");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.output());
        assertTrue(r.output().contains("error (failed, nothing was published): "
                + "cannot reach the warehouse jdbc:postgresql://127.0.0.1:1/x: Connection refused"), r.output());
        assertFalse(r.output().contains("\tat "), "no stack trace: " + r.output());
        assertFalse(r.output().contains("Unable to obtain connection"), r.output());
        assertEquals(1, r.output().split("refused", -1).length - 1, "said once: " + r.output());
        assertTrue(r.output().contains(RUN_FOLDER + "run.log): " + JobRunner.lastRunFolder(reports())), r.output());
        String log = JobRunner.lastRunLog(reports());
        assertTrue(lastEntry(log).contains("ERROR NetmarketCommand - failed, nothing was published: cannot reach the warehouse"),
                log);
        assertTrue(log.contains("Caused by: java.net.ConnectException: Connection refused"), "the details: " + log);
        assertFalse(r.output().contains("LeakK8"), r.output());
        assertFalse(log.contains("LeakK8"), log);
    }

    /** The preview is a dry run's extra: an unreachable warehouse costs it the preview, not the scorecard. */
    @Test
    void aDryRunWhoseWarehouseIsUnreachableScoresWithoutThePreviewUnlessItNeedsThePublishedPoints() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:1/x";
        JobRunner.Result plain = JobRunner.run(reports(), "run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                "--dry-run", "--jdbc-url", url);
        assertEquals(ExitCodes.OK, plain.exitCode(), plain.output());
        assertTrue(plain.output().contains("Dry run: nothing was published; nothing was compared with the warehouse either "
                + "(cannot reach the warehouse jdbc:postgresql://127.0.0.1:1/x: Connection refused)."), plain.output());
        assertTrue(JobRunner.lastRunLog(reports()).contains("cannot reach the warehouse jdbc:postgresql://127.0.0.1:1/x: "
                + "Connection refused: the dry run goes on without listing what publishing would change"),
                JobRunner.lastRunLog(reports()));
        JobRunner.Result items = JobRunner.run(reports(), "run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                "--dry-run", "--items", "19", "--jdbc-url", url);
        assertEquals(ExitCodes.FAILURE, items.exitCode(), items.output());
        assertTrue(items.output().contains("cannot reach the warehouse"), items.output());
    }

    @Test
    void anUnwritableReportDirectoryIsOneLine() {
        Path notAFolder = Path.of("/dev/null/x");
        JobRunner.Result r = JobRunner.run(notAFolder, "run", "--data", GoldenData.GIVEN.toString(), "--dry-run");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.output());
        assertTrue(r.output().contains("error (failed, nothing was published): "
                + "cannot create the run folder under /dev/null/x: Not a directory"), r.output());
        assertFalse(r.output().contains("\tat "), "no stack trace: " + r.output());
        assertFalse(r.output().contains(RUN_FOLDER), "no run folder to show: " + r.output());

        // nightly takes its lock in the report directory first
        r = JobRunner.run(notAFolder, "nightly", "--data", GoldenData.GIVEN.toString());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.output());
        assertTrue(r.output().contains("error (failed, nothing was published): "
                + "cannot create the nightly lock file /dev/null/x/nightly.lock: Not a directory"), r.output());
        assertFalse(r.output().contains("\tat "), "no stack trace: " + r.output());
    }

    /** A command that fails the way a defect of the job does, after its run folder was created. */
    @Command(name = "defect")
    static final class Defect implements Callable<Integer> {
        Path folder;

        @Override
        public Integer call() throws Exception {
            throw new StoppedRun(new IllegalStateException("no facts for jdbc:postgresql://postgres:LeakM2@db/x"), folder);
        }
    }

    @Test
    void aDefectKeepsItsStackTraceOnTheConsoleAndInTheRunLog() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("20261129-023000-run"));
        Files.writeString(folder.resolve("run.log"), "2026-11-29 02:30:00 INFO  ScoringPipeline - stage facts: started\n");
        Defect defect = new Defect();
        defect.folder = folder;
        CommandLine cl = NetmarketCommand.commandLine().addSubcommand(defect);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));

        assertEquals(ExitCodes.FAILURE, cl.execute("defect"));
        String console = err.toString();
        assertTrue(console.contains("error (failed, nothing was published): no facts for jdbc:postgresql://***@db/x"), console);
        assertTrue(console.contains("java.lang.IllegalStateException") && console.contains("\tat org.netmarket.cli."), console);
        assertTrue(console.contains("Run folder (run.log): " + folder), console);
        String log = Files.readString(folder.resolve("run.log"));
        assertTrue(log.startsWith("2026-11-29 02:30:00 INFO  ScoringPipeline - stage facts: started\n"), "appended: " + log);
        assertTrue(lastEntry(log).endsWith(" ERROR NetmarketCommand - failed, nothing was published: no facts for "
                + "jdbc:postgresql://***@db/x"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: no facts for") && log.contains("\tat org.netmarket.cli."),
                "the stack trace: " + log);
        assertFalse(console.contains("LeakM2"), console);
        assertFalse(log.contains("LeakM2"), log);
    }
}
