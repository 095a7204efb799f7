package org.netmarket.pipeline;

import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hadoop's local file system ({@code file:}), checksums and all, setting the permissions of what
 * it creates from Java rather than by running {@code chmod}. Without Hadoop's native library,
 * which Spark's jars do not ship, Hadoop starts a {@code chmod} process for every file, checksum
 * file and folder it creates (174 in a {@code nightly --full} on the sample data, 101 in a
 * national nightly: about 2 s of its ingest on two cores). Local-mode sessions use it
 * ({@link SparkSessions}); a submitted job keeps its cluster's file systems.
 */
public final class InProcessPermissionsFileSystem extends LocalFileSystem {

    /** Whether the JVM's own file system has POSIX permissions (not on Windows, where Hadoop has its own way). */
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Hadoop instantiates a file system by reflection, through this constructor. */
    public InProcessPermissionsFileSystem() {
        super(new Raw());
    }

    /** The raw local file system whose permissions are set by {@link Files#setPosixFilePermissions}. */
    static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            // Java has no sticky bit, and the native library does not spawn anything either.
            if (!POSIX || NativeIO.isAvailable() || permission.getStickyBit()) {
                super.setPermission(p, permission);
            } else {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
            }
        }
    }

    /** The POSIX permission bits of a Hadoop permission (sticky bit aside). */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        add(out, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        add(out, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE);
        add(out, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        return out;
    }

    private static void add(Set<PosixFilePermission> out, FsAction action, PosixFilePermission read,
                            PosixFilePermission write, PosixFilePermission execute) {
        if (action.implies(FsAction.READ)) {
            out.add(read);
        }
        if (action.implies(FsAction.WRITE)) {
            out.add(write);
        }
        if (action.implies(FsAction.EXECUTE)) {
            out.add(execute);
        }
    }
}
