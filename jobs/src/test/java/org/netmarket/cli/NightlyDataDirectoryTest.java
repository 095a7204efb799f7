package org.netmarket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A nightly run whose data directory is missing: the share is not mounted (yet), which the
 * scheduler may retry (exit 1), unlike an analyst's mistyped --data (exit 2, see
 * CommandLineTest); the run is recorded as failed with the reason.
 */
class NightlyDataDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingDataDirectoryOfANightlyRunIsAFailureTheSchedulerMayRetry() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        Path share = tmp.resolve("share-not-mounted");
        JobRunner.Result r = JobRunner.run(tmp.resolve("reports"), "nightly", "--data", share.toString(), "--jdbc-url", url,
                "--staging", tmp.resolve("staging").toString());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.output());
        String message = "the data directory " + share + " does not exist: is the delivery share mounted? (the scheduler may retry)";
        assertTrue(r.output().contains("error (failed, nothing was published): " + message), r.output());
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT run_id, status, error, error_zh FROM netmarket.pipeline_run", "run_id");
        runs.assertValue("1", "status", "failed");
        runs.assertValue("1", "error", message);
        runs.assertValue("1", "error_zh", "数据目录 " + share + " 不存在：投递共享目录是否已挂载？（调度可以重试）");
    }

    /** A share that is not mounted usually shows as its bare mount point: as retryable as no folder at all. */
    @Test
    void anEmptyDataDirectoryOfANightlyRunIsAFailureTheSchedulerMayRetry() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        Path mountPoint = Files.createDirectories(tmp.resolve("mount-point"));
        JobRunner.Result r = JobRunner.run(tmp.resolve("reports"), "nightly", "--data", mountPoint.toString(), "--jdbc-url", url,
                "--staging", tmp.resolve("staging").toString());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.output());
        assertTrue(r.output().contains("error (failed, nothing was published): the data directory " + mountPoint
                + " is empty: is the delivery share mounted? (the scheduler may retry)"), r.output());
    }

    /**
     * A first night on which one extract's files are all still being copied: scored without
     * them, its items would be published as delivered with nothing to count (no_records) for
     * every region. A failure the scheduler retries instead, naming the extract; nothing published.
     */
    @Test
    void aFirstNightOnWhichOneExtractIsStillArrivingIsRetried() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        Path data = GoldenData.copyTo(tmp.resolve("data"));
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                boolean complaint = data.relativize(f).startsWith("complaints");
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(complaint ? 60 : 86_400)));
            }
        }
        JobRunner.Result r = JobRunner.run(tmp.resolve("reports"), "nightly", "--data", data.toString(), "--jdbc-url", url,
                "--staging", tmp.resolve("staging").toString(), "--min-file-age", "3600");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.output());
        assertTrue(r.output().contains("error (failed, nothing was published): every file of complaints was modified too"
                + " recently to be read (--min-file-age): still being copied"), r.output());
        WarehouseRows.query(url, "pipeline_run", "SELECT run_id, status FROM netmarket.pipeline_run", "run_id")
                .assertValue("1", "status", "failed");
        assertEquals(0, WarehouseRows.query(url, "evaluation_result", "SELECT region_code FROM netmarket.evaluation_result",
                "region_code").all().size(), "nothing published");
    }
}
