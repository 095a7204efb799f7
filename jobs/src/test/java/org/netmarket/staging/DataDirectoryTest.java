package org.netmarket.staging;

import org.apache.hadoop.security.AccessControlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.rules.Reason;
import org.netmarket.testing.UnreadableFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Listing and opening the files of a data directory: any character a local file or folder name
 * may hold (space, colon, Chinese, {@code #}, {@code %}), file-system URIs kept as given, a file
 * that cannot be opened named with the reason, and the files of an extract folder that are not
 * read told apart from those that are.
 */
class DataDirectoryTest {
    private static final SchemaCatalog CATALOG = SchemaCatalog.load();
    private static final ExtractSchema REGIONS = CATALOG.get("regions");
    private static final ExtractSchema TAX = CATALOG.get("tax");
    private static final ExtractSchema EXPRESS = CATALOG.get("express");
    private static final ExtractSchema COMPLAINTS = CATALOG.get("complaints");

    @TempDir
    Path tmp;

    private static void write(Path root, String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static List<String> relatives(DataDirectory dir, ExtractSchema schema) {
        return dir.contents(schema).files().stream().map(DataDirectory.DeliveredFile::relative).toList();
    }

    private static String read(DataDirectory dir, String file) throws IOException {
        try (InputStream in = dir.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * One local folder is one data directory however it is spelt: pipeline_run and the staging
     * manifest compare these, and a nightly must see an analyst's run from the folder as its own.
     */
    @Test
    void aLocalFolderHasOneUriHoweverItIsSpelt(@TempDir Path tmp) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("deliveries/yuncheng-1")); // toUri() would escape other characters
        String uri = "file:" + data.toRealPath();
        Path link = Files.createSymbolicLink(tmp.resolve("today"), data);
        for (String spelling : List.of(data.toString(), data + "/", data.toUri().toString(), "file:" + data, "file://" + data,
                "file://localhost" + data, link.toString(), link.toUri().toString(), tmp.resolve("deliveries/../today/.").toString())) {
            assertEquals(uri, DataDirectory.asUri(spelling), spelling);
        }
        assertEquals("file:" + tmp.toRealPath().resolve("not yet"), DataDirectory.asUri(tmp.resolve("not yet") + "/"),
                "a folder not there yet as given, made absolute");
        assertEquals("file:" + tmp.toRealPath().resolve("a%20b"), DataDirectory.asUri("file:" + tmp.toRealPath() + "/a%20b"),
                "a % in a file: URI is part of the name, as Hadoop reads it");
        assertEquals("hdfs://namenode:8020/data", DataDirectory.asUri("hdfs://namenode:8020/data/"), "other file systems as given");
    }

    @Test
    void aDataDirectoryWithASpaceInItsPathIsListedAndRead() throws IOException {
        Path root = tmp.resolve("base copy");
        write(root, "regions.csv", "regions");
        write(root, "tax/tax 2019-2024.csv", "tax");
        DataDirectory dir = DataDirectory.of(root.toString(), null);
        assertTrue(dir.delivered(TAX));
        assertEquals(List.of("regions.csv"), relatives(dir, REGIONS));
        assertEquals(List.of("tax/tax 2019-2024.csv"), relatives(dir, TAX));
        assertEquals("regions", read(dir, dir.files(REGIONS).get(0)));
        assertEquals("tax", read(dir, dir.files(TAX).get(0)));
        // What the staging area and the re-read of quarantined lines build: root, slash, relative path.
        assertEquals("tax", read(dir, dir.root() + "/tax/tax 2019-2024.csv"));
    }

    /**
     * --min-file-age: a file of an extract folder modified less than that before the run started
     * is left for later and said so, one modified exactly that long before is read (the cut-off
     * is "less than"); regions.csv is read whatever its age; 0 reads everything.
     */
    @Test
    void filesModifiedTooRecentlyAreLeftForALaterRunWithTheirReason() throws IOException {
        Path root = tmp.resolve("data");
        Instant start = Instant.parse("2025-03-06T02:30:00Z");
        write(root, "regions.csv", "regions");
        write(root, "tax/old.csv", "old");
        write(root, "tax/at-the-limit.csv", "limit");
        write(root, "tax/copying.csv", "part");
        Files.setLastModifiedTime(root.resolve("regions.csv"), FileTime.from(start.minusSeconds(1)));
        Files.setLastModifiedTime(root.resolve("tax/old.csv"), FileTime.from(start.minusSeconds(3600)));
        Files.setLastModifiedTime(root.resolve("tax/at-the-limit.csv"), FileTime.from(start.minusSeconds(600)));
        Files.setLastModifiedTime(root.resolve("tax/copying.csv"), FileTime.from(start.minusSeconds(599)));
        DataDirectory all = DataDirectory.of(root.toString(), null);
        DataDirectory settled = all.settled(Duration.ofSeconds(600), start);

        assertEquals(List.of("tax/at-the-limit.csv", "tax/copying.csv", "tax/old.csv"), relatives(all, TAX));
        assertTrue(all.settled(Duration.ZERO, start) == all, "0: every file is read");
        assertEquals(List.of("tax/at-the-limit.csv", "tax/old.csv"), relatives(settled, TAX));
        String when = LocalDateTime.ofInstant(start.minusSeconds(599), ZoneId.systemDefault())
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertEquals(List.of(new DataDirectory.SkippedFile("tax", "tax/copying.csv", "modified at " + when + ", less than 600 s "
                + "before the run started (--min-file-age): maybe still being delivered; a later run reads it")),
                settled.contents(TAX).skipped());
        assertEquals(List.of("regions.csv"), relatives(settled, REGIONS));
        assertEquals(Set.of("tax/at-the-limit.csv", "tax/old.csv", "regions.csv"), DataDirectory.inventory(settled.contents(CATALOG.all())).keySet());
        // Every file too recent: none is read tonight, but the folder does hold CSV files.
        DataDirectory allYoung = all.settled(Duration.ofSeconds(7200), start);
        assertEquals(List.of(), relatives(allYoung, TAX));
        assertTrue(allYoung.contents(TAX).hasCsvFiles(), "files left for a later run are files of the delivery");
    }

    /** Misnamed and hidden files are no CSV file of the delivery. */
    @Test
    void aFolderOfOnlyFilesThatAreNotReadHoldsNoCsvFile() throws IOException {
        write(tmp, "complaints/complaints-2025.txt", "a misnamed delivery");
        write(tmp, "complaints/.part-3.csv", "hidden: still being copied");
        assertFalse(DataDirectory.of(tmp.toString(), null).contents(COMPLAINTS).hasCsvFiles());
        write(tmp, "complaints/complaints-2024.csv", "read");
        assertTrue(DataDirectory.of(tmp.toString(), null).contents(COMPLAINTS).hasCsvFiles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"express-2025-03-05T02:30:00.csv", "tax 2019-2024.csv", "运城 快递.csv", "part#1.csv",
            "100%.csv", "a%20b.csv", "x:y/part 1.csv", "子目录#2/100%:3.csv"})
    void anyCharacterOfALocalFileNameIsListedAndRead(String name) throws IOException {
        Path root = tmp.resolve("data 2025:03#1 %20 运城");
        write(root, "express/" + name, name);
        DataDirectory dir = DataDirectory.of(root.toString(), null);
        assertEquals(List.of("express/" + name), relatives(dir, EXPRESS));
        assertEquals(name, read(dir, dir.files(EXPRESS).get(0)));
        assertEquals("express/" + name, dir.relative(dir.files(EXPRESS).get(0)));
    }

    @Test
    void aFileSystemUriIsKeptAsGivenWithItsExtractsUnderIt() {
        DataDirectory hdfs = DataDirectory.of("hdfs://namenode:8020/data/net market/", null);
        assertEquals("hdfs://namenode:8020/data/net market", hdfs.root());
        assertEquals("hdfs://namenode:8020/data/net%20market/tax", hdfs.location(TAX).toUri().toString());
        assertEquals("tax/tax 2024.csv", hdfs.relative("hdfs://namenode:8020/data/net market/tax/tax 2024.csv"));
        DataDirectory s3 = DataDirectory.of("s3a://bucket/deliveries/2025-03-05T02:30", null);
        assertEquals("s3a://bucket/deliveries/2025-03-05T02:30/regions.csv", s3.location(REGIONS).toUri().toString());
        assertEquals("hdfs", hdfs.location(TAX).toUri().getScheme());
    }

    private DataDirectory.UnreadableFileException unreadable(DataDirectory dir, String relative) {
        return assertThrows(DataDirectory.UnreadableFileException.class, () -> read(dir, dir.root() + "/" + relative));
    }

    @Test
    void aBrokenLinkIsListedAndOpeningItSaysWhereItPoints() throws IOException {
        write(tmp, "express/good.csv", "good");
        Files.createSymbolicLink(tmp.resolve("express/dead.csv"), Path.of("/nonexistent/file.csv"));
        DataDirectory dir = DataDirectory.of(tmp.toString(), null);
        assertEquals(List.of("express/dead.csv", "express/good.csv"), relatives(dir, EXPRESS));
        assertEquals("cannot read express/dead.csv: it is a link to /nonexistent/file.csv, which does not exist",
                unreadable(dir, "express/dead.csv").getMessage());
    }

    @Test
    void aBrokenLinkInPlaceOfRegionsCsvIsListedToo() throws IOException {
        Files.createSymbolicLink(tmp.resolve("regions.csv"), Path.of("/nonexistent/regions.csv"));
        DataDirectory dir = DataDirectory.of(tmp.toString(), null);
        assertTrue(dir.delivered(REGIONS));
        assertEquals(List.of("regions.csv"), relatives(dir, REGIONS));
    }

    @Test
    void aFileThatCannotBeOpenedSaysWhy() throws IOException {
        UnreadableFiles.socketAt(tmp.resolve("express/socket.csv"));
        DataDirectory dir = DataDirectory.of(tmp.toString(), null);
        assertEquals(List.of("express/socket.csv"), relatives(dir, EXPRESS));
        assertEquals("cannot read express/socket.csv: No such device or address", unreadable(dir, "express/socket.csv").getMessage());
    }

    @Test
    void aFileWithoutReadPermissionSaysPermissionDenied() throws IOException {
        // Mode 000 would not do: root reads it.
        Path mem = UnreadableFiles.PROCESS_ONE_MEMORY;
        assumeFalse(UnreadableFiles.canOpen(mem), "this process can open /proc/1/mem");
        Files.createDirectories(tmp.resolve("express"));
        Files.createSymbolicLink(tmp.resolve("express/bad.csv"), mem);
        DataDirectory dir = DataDirectory.of(tmp.toString(), null);
        assertEquals("cannot read express/bad.csv: Permission denied", unreadable(dir, "express/bad.csv").getMessage());
    }

    @Test
    void aFolderWithoutReadPermissionIsBadInputNamingIt() throws IOException {
        write(tmp, "express/2025/a.csv", "a");
        Path folder = tmp.resolve("express/2025");
        Files.setPosixFilePermissions(folder, Set.of());
        try {
            assumeFalse(Files.isReadable(folder) && canList(folder), "this process lists folders of mode 000 (root)");
            DataDirectory dir = DataDirectory.of(tmp.toString(), null);
            org.netmarket.extract.InvalidInputException e = assertThrows(org.netmarket.extract.InvalidInputException.class,
                    () -> dir.contents(EXPRESS).files());
            assertEquals("cannot read express/2025/: Permission denied", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * The same for a folder that root cannot list either (the memory-mapping folder of process
     * 1, delivered through a link): the message is checked whoever runs the tests.
     */
    @Test
    void aFolderNobodyMayListIsBadInputNamingIt() throws IOException {
        Path unlistable = Path.of("/proc/1/map_files");
        assumeFalse(canList(unlistable), "this process may list " + unlistable);
        write(tmp, "express/2024/a.csv", "a");
        Files.createSymbolicLink(tmp.resolve("express/2025"), unlistable);
        DataDirectory dir = DataDirectory.of(tmp.toString(), null);
        org.netmarket.extract.InvalidInputException e = assertThrows(org.netmarket.extract.InvalidInputException.class,
                () -> dir.contents(EXPRESS).files());
        assertEquals("cannot read express/2025/: Permission denied", e.getMessage());
    }

    /**
     * What a file or folder that cannot be read is said to lack, whoever runs the tests: the
     * permission tests above are skipped as root (root lists a folder of mode 000), these are not.
     */
    @Test
    void whyAFileOrFolderCannotBeReadIsItsOwnReasonOrNullForAFailure() throws IOException {
        assertEquals(Reason.of("Permission denied", "没有读取权限（Permission denied）"),
                DataDirectory.whyUnreadable(null, new AccessDeniedException("/data/express/2025")));
        assertEquals("Permission denied: user=etl, access=READ_EXECUTE, inode=\"/data/express\"",
                DataDirectory.whyUnreadable(null, new AccessControlException(
                        "Permission denied: user=etl, access=READ_EXECUTE, inode=\"/data/express\"\n\tat org.apache.hadoop.hdfs")).en());
        assertEquals(Reason.of("no such file", "文件不存在"),
                DataDirectory.whyUnreadable(null, new NoSuchFileException("/data/express/a.csv")));
        Path link = Files.createSymbolicLink(tmp.resolve("gone.csv"), tmp.resolve("nowhere.csv"));
        assertEquals(Reason.of("it is a link to " + tmp.resolve("nowhere.csv") + ", which does not exist",
                "它是指向 " + tmp.resolve("nowhere.csv") + " 的链接，而目标不存在"),
                DataDirectory.whyUnreadable(link, new NoSuchFileException(link.toString())));
        // Reaching HDFS or S3 failed: a failure of the run (retry), not bad input.
        assertEquals(null, DataDirectory.whyUnreadable(null, new ConnectException("Connection refused")));
    }

    /** Whether this process can read the folder's entries (opening it may succeed where reading fails). */
    private static boolean canList(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            s.count();
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    @Test
    void filesOfAnExtractFolderThatAreNotReadAreListedWithWhy() throws IOException {
        write(tmp, "complaints/complaints-2024.csv", "read");
        write(tmp, "complaints/2025/UPPER.CSV", "read: the extension in any case");
        write(tmp, "complaints/complaints-2025.txt", "a misnamed delivery");
        write(tmp, "complaints/2025/notes.xlsx", "not a CSV");
        write(tmp, "complaints/.DS_Store", "hidden");
        write(tmp, "complaints/.part-3.csv", "hidden: still being copied");
        write(tmp, "complaints/_SUCCESS", "hidden");
        write(tmp, "complaints/_complaints-fix.csv", "hidden, but maybe a clerk's correction");
        write(tmp, "complaints/_temporary/0/part-00000.csv", "hidden: a write in progress");
        write(tmp, "complaints/.git/config.csv", "hidden");
        DataDirectory dir = DataDirectory.of(tmp.toString(), null);
        DataDirectory.Contents c = dir.contents(COMPLAINTS);
        assertEquals(List.of("complaints/2025/UPPER.CSV", "complaints/complaints-2024.csv"),
                c.files().stream().map(DataDirectory.DeliveredFile::relative).toList());
        assertEquals(List.of(new DataDirectory.SkippedFile("complaints", "complaints/2025/notes.xlsx", "not a .csv file"),
                new DataDirectory.SkippedFile("complaints", "complaints/_complaints-fix.csv", "its name starts with _, which marks"
                        + " a file not to read (as Hadoop's _SUCCESS): rename it without the _ to have it read"),
                new DataDirectory.SkippedFile("complaints", "complaints/complaints-2025.txt", "not a .csv file")), c.skipped());
        assertEquals(List.of("complaints/.DS_Store", "complaints/.git/", "complaints/.part-3.csv", "complaints/_SUCCESS",
                "complaints/_temporary/"), c.hidden());
        assertEquals(c.files(), dir.contents(COMPLAINTS).files());
    }

    /**
     * A link in an extract's folder back to the data directory (or above it) would read every
     * other extract's files as the extract's own: not followed, and listed as not read with why.
     * A link to a folder elsewhere (a delivery kept on another disk) is followed, and one back
     * into the extract's own folder read once.
     */
    @Test
    void aLinkToTheDataDirectoryOrAboveIsNotFollowed(@TempDir Path elsewhere) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        write(data, "regions.csv", "regions");
        write(data, "complaints/complaints-2024.csv", "read");
        write(elsewhere, "complaints-2025.csv", "read through the link");
        Files.createSymbolicLink(data.resolve("complaints/up"), Path.of(".."));
        Files.createSymbolicLink(data.resolve("complaints/top"), tmp);
        Files.createSymbolicLink(data.resolve("complaints/self"), Path.of("."));
        Files.createSymbolicLink(data.resolve("complaints/2025"), elsewhere);
        DataDirectory.Contents c = DataDirectory.of(data.toString(), null).contents(COMPLAINTS);
        assertEquals(List.of("complaints/2025/complaints-2025.csv", "complaints/complaints-2024.csv"),
                c.files().stream().map(DataDirectory.DeliveredFile::relative).toList());
        assertEquals(List.of(new DataDirectory.SkippedFile("complaints", "complaints/top/", DataDirectory.LINK_ABOVE_THE_EXTRACT),
                new DataDirectory.SkippedFile("complaints", "complaints/up/", DataDirectory.LINK_ABOVE_THE_EXTRACT)), c.skipped());
    }

    @Test
    void entriesOfTheDataDirectoryThatAreNoExtractAreListedWithTheExtractTheyResemble() throws IOException {
        write(tmp, "regions.csv", "read");
        write(tmp, "complaints/complaints-2024.csv", "read");
        write(tmp, "complaint/complaints-2025.csv", "a misspelled folder");
        write(tmp, "Retail/retail-2025.csv", "another case");
        write(tmp, "market_entities/entities.csv", "underscore for hyphen");
        write(tmp, "tax.csv", "a file where a folder belongs");
        write(tmp, "regions.txt", "another extension");
        write(tmp, "notes.docx", "resembles nothing");
        write(tmp, "tmp/x.csv", "three letters, two edits from tax: resembles nothing");
        write(tmp, "README.md", "documentation");
        write(tmp, ".staging/x.csv", "hidden");
        write(tmp, "_SUCCESS", "hidden");
        List<DataDirectory.SkippedFile> strays = DataDirectory.of(tmp.toString(), null).strays(CATALOG.all());
        String none = DataDirectory.NO_EXTRACT;
        assertEquals(List.of(
                new DataDirectory.SkippedFile(none, "Retail/", "not an extract of the contract (did you mean retail/?)"),
                new DataDirectory.SkippedFile(none, "complaint/", "not an extract of the contract (did you mean complaints/?)"),
                new DataDirectory.SkippedFile(none, "market_entities/", "not an extract of the contract (did you mean market-entities/?)"),
                new DataDirectory.SkippedFile(none, "notes.docx", "not an extract of the contract"),
                new DataDirectory.SkippedFile(none, "regions.txt", "not an extract of the contract (did you mean regions.csv?)"),
                new DataDirectory.SkippedFile(none, "tax.csv", "not an extract of the contract (did you mean tax/?)"),
                new DataDirectory.SkippedFile(none, "tmp/", "not an extract of the contract")), strays);
    }
}
