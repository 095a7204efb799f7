package org.netmarket.pipeline;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local file system of local runs sets the same permission bits as Hadoop's chmod would. */
class InProcessPermissionsFileSystemTest {

    /** Every one of the 512 modes, against Hadoop's own rendering of the permission ({@code rwxr-x---}). */
    @Test
    void everyModeMapsToThePosixBitsHadoopNamesForIt() {
        for (int mode = 0; mode <= 0777; mode++) {
            FsPermission permission = new FsPermission((short) mode);
            assertEquals(permission.toString(), PosixFilePermissions.toString(InProcessPermissionsFileSystem.posix(permission)),
                    "mode " + Integer.toOctalString(mode));
        }
    }

    @Test
    void foldersAndFilesItCreatesGetTheirPermissions(@TempDir java.nio.file.Path dir) throws IOException {
        FileSystem fs = fileSystem();
        Path folder = new Path(dir.resolve("generation-7").toUri());
        assertTrue(fs.mkdirs(folder, new FsPermission((short) 0700)));
        assertEquals("rwx------", permissionsOf(dir.resolve("generation-7")));

        Path file = new Path(folder, "part-00000.parquet");
        try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), false, 4096, (short) 1, 1 << 20, null)) {
            out.write(new byte[] {1, 2, 3});
        }
        assertEquals("rw-r-----", permissionsOf(dir.resolve("generation-7/part-00000.parquet")));
        assertEquals(3, fs.getFileStatus(file).getLen(), "the bytes written (and a checksum file beside them)");
        assertTrue(Files.exists(dir.resolve("generation-7/.part-00000.parquet.crc")), "checksums kept as Hadoop's local file system keeps them");

        fs.setPermission(file, new FsPermission((short) 0604));
        assertEquals("rw----r--", permissionsOf(dir.resolve("generation-7/part-00000.parquet")));
    }

    /** Java cannot set the sticky bit: such a request goes to Hadoop's own way, bits and all. */
    @Test
    void aStickyFolderIsLeftToHadoop(@TempDir java.nio.file.Path dir) throws IOException {
        FileSystem fs = fileSystem();
        java.nio.file.Path shared = Files.createDirectory(dir.resolve("shared"));
        fs.setPermission(new Path(shared.toUri()), new FsPermission((short) 01775));
        assertEquals("rwxrwxr-x", permissionsOf(shared));
        assertTrue(fs.getFileStatus(new Path(shared.toUri())).getPermission().getStickyBit(), "sticky bit set");
    }

    private static FileSystem fileSystem() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs.file.impl", InProcessPermissionsFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        FileSystem fs = FileSystem.get(URI.create("file:///"), conf);
        assertEquals(InProcessPermissionsFileSystem.class, fs.getClass());
        return fs;
    }

    private static String permissionsOf(java.nio.file.Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
