package org.netmarket.staging;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.config.EnvironmentException;
import org.netmarket.config.UsageException;
import org.netmarket.rules.Reason;
import org.netmarket.testing.SharedSpark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A location Hadoop cannot use is said in one line as what it is: the command's to correct
 * (exit 2) or the machine's state (exit 1), wrapped however Hadoop wraps it; anything else is
 * left as it is.
 */
class UnusableLocationTest {
    private static final Reason DATA = DataDirectory.WHAT;

    @TempDir
    Path tmp;

    private static RuntimeException said(String location, Throwable failure) {
        return UnusableLocation.explain(DATA, location, failure).orElseThrow(() -> new AssertionError("not explained: " + failure));
    }

    @Test
    void aLocationThatIsNoUriIsBadUsage() {
        RuntimeException e = said("file:relative", new IllegalArgumentException(
                new URISyntaxException("file:relative", "Relative path in absolute URI")));
        assertInstanceOf(UsageException.class, e);
        assertEquals("the data directory (--data) file:relative is no path or URI the job can read "
                + "(Relative path in absolute URI: file:relative)", e.getMessage());
        assertTrue(((UsageException) e).messageZh().orElseThrow().startsWith("数据目录（--data） file:relative 不是"),
                ((UsageException) e).messageZh().orElseThrow());
    }

    @Test
    void aSchemeNoOneKnowsIsBadUsageAskingWhetherItIsMisspelt() {
        RuntimeException e = said("hfds://nn/x", new UnsupportedFileSystemException("No FileSystem for scheme \"hfds\""));
        assertInstanceOf(UsageException.class, e);
        assertTrue(e.getMessage().endsWith("is \"hfds\" misspelt?"), e.getMessage());
    }

    @Test
    void anUnknownHostIsTheMachinesStateInOneLine() {
        RuntimeException e = said("hdfs://nosuchhost.invalid:8020/x",
                new IllegalArgumentException(new UnknownHostException("nosuchhost.invalid")));
        assertInstanceOf(EnvironmentException.class, e);
        assertEquals("the data directory (--data) hdfs://nosuchhost.invalid:8020/x cannot be reached: unknown host nosuchhost.invalid",
                e.getMessage());
    }

    @Test
    void aFileSystemWhoseClassesTheJobLacksSaysWhatToAdd() {
        RuntimeException e = said("s3a://bucket/x", new RuntimeException(
                new ClassNotFoundException("Class org.apache.hadoop.fs.s3a.S3AFileSystem not found")));
        assertInstanceOf(EnvironmentException.class, e);
        assertTrue(e.getMessage().contains("has no s3a:// file system") && e.getMessage().contains("hadoop-aws"), e.getMessage());
    }

    @Test
    void aFileInTheWayOfAFolderIsTheMachinesState() {
        RuntimeException e = said("/tmp/afile", new IllegalStateException(
                new ParentNotDirectoryException("Parent path is not a directory: file:/tmp/afile")));
        assertInstanceOf(EnvironmentException.class, e);
        assertTrue(e.getMessage().contains("a file is in the way of a folder"), e.getMessage());
    }

    /** A folder the file system would not create (Hadoop's local one says no more than that). */
    @Test
    void aFolderThatCannotBeCreatedIsTheMachinesState() {
        RuntimeException e = said("/ro/staging", new UncheckedIOException(
                new java.nio.file.FileSystemException("file:/ro/staging", null, "cannot create the folder")));
        assertInstanceOf(EnvironmentException.class, e);
        assertEquals("the data directory (--data) /ro/staging cannot be used (file:/ro/staging: cannot create the folder)",
                e.getMessage());
    }

    /** A failure already said, or one this class does not know, stays as it is. */
    @Test
    void otherFailuresAreLeftAsTheyAre() {
        assertEquals(Optional.empty(), UnusableLocation.explain(DATA, "/x", new IllegalStateException("a defect")));
        assertEquals(Optional.empty(), UnusableLocation.explain(DATA, "/x", new UncheckedIOException(new IOException("disk full"))));
        assertEquals(Optional.empty(), UnusableLocation.explain(DATA, "/x",
                new EnvironmentException("said already", new UnknownHostException("db"))));
    }

    /** From the real file systems: a file: URI with a relative path, and a staging area where a file is. */
    @Test
    void theDataDirectoryAndTheStagingAreaSayItOnARealFileSystem() throws IOException {
        UsageException relative = assertThrows(UsageException.class, () -> DataDirectory.of("file:relative", new Configuration()));
        assertTrue(relative.getMessage().startsWith("the data directory (--data) file:relative is no path or URI"), relative.getMessage());

        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        for (String staging : new String[] {file.toString(), file.resolve("staging").toString()}) {
            EnvironmentException e = assertThrows(EnvironmentException.class, () -> StagingArea.open(SharedSpark.session(), staging));
            assertTrue(e.getMessage().startsWith("the staging area (--staging) " + staging + " cannot be used: a file is in the way"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
