package org.netmarket.staging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.netmarket.config.EnvironmentException;
import org.netmarket.rules.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The files of a staging area on a Hadoop file system (local, HDFS, S3-style): the manifest,
 * replaced whole so that a reader sees the old or the new one; the generation folders
 * {@code <extract>/g<N>}; and the notes kept with a generation. What the files mean is
 * {@link StagingArea}'s business; this class only knows where they are and how to change them
 * safely.
 */
final class StagingStore {
    private static final Logger LOG = LoggerFactory.getLogger(StagingStore.class);
    static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String root;
    private final Configuration hadoop;

    StagingStore(String root, Configuration hadoop) {
        this.root = root;
        this.hadoop = hadoop;
    }

    String root() {
        return root;
    }

    /** Creates the staging area's folder when it is not there yet. */
    void createRoot() {
        Path p = new Path(root);
        try {
            if (!fs(p).mkdirs(p)) {
                // Hadoop's local file system says no more than false (a permission, a read-only disk).
                throw new java.nio.file.FileSystemException(p.toString(), null, "cannot create the folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest, or null when the staging area has none yet. */
    StagingArea.Manifest readManifest() {
        Path p = new Path(root + "/" + MANIFEST);
        try {
            FileSystem fs = fs(p);
            if (!fs.exists(p)) {
                return interruptedReplacement(fs, p);
            }
            try (InputStream in = fs.open(p)) {
                return JSON.readValue(in, StagingArea.Manifest.class);
            }
        } catch (IOException e) {
            // Truncated or corrupted (a full disk, a hand): not a defect of the job, and the raw
            // extracts are the source of truth, so the fix is to let the next night rebuild it.
            String why = oneLine(e);
            throw new EnvironmentException(Reason.of("cannot read the staging manifest " + p + ": " + why + " " + wayOut(false).en(),
                    "无法读取暂存区清单 " + p + "：" + why + wayOut(false).zh()), e);
        }
    }

    /** Jackson's own message runs on over lines with the parser's location: its first part only. */
    private static String oneLine(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    /**
     * The manifest a run wrote whole but stopped before renaming over the old one, which it had
     * deleted ({@link #replace}: a file system without an atomic rename over a file has that
     * moment); the replacement is completed. Null when there is none, or when the temporary file
     * does not read (a first manifest cut short while written): the next night rebuilds.
     */
    private StagingArea.Manifest interruptedReplacement(FileSystem fs, Path manifest) throws IOException {
        Path temporary = temporaryOf(manifest);
        if (!fs.exists(temporary)) {
            return null;
        }
        StagingArea.Manifest m;
        try (InputStream in = fs.open(temporary)) {
            m = JSON.readValue(in, StagingArea.Manifest.class);
        } catch (IOException e) {
            LOG.warn("staging area {}: the manifest is missing and {} does not read ({}): rebuilding", root, temporary,
                    oneLine(e));
            return null;
        }
        if (!fs.rename(temporary, manifest)) {
            throw new IOException("cannot rename " + temporary + " to " + manifest);
        }
        LOG.info("staging area {}: completed the manifest's replacement that a stopped run left half done", root);
        return m;
    }

    /**
     * What to do about a damaged staging area, in parentheses, for the end of a message;
     * {@code ifItPersists} when the failure may have been a passing one (a storage service's
     * hiccup), which the next night gets past without a rebuild.
     */
    private Reason wayOut(boolean ifItPersists) {
        return Reason.of("(" + (ifItPersists ? "if it persists, " : "") + "the staging area is damaged: delete the folder " + root
                + ", and the next nightly run rebuilds it from the raw extracts)",
                "（" + (ifItPersists ? "若问题持续，" : "") + "说明暂存区已损坏：删除文件夹 " + root + "，下一次夜间运行会从原始数据重建它）");
    }

    /**
     * The failure said as a damaged staging area, with the way out, when it is Spark (or Hadoop)
     * not finding or not reading a file under the staging area: a generation folder deleted
     * ({@code [PATH_NOT_FOUND]}, {@link FileNotFoundException}), a Parquet file truncated
     * ({@code [FAILED_READ_FILE…]}). A failure to write (a full disk, a permission) or any other
     * is left as it is: its own message says what to do.
     */
    Optional<EnvironmentException> damage(Throwable failure) {
        String said = null;
        Throwable innermost = failure;
        // The innermost mention: wrappers repeat it behind their class name.
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            innermost = t;
            String message = t.getMessage();
            boolean unreadable = t instanceof FileNotFoundException
                    || message != null && (message.contains("[PATH_NOT_FOUND]") || message.contains("[FAILED_READ_FILE"));
            if (unreadable && mentionsAFileOfMine(message)) {
                said = message.lines().findFirst().orElse(message).strip();
            }
        }
        if (said == null || failure instanceof EnvironmentException) {
            return Optional.empty();
        }
        // What the reader underneath said (Parquet's "footer is too large"), when it says more.
        String cause = innermost.getMessage() == null || said.contains(innermost.getMessage().strip()) ? ""
                : " (" + innermost.getMessage().lines().findFirst().orElse("").strip() + ")";
        return Optional.of(new EnvironmentException(Reason.of("cannot read the staging area: " + said + cause + " " + wayOut(true).en(),
                "无法读取暂存区：" + said + cause + wayOut(true).zh()), failure));
    }

    /**
     * Whether a message names a file under this staging area: scheme, authority and path, as
     * Spark writes them (file:///x for file:/x) and not merely a path that could be anyone's.
     */
    private boolean mentionsAFileOfMine(String message) {
        if (message == null) {
            return false;
        }
        URI uri = new Path(root).toUri();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        String where = (uri.getScheme() == null ? "" : uri.getScheme() + ":")
                + (uri.getAuthority() == null ? "" : "//" + uri.getAuthority()) + path + "/";
        return message.contains(where) || "file".equals(uri.getScheme()) && message.contains("file://" + path + "/");
    }

    /** Writes the manifest next to the old one and renames it over it. */
    void writeManifest(StagingArea.Manifest m) {
        Path target = new Path(root + "/" + MANIFEST);
        try {
            replace(target, JSON.writeValueAsBytes(m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the staging manifest " + target + ": " + e.getMessage(), e);
        }
    }

    /** The folder of one generation of an extract. */
    String generationPath(String extract, long id) {
        return root + "/" + extract + "/" + generationFolder(id);
    }

    /** The name of a generation's folder ({@code g000007}), which the staged state's names reuse. */
    static String generationFolder(long id) {
        return String.format(Locale.ROOT, "g%06d", id);
    }

    /** A note kept with a generation ({@link #writeNote}), if there is one and it can be read. */
    Optional<String> readNote(String extract, long generation, String name) {
        Path p = notePath(extract, generation, name);
        try {
            FileSystem fs = fs(p);
            if (!fs.exists(p)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(p)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.warn("staging area {}: cannot read note {} ({})", root, p, e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps a note with a generation, replacing a note of the same name; a failure is only logged. */
    void writeNote(String extract, long generation, String name, String text) {
        Path target = notePath(extract, generation, name);
        try {
            replace(target, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A note only saves work: the next run without it computes the figures afresh.
            LOG.warn("staging area {}: cannot write note {} ({})", root, target, e.getMessage());
        }
    }

    /** Notes live in a folder Spark's file listing skips (names starting with an underscore). */
    private Path notePath(String extract, long generation, String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("note name " + name);
        }
        return new Path(generationPath(extract, generation) + "/_notes/" + name);
    }

    /**
     * Deletes every generation folder for which {@code live} (extract, generation number) is
     * false. A failure is only logged: the next run tries again.
     */
    void deleteGenerationsUnless(BiPredicate<String, Long> live) {
        Path rootPath = new Path(root);
        try {
            FileSystem fs = fs(rootPath);
            if (!fs.exists(rootPath)) {
                return;
            }
            for (FileStatus extract : fs.listStatus(rootPath)) {
                if (!extract.isDirectory()) {
                    continue;
                }
                String name = extract.getPath().getName();
                for (FileStatus g : fs.listStatus(extract.getPath())) {
                    String folder = g.getPath().getName();
                    if (folder.matches("g\\d{1,18}") && !live.test(name, Long.parseLong(folder.substring(1)))) {
                        fs.delete(g.getPath(), true);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("staging area {}: could not delete unused generations ({})", root, e.getMessage());
        }
    }

    /**
     * Writes a file next to its place (a hidden name in the same folder) and renames it over the
     * old one, so that a reader sees the old or the new content, never part of it. Hadoop's rename
     * does not replace a file, so the old one is deleted first: a run stopped in between leaves
     * only the new one, under its temporary name, which {@link #readManifest} takes.
     */
    private void replace(Path target, byte[] content) throws IOException {
        Path temporary = temporaryOf(target);
        FileSystem fs = fs(target);
        fs.mkdirs(target.getParent());
        try (OutputStream out = fs.create(temporary, true)) {
            out.write(content);
        }
        if (fs.exists(target) && !fs.delete(target, false)) {
            throw new IOException("cannot replace " + target);
        }
        if (!fs.rename(temporary, target)) {
            throw new IOException("cannot rename " + temporary + " to " + target);
        }
    }

    /** Where {@link #replace} writes a file before renaming it over the old one. */
    private static Path temporaryOf(Path target) {
        return new Path(target.getParent(), "." + target.getName() + ".tmp");
    }

    private FileSystem fs(Path p) throws IOException {
        // From the Path, not from its text parsed as a URI: a space in a local folder name is no URI.
        return p.getFileSystem(hadoop);
    }
}
