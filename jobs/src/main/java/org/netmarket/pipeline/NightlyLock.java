package org.netmarket.pipeline;

import org.netmarket.config.EnvironmentException;
import org.netmarket.rules.Reason;
import org.netmarket.warehouse.PublishLock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps two nightly runs from overlapping on one machine: an exclusive lock on
 * {@code <report-dir>/nightly.lock}, taken before anything else and released at exit (the
 * operating system releases it if the process dies). A second nightly run gives up at once —
 * the scheduler will start it again tomorrow — unlike the warehouse lock, for which a nightly run
 * waits while an analyst's run finishes.
 */
public final class NightlyLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private NightlyLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or throws {@link PublishLock.LockedException} naming the lock file; a report
     * directory where the lock file cannot be created is an {@link EnvironmentException}.
     */
    public static NightlyLock acquire(Path reportDir) throws IOException {
        Path dir = reportDir.toAbsolutePath().normalize();
        Path file = dir.resolve("nightly.lock");
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new EnvironmentException(cannotCreate(file, e), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new PublishLock.LockedException(Reason.of("another nightly run is in progress (it holds " + file
                    + "); this one does not start", "另一个夜间运行正在进行（它持有 " + file + "），本次不启动"));
        }
        return new NightlyLock(channel, lock);
    }

    /**
     * Why the lock file cannot be had; when permission is denied, what to do about it: a night
     * started by hand as another user (root) leaves the file, or the folder, that user's.
     */
    static String cannotCreate(Path file, IOException e) {
        String message = "cannot create the nightly lock file " + file + ": " + RunFolder.reason(e, file);
        return e instanceof AccessDeniedException
                ? message + "; make it writable by " + System.getProperty("user.name")
                + " (a run started by hand as another user, root, leaves it theirs)"
                : message;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
