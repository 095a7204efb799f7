package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.netmarket.config.EnvironmentException;
import org.netmarket.warehouse.RunLedger.FailureKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class NoSpaceLeftTest {
    private static final List<String> PLACES = List.of("the report folder (--report-dir) /r", "Spark's scratch space (spark.local.dir) /tmp");

    @Test
    void aFullDiskDeepInSparksFailureIsTheEnvironmentsNamingWhereTheJobWrites() {
        IOException os = new IOException("No space left on device");
        RuntimeException spark = new RuntimeException("Job aborted due to stage failure: Task 3 in stage 7.0 failed 1 times, most"
                + " recent failure: java.io.IOException: No space left on device\n\tat java.base/…", os);
        EnvironmentException e = NoSpaceLeft.of(spark, PLACES);
        assertEquals("the disk is full (No space left on device): free space where the job writes — the report folder"
                + " (--report-dir) /r, Spark's scratch space (spark.local.dir) /tmp — and rerun", e.getMessage());
        assertEquals("磁盘空间不足（No space left on device）：请在作业写入的位置（the report folder (--report-dir) /r、Spark's scratch"
                + " space (spark.local.dir) /tmp）释放空间后重新运行", e.messageZh().orElseThrow());
        assertSame(spark, e.getCause(), "the whole failure stays for the run's log");
        assertEquals(FailureKind.ENVIRONMENT, RunFailure.kindOf(e));
    }

    @Test
    void theFileIsNamedWhenTheOperatingSystemSaidWhichAndAQuotaCountsToo() {
        FileSystemException os = new FileSystemException("/r/run/quarantine.csv", null, "Disk quota exceeded");
        EnvironmentException e = NoSpaceLeft.of(new UncheckedIOException(os), PLACES);
        assertEquals("the disk is full writing /r/run/quarantine.csv (Disk quota exceeded): free space where the job writes — "
                + String.join(", ", PLACES) + " — and rerun", e.getMessage());
    }

    @Test
    void aWarehouseServerOutOfDiskIsTheEnvironmentsAndSaidAsTheServersDisk() {
        SQLException server = new SQLException("ERROR: could not extend file \"base/16384/16500\": No space left on device\n"
                + "  Hint: Check free disk space.", "53100");
        EnvironmentException e = NoSpaceLeft.of(new IllegalStateException("publishing failed", server), PLACES);
        assertEquals("the warehouse's server has no disk space left (ERROR: could not extend file \"base/16384/16500\": No space"
                + " left on device): free space on its disk and rerun", e.getMessage());
        assertEquals(FailureKind.ENVIRONMENT, RunFailure.kindOf(e));
    }

    @Test
    void otherFailuresAreNotADiskFull() {
        assertNull(NoSpaceLeft.of(new IOException("Stream closed"), PLACES));
        assertNull(NoSpaceLeft.of(new SQLException("ERROR: deadlock detected", "40P01"), PLACES));
        assertNull(NoSpaceLeft.of(new NullPointerException(), PLACES), "a failure without a message");
    }
}
