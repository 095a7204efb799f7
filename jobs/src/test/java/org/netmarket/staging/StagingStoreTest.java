package org.netmarket.staging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.config.EnvironmentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staging area's files on a real (local) Hadoop file system: the manifest survives a round
 * trip and is replaced whole, notes are kept with their generation, and clean-up deletes only
 * generation folders that are not live.
 */
class StagingStoreTest {
    @TempDir
    Path dir;
    private StagingStore store;

    @BeforeEach
    void open() {
        store = new StagingStore(dir.toUri().toString().replaceAll("/$", ""), new Configuration());
    }

    private static StagingArea.Manifest manifest(long nextGeneration) {
        StagingArea.StagedFile file = new StagingArea.StagedFile("retail", 120, 1_700_000_000_000L, "ab12", 10L, 1L, 1L,
                "UTF-8", List.of("remark"), Map.of("140802", 1L));
        return new StagingArea.Manifest(4, "file:/data", "fp", nextGeneration, new TreeMap<>(Map.of("retail/a.csv", file)),
                new TreeMap<>(Map.of("retail", List.of(new StagingArea.Generation(3, 9, 9, 0, 0)))),
                "4f2c9a1e-state",
                new TreeMap<>(Map.of("operator_sales", new StagingArea.ReferencedRows("operator_sales@g000003", 5))));
    }

    @Test
    void noManifestIsNull() {
        assertNull(store.readManifest());
    }

    /**
     * A run stopped between deleting the old manifest and renaming the new one over it leaves the
     * new one under its temporary name: read as the manifest, and put in its place; one cut short
     * while written (a first manifest) is no manifest.
     */
    @Test
    void aReplacementStoppedHalfWayIsCompleted() throws Exception {
        store.writeManifest(manifest(4));
        Path file = dir.resolve(StagingStore.MANIFEST);
        Path temporary = dir.resolve("." + StagingStore.MANIFEST + ".tmp");
        Files.deleteIfExists(dir.resolve("." + StagingStore.MANIFEST + ".crc"));
        Files.move(file, temporary);
        assertEquals(manifest(4), store.readManifest());
        assertTrue(Files.exists(file), "the replacement is completed");
        assertFalse(Files.exists(temporary));
        assertEquals(manifest(4), store.readManifest());

        String whole = Files.readString(file);
        Files.delete(file);
        Files.deleteIfExists(dir.resolve("." + StagingStore.MANIFEST + ".crc"));
        Files.writeString(temporary, whole.substring(0, whole.length() / 2));
        assertNull(store.readManifest());
    }

