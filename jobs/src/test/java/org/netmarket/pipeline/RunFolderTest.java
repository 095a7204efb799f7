package org.netmarket.pipeline;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.rules.Reason;
import org.netmarket.staging.QuarantinedRow;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestingPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nightly run's housekeeping of the report directory ({@code --keep-run-folders}). */
class RunFolderTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 3, 31, 2, 30, 0);

    @TempDir
    Path tmp;
    private Path reports;

    @BeforeEach
    void reportDirectory() throws IOException {
        reports = Files.createDirectories(tmp.resolve("reports"));
    }

    /**
     * Runs started in the same second (an analyst's beside the nightly, a scheduler's retry) each
     * get a folder of their own, numbered from the second, even when they create it at once: two
     * runs sharing one would write into each other's run.log and quarantine.csv. Many rounds, so
     * that a look-then-create (which two runs can pass together) is caught.
     */
    @Test
    void runsStartedInTheSameSecondEachGetAFolderOfTheirOwn() throws Exception {
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            for (int round = 0; round < 200; round++) {
                LocalDateTime second = NOW.plusSeconds(round);
                CyclicBarrier together = new CyclicBarrier(runs);
                List<Future<Path>> started = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    started.add(pool.submit(() -> {
                        together.await();
                        return RunFolder.newFolder(reports, "run", second);
                    }));
                }
                Set<String> names = new TreeSet<>();
                for (Future<Path> f : started) {
                    names.add(f.get(1, TimeUnit.MINUTES).getFileName().toString());
                }
                String stamp = second.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                Set<String> expected = new TreeSet<>(List.of(stamp + "-run"));
                for (int n = 2; n <= runs; n++) {
                    expected.add(stamp + "-run-" + n);
                }
                assertEquals(expected, names, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A run folder is deleted when it started more than the given days before now, by the time in
     * its name: at the cutoff it stays, a second before it goes; newer ones stay.
     */
    @Test
    void deletesTheRunFoldersOlderThanTheGivenDays() throws IOException {
        LocalDateTime cutoff = NOW.minusDays(90);
        Path beforeCutoff = runFolder(cutoff.minusSeconds(1), "nightly");
        Path atCutoff = runFolder(cutoff, "nightly");
        Path afterCutoff = runFolder(cutoff.plusSeconds(1), "run");
        Path yearOld = runFolder(NOW.minusYears(1), "backfill");
        Path secondOfTheSameSecond = Files.createDirectories(reports.resolve(yearOld.getFileName() + "-2"));
        Files.writeString(secondOfTheSameSecond.resolve("quarantine.csv"), "extract,file\n");

        List<Path> deleted = RunFolder.deleteExpired(reports, 90, NOW);

        assertEquals(List.of(yearOld, secondOfTheSameSecond, beforeCutoff), deleted);
        assertEquals(List.of(atCutoff.getFileName().toString(), afterCutoff.getFileName().toString()), entries());
    }

    /** 0 days keeps every run folder, however old. */
    @Test
    void zeroDaysKeepsEverything() throws IOException {
        runFolder(NOW.minusYears(5), "nightly");
        assertEquals(List.of(), RunFolder.deleteExpired(reports, 0, NOW));
        assertEquals(1, entries().size());
    }

    /**
     * Only folders named as runs name them are touched: the staging area and the nightly lock live
     * in the report directory too, and an operator may keep anything there.
     */
    @Test
    void leavesEverythingThatIsNotARunFolder() throws IOException {
        Files.createDirectories(reports.resolve("staging/complaints/g1"));
        Files.writeString(reports.resolve("nightly.lock"), "");
        Files.createDirectories(reports.resolve("20200101-000000"));
        Files.createDirectories(reports.resolve("20200101-000000-Nightly"));
        Files.createDirectories(reports.resolve("20201399-000000-nightly"));
        Files.createDirectories(reports.resolve("old-20200101-000000-nightly"));
        Files.createDirectories(reports.resolve("20200101-000000-notes"));
        Files.createDirectories(reports.resolve("20200101-000000-nightlyx"));
        Files.writeString(reports.resolve("20200101-000000-nightly"), "a file, not a run folder");
        List<String> before = entries();

        assertEquals(List.of(), RunFolder.deleteExpired(reports, 1, NOW));
        assertEquals(before, entries());
        assertTrue(Files.isDirectory(reports.resolve("staging/complaints/g1")));
    }

    /**
     * From the command line: a nightly run deletes what it no longer keeps (90 days by default) as
     * it starts, even a run that then fails; an analyst's run deletes nothing.
     */
    @Test
    void aNightlyRunDeletesTheRunFoldersItNoLongerKeepsAndAnAnalystsRunDoesNot() throws Exception {
        Path expired = runFolder(LocalDateTime.now().minusDays(91), "nightly");
        Path kept = runFolder(LocalDateTime.now().minusDays(89), "nightly");
        String notMounted = tmp.resolve("share-not-mounted").toString();

        JobRunner.Result adhoc = JobRunner.run(reports, "run", "--data", notMounted, "--dry-run");
        assertEquals(ExitCodes.BAD_INPUT, adhoc.exitCode(), adhoc.output());
        assertTrue(Files.exists(expired), "an analyst's run deletes no run folder");

        JobRunner.Result night = JobRunner.run(reports, "nightly", "--data", notMounted, "--jdbc-url",
                TestingPostgres.server().createDatabase());
        assertEquals(ExitCodes.FAILURE, night.exitCode(), night.output());
        assertFalse(Files.exists(expired));
        assertTrue(Files.exists(kept));
        String log = JobRunner.lastRunLog(reports);
        assertTrue(log.contains("deleted 1 run folder(s) older than 90 days (--keep-run-folders), the oldest "
                + expired.getFileName()), log);
    }

    /**
     * The ledger copies a run's quarantine from its quarantine.csv: what is written is read back
     * field for field — a raw line with a quoted line break, both reasons, an empty column and
     * region — past the byte order mark that Excel needs to show the Chinese.
     */
    @Test
    void theQuarantineReportReadsBackWhatWasWritten() throws IOException {
        List<QuarantinedRow> rows = List.of(
                new QuarantinedRow("operators", "operators/o.csv", 7, "91140802MA0000313F,\"盐湖区\n某网店\",140802,shop",
                        "operator_type", Reason.of("'shop' is not one of platform, in_platform, self_built",
                        "“shop”不是可选值之一：platform、in_platform、self_built"), "140802"),
                new QuarantinedRow("dispatches", "dispatches/d.csv", 3, "D1,140802", null,
                        Reason.of("the row has 2 fields but the header has 8", "本行有 2 个字段，表头有 8 列"), null));
        try (RunFolder folder = RunFolder.create(reports.toString(), "run")) {
            Path report = folder.writeQuarantine(rows.iterator());
            List<QuarantinedRow> back = new ArrayList<>();
            folder.quarantine().forEachRemaining(back::add);
            assertEquals(rows, back);
            assertEquals("\uFEFFextract,file,line,region_code,column,reason,reason_zh,raw_line",
                    Files.readAllLines(report, StandardCharsets.UTF_8).get(0));
        }
    }

    private Path runFolder(LocalDateTime started, String command) throws IOException {
        Path p = Files.createDirectories(reports.resolve(String.format("%1$tY%1$tm%1$td-%1$tH%1$tM%1$tS-%2$s", started, command)));
        Files.writeString(p.resolve("run.log"), "a run's log\n");
        return p;
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> s = Files.list(reports)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
