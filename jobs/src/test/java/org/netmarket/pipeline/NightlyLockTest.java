package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.config.EnvironmentException;
import org.netmarket.warehouse.PublishLock;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job's own nightly lock, {@code <report-dir>/nightly.lock}. */
class NightlyLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedNamingTheLockFileAndTheFirstReleaseLetsTheNextIn() throws IOException {
        Path reports = dir.resolve("reports");
        try (NightlyLock held = NightlyLock.acquire(reports)) {
            PublishLock.LockedException e = assertThrows(PublishLock.LockedException.class, () -> NightlyLock.acquire(reports));
            assertTrue(e.getMessage().contains("another nightly run is in progress (it holds " + reports.resolve("nightly.lock")),
                    e.getMessage());
        }
        try (NightlyLock again = NightlyLock.acquire(reports)) {
            assertTrue(Files.exists(reports.resolve("nightly.lock")));
        }
    }

    @Test
    void aReportFolderThatIsAFileIsTheEnvironmentsFailure() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("reports"), "x");
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> NightlyLock.acquire(notAFolder));
        assertTrue(e.getMessage().startsWith("cannot create the nightly lock file " + notAFolder.resolve("nightly.lock")),
                e.getMessage());
    }

    /** Root is never denied, so the message of a denial is checked on the exception the JDK throws for one. */
    @Test
    void aDeniedLockFileSaysWhoseItMustBe() {
        Path file = dir.resolve("nightly.lock");
        assertEquals("cannot create the nightly lock file " + file + ": Permission denied; make it writable by "
                        + System.getProperty("user.name") + " (a run started by hand as another user, root, leaves it theirs)",
                NightlyLock.cannotCreate(file, new AccessDeniedException(file.toString())));
        assertEquals("cannot create the nightly lock file " + file + ": Read-only file system",
                NightlyLock.cannotCreate(file, new java.nio.file.FileSystemException(file.toString(), null, "Read-only file system")),
                "other failures have no such advice");
    }
}