    /** A truncated manifest (a full disk) is the machine's state, said with the way out: the raw extracts rebuild it. */
    @Test
    void aDamagedManifestSaysHowToRecover() throws Exception {
        store.writeManifest(manifest(4));
        Path file = dir.resolve(StagingStore.MANIFEST);
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.length() / 2));
        Files.deleteIfExists(dir.resolve("." + StagingStore.MANIFEST + ".crc"));
        EnvironmentException e = assertThrows(EnvironmentException.class, store::readManifest);
        assertTrue(e.getMessage().startsWith("cannot read the staging manifest ") && e.getMessage().contains(
                "/" + StagingStore.MANIFEST + ": Unexpected end-of-input"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("(the staging area is damaged: delete the folder " + store.root()
                + ", and the next nightly run rebuilds it from the raw extracts)"), e.getMessage());
        String zh = e.messageZh().orElseThrow();
        assertTrue(zh.startsWith("无法读取暂存区清单 ") && zh.endsWith("（说明暂存区已损坏：删除文件夹 " + store.root()
                + "，下一次夜间运行会从原始数据重建它）"), zh);
    }

    /**
     * Spark not finding or not reading a staged file (Spark names it file:///…, Hadoop file:/…) is
     * said in one line with the way out, from the innermost mention of the file and with what the
     * reader underneath said; a failure to write, a file elsewhere, bad input are left as they are.
     */
    @Test
    void aFailureToReadAStagedFileSaysHowToRecover() {
        String part = "file://" + dir.toUri().getPath() + "complaints/g000021/part-00000.snappy.parquet";
        Exception spark = new Exception("[FAILED_READ_FILE.NO_HINT] Encountered error while reading file " + part
                + ".  SQLSTATE: KD001\nmore lines", new IllegalStateException("footer is too large: 4206499083to be read"));
        RuntimeException wrapped = new IllegalStateException(spark.toString(), spark);
        EnvironmentException said = store.damage(wrapped).orElseThrow();
        assertEquals("cannot read the staging area: [FAILED_READ_FILE.NO_HINT] Encountered error while reading file " + part
                + ".  SQLSTATE: KD001 (footer is too large: 4206499083to be read) (if it persists, the staging area is "
                + "damaged: delete the folder " + store.root() + ", and the next nightly run rebuilds it from the raw "
                + "extracts)", said.getMessage());
        assertEquals(Optional.of("无法读取暂存区：[FAILED_READ_FILE.NO_HINT] Encountered error while reading file " + part
                + ".  SQLSTATE: KD001 (footer is too large: 4206499083to be read)（若问题持续，说明暂存区已损坏：删除文件夹 "
                + store.root() + "，下一次夜间运行会从原始数据重建它）"), said.messageZh());
        assertTrue(said.getCause() == wrapped, "the failure is kept for the run's log");
        String folder = store.root() + "/operators/g000006";
        assertTrue(store.damage(new java.io.FileNotFoundException("File " + folder + " does not exist")).isPresent());
        assertTrue(store.damage(new IllegalStateException("[PATH_NOT_FOUND] Path does not exist: " + folder + ".")).isPresent());
        // Spark's own exceptions are checked ones, thrown undeclared.
        assertTrue(store.damage(new Exception("[PATH_NOT_FOUND] Path does not exist: " + folder + ".")).isPresent());

        assertTrue(store.damage(new IllegalStateException("[TASK_WRITE_FAILED] Task failed while writing rows to " + folder,
                new java.io.IOException("No space left on device"))).isEmpty(), "a write failure says what it is");
        assertTrue(store.damage(new IllegalStateException("[PATH_NOT_FOUND] Path does not exist: file:/data/retail")).isEmpty(),
                "a file outside the staging area is not its damage");
        assertTrue(store.damage(new IllegalStateException("[PATH_NOT_FOUND] Path does not exist: " + store.root()
                + "-old/retail/g000001")).isEmpty(), "a folder whose name begins like the staging area's is another");
        assertTrue(store.damage(new EnvironmentException("[PATH_NOT_FOUND] " + folder, null)).isEmpty(), "already said");
    }

    /** A staging area at the root of a bucket: only that bucket's files are its files. */
    @Test
    void aStagingAreaAtTheRootOfABucketOwnsOnlyThatBucketsFiles() {
        StagingStore bucket = new StagingStore("s3a://nm-staging", new Configuration());
        assertTrue(bucket.damage(new IllegalStateException("[PATH_NOT_FOUND] Path does not exist: s3a://nm-staging/retail/g1"))
                .isPresent());
        assertTrue(bucket.damage(new IllegalStateException("[PATH_NOT_FOUND] Path does not exist: s3a://other/retail/g1"))
                .isEmpty());
        assertTrue(bucket.damage(new IllegalStateException("[FAILED_READ_FILE] retail/r.csv line 3")).isEmpty());
    }

    /** A manifest written before the rows each file's row rules rejected were kept reads them as unknown. */
    @Test
    void aManifestWithoutTheRowsRejectedReadsThemAsUnknown() throws Exception {
        store.writeManifest(manifest(4));
        Path file = dir.resolve(StagingStore.MANIFEST);
        String written = Files.readString(file);
        assertTrue(written.contains("\"rowsRejected\" : 1,"), written);
        Files.writeString(file, written.replace("\"rowsRejected\" : 1,", ""));
        // Hadoop's local file system keeps a checksum next to the file; the edit makes it stale.
        Files.deleteIfExists(dir.resolve(".manifest.json.crc"));
        StagingArea.StagedFile read = store.readManifest().files().get("retail/a.csv");
        assertNull(read.rowsRejected());
        assertEquals(new StagingArea.StagedFile("retail", 120, 1_700_000_000_000L, "ab12", 10L, 1L, null, "UTF-8",
                List.of("remark"), Map.of("140802", 1L)), read);
    }

    @Test
    void aManifestWithoutTheRowsSetAsideByRegionReadsThemAsUnknown() throws Exception {
        store.writeManifest(manifest(4));
        Path file = dir.resolve(StagingStore.MANIFEST);
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) m.get("files").get("retail/a.csv")).remove("rowsRejectedByRegion");
        json.writeValue(file.toFile(), m);
        Files.deleteIfExists(dir.resolve(".manifest.json.crc"));
        StagingArea.StagedFile read = store.readManifest().files().get("retail/a.csv");
        assertNull(read.rowsRejectedByRegion());
        assertEquals(1L, read.rowsQuarantined(), "the other counts as written");
    }

    @Test
    void manifestRoundTripsAndIsReplacedWhole() throws Exception {
        store.writeManifest(manifest(4));
        assertEquals(manifest(4), store.readManifest());
        store.writeManifest(manifest(5));
        assertEquals(5, store.readManifest().nextGeneration());
        // Replaced by rename: no temporary file is left next to it.
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of(StagingStore.MANIFEST),
                    files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).collect(Collectors.toSet()));
        }
    }

    @Test
    void notesAreKeptWithTheirGeneration() {
        assertEquals(Optional.empty(), store.readNote("retail", 3, "facts-2024"));
        store.writeNote("retail", 3, "facts-2024", "一二三");
        store.writeNote("retail", 3, "facts-2024", "replaced");
        assertEquals(Optional.of("replaced"), store.readNote("retail", 3, "facts-2024"));
        assertEquals(Optional.empty(), store.readNote("retail", 4, "facts-2024"));
        assertTrue(Files.isRegularFile(Path.of(store.generationPath("retail", 3).replaceFirst("^file:", ""))
                .resolve("_notes/facts-2024")), "the note lives in the generation's folder");
        assertThrows(IllegalArgumentException.class, () -> store.writeNote("retail", 3, "../escape", "x"));
    }

    @Test
    void cleanUpDeletesOnlyGenerationsThatAreNotLive() throws Exception {
        for (String folder : List.of("retail/g000001", "retail/g000002", "tax/g000001", "retail/_notes", "retail/other")) {
            Files.createDirectories(dir.resolve(folder));
        }
        Files.writeString(dir.resolve(StagingStore.MANIFEST), "{}");
        store.deleteGenerationsUnless((extract, id) -> extract.equals("retail") && id == 2);
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(Set.of("", "manifest.json", "retail", "retail/g000002", "retail/_notes", "retail/other", "tax"),
                    all.map(p -> dir.relativize(p).toString()).collect(Collectors.toSet()));
        }
    }
}
