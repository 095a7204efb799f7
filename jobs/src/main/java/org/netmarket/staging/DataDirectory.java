package org.netmarket.staging;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.rules.Reason;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The data directory the extracts are delivered to: a local folder, or any Hadoop file system
 * URI ({@code hdfs://...}, {@code s3a://...}) when the job runs on a cluster. Each extract kind
 * is a folder of CSV files (read recursively, hidden files skipped); regions is one file.
 *
 * <p>A local folder is listed and read with {@code java.nio.file}, so that a file or folder name
 * may hold any character the file system allows (a space, a colon as in
 * {@code express-2025-03-05T02:30:00.csv}, Chinese, {@code #}, {@code %}): Hadoop's local file
 * system takes a colon in a name for a URI scheme when it looks for the file's checksum.
 * Other file systems are reached through Hadoop, with paths built as Hadoop {@link Path}s and
 * never parsed back from text as URIs.
 */
public final class DataDirectory implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How messages name the data directory. */
    public static final Reason WHAT = Reason.of("the data directory (--data)", "数据目录（--data）");
    private final String root;
    private final Map<String, String> hadoopConf;
    /** Files of extract folders modified after this (epoch milliseconds) are not read yet. */
    private final long settledBefore;
    /** The --min-file-age that set {@link #settledBefore}, for the reason a file is not read. */
    private final long minAgeSeconds;

    private DataDirectory(String root, Map<String, String> hadoopConf, long settledBefore, long minAgeSeconds) {
        this.root = root;
        this.hadoopConf = hadoopConf;
        this.settledBefore = settledBefore;
        this.minAgeSeconds = minAgeSeconds;
    }

    /**
     * @param location a local path (relative paths are resolved against the working directory)
     *                 or a file-system URI
     * @param conf     the Hadoop configuration of the Spark session (its entries travel to tasks)
     */
    public static DataDirectory of(String location, Configuration conf) {
        String root = uriOf(location);
        Map<String, String> entries = new HashMap<>();
        if (conf != null) {
            conf.forEach(e -> entries.put(e.getKey(), e.getValue()));
        }
        return new DataDirectory(root, entries, Long.MAX_VALUE, 0);
    }

    /**
     * This directory, with the files of extract folders modified less than {@code minAge} before
     * {@code start} left unread, listed as not read with why: a file still being copied under its
     * final name would be read in part, and a later night reads it whole. regions.csv, which no
     * run can do without, is read whatever its age.
     */
    public DataDirectory settled(Duration minAge, Instant start) {
        return minAge.isZero() ? this
                : new DataDirectory(root, hadoopConf, start.minus(minAge).toEpochMilli(), minAge.toSeconds());
    }

    /** The --min-file-age this directory's listings leave files unread for; 0 when none. */
    public long minAgeSeconds() {
        return minAgeSeconds;
    }

    /**
     * The data directory's location as {@link #asUri} gives it, for pipeline_run and the staging
     * manifest; a location that is none (e.g. {@code file:relative}) fails as bad usage naming
     * {@code --data}, before any run is registered with it.
     */
    public static String uriOf(String location) {
        try {
            return asUri(location);
        } catch (RuntimeException e) {
            throw UnusableLocation.explain(WHAT, location, e).orElse(e);
        }
    }

    /**
     * A location given to the job as a URI without a trailing slash: a file-system URI as it is,
     * a local directory as {@code file:/...} of its real path, however it was spelt (relative,
     * through a symbolic link, {@code file:///}, {@code file:/}): pipeline_run and the staging
     * manifest know a data directory by this, and two spellings of one folder must be one.
     */
    public static String asUri(String location) {
        String uri = location.contains("://") && !location.startsWith("file:") ? location : "file:" + realLocalPath(location);
        return uri.endsWith("/") && uri.length() > "file:/".length() ? uri.substring(0, uri.length() - 1) : uri;
    }

    /**
     * The real path of a local location (a path, or a file: URI read as Hadoop reads it); as
     * given, made absolute, when it does not exist yet.
     */
    private static java.nio.file.Path realLocalPath(String location) {
        String path = location.startsWith("file:") ? localPath(location).toString() : location;
        java.nio.file.Path p = java.nio.file.Path.of(path).toAbsolutePath().normalize();
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p; // reading it says why it cannot be read
        }
    }

    /**
     * Why the data directory itself cannot be read from ("does not exist", "is a file, not a
     * folder", "is empty", and in Chinese); empty when it is a folder with something in it (or
     * when that cannot be told: reading it then says why). A file system that cannot be reached
     * or used at all (an unknown host, a scheme without its classes) is said at once instead, by
     * {@link UnusableLocation}.
     */
    public Optional<Reason> rootProblem() {
        try {
            boolean exists;
            boolean folder;
            boolean empty;
            if (local()) {
                java.nio.file.Path top = localRoot();
                exists = Files.exists(top);
                folder = Files.isDirectory(top);
                if (folder) {
                    try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(top)) {
                        empty = !entries.iterator().hasNext();
                    }
                } else {
                    empty = false;
                }
            } else {
                Path top = new Path(root);
                FileSystem fs = fs(top);
                exists = fs.exists(top);
                folder = exists && fs.getFileStatus(top).isDirectory();
                empty = folder && fs.listStatus(top).length == 0;
            }
            // Empty is how a share that is not mounted looks: the mount point is there, bare.
            return !exists ? Optional.of(Reason.of("does not exist", "不存在"))
                    : !folder ? Optional.of(Reason.of("is a file, not a folder", "是文件而不是文件夹"))
                    : empty ? Optional.of(Reason.of("is empty", "是空的")) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            Optional<RuntimeException> said = UnusableLocation.explain(WHAT, root, e);
            if (said.isPresent()) {
                throw said.get();
            }
            return Optional.empty();
        }
    }

    /** The location as given to the job, normalised to a URI. */
    public String root() {
        return root;
    }

    /**
     * The location as messages show it: a local folder as its path ({@code /data/netmarket}, not
     * {@code file:/data/netmarket}), which a clerk can paste into a shell; any other as its URI.
     */
    public String shown() {
        return local() ? localRoot().toString() : root;
    }

    /** Whether the extract was delivered: its folder (or, for regions, its file) exists. */
    public boolean delivered(ExtractSchema schema) {
        if (local()) {
            // A broken link in its place is delivered: reading it says why it cannot be read.
            return Files.exists(localPath(location(schema).toString()), LinkOption.NOFOLLOW_LINKS);
        }
        try {
            Path p = location(schema);
            return fs(p).exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + location(schema) + ": " + e.getMessage(), e);
        }
    }

    /** The CSV files of an extract, sorted by path; empty when not delivered. */
    public List<String> files(ExtractSchema schema) {
        return contents(schema).files().stream().map(DeliveredFile::path).toList();
    }

    /**
     * A delivered file: its full path, its path relative to the data directory, its size and when
     * it was last modified (what tells a nightly run that a file changed without reading it).
     */
    public record DeliveredFile(String path, String relative, long bytes, long modified) implements Serializable {
    }

    /** A file of an extract's folder that is not read, and why ({@code not a .csv file}). */
    public record SkippedFile(String extract, String path, String reason) implements Serializable {
        /** Whether it was left for a later run as modified too recently (--min-file-age): a CSV file still arriving. */
        public boolean stillArriving() {
            return reason.startsWith(MODIFIED_RECENTLY);
        }
    }

    /** How the reason of a file left unread as too recently modified begins. */
    private static final String MODIFIED_RECENTLY = "modified at ";

    /** Why a file of an extract's folder whose name does not end in {@code .csv} is not read. */
    static final String NOT_CSV = "not a .csv file";

    /**
     * Why a link in an extract's folder to the data directory, or a folder above it, is not
     * followed: through it the extract would read every other extract's files as its own.
     */
    static final String LINK_ABOVE_THE_EXTRACT = "a link to the data directory or a folder above it, not followed:"
            + " the files there are other extracts'";

    /**
     * Why a {@code _name.csv} is not read. Hidden by the convention every Spark and Hadoop
     * listing follows, yet a name a clerk gives a correction ({@code _retail-fix.csv}), so it is
     * reported like a misnamed delivery instead of going into the one info line of hidden files.
     * A {@code .name.csv} stays in that line: a copy in progress, not a clerk's file.
     */
    static final String HIDDEN_CSV = "its name starts with _, which marks a file not to read (as Hadoop's _SUCCESS):"
            + " rename it without the _ to have it read";

    /**
     * What an extract's folder holds: the files read, those not read with why, and the hidden
     * files and folders (names starting with {@code .} or {@code _}: a delivery still being
     * copied, Hadoop's {@code _SUCCESS}, a {@code _temporary/} folder of a write in progress;
     * folders end in {@code /}), which are not read either; each sorted by path. The name of a
     * folder inside it does not matter otherwise: its files are listed whatever it is called.
     */
    public record Contents(List<DeliveredFile> files, List<SkippedFile> skipped, List<String> hidden) {
        /** Whether the folder holds a CSV file at all: read by this run, or left for a later one (--min-file-age). */
        public boolean hasCsvFiles() {
            return !files.isEmpty() || skipped.stream().anyMatch(SkippedFile::stillArriving);
        }

        /**
         * Whether every CSV file of the folder was left for a later run as still arriving: read
         * now, the extract would look delivered without a row (its items {@code no_records}).
         */
        public boolean onlyStillArriving() {
            return files.isEmpty() && skipped.stream().anyMatch(SkippedFile::stillArriving);
        }
    }

    /**
     * The files of an extract's folder, read or not; all empty when not delivered. Its CSV files
     * come with their sizes and modification times, sorted by path. A broken link is listed too
     * (reading it says why it cannot be read, instead of the file going unnoticed); a folder that
     * cannot be listed is bad input naming it.
     */
    public Contents contents(ExtractSchema schema) {
        Path p = location(schema);
        Found found = new Found(schema.name(), settledBefore, minAgeSeconds);
        try {
            if (local()) {
                listLocal(localPath(p.toString()), found);
            } else {
                listHadoop(p, found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
        }
        return found.contents();
    }

    /** What a listing finds, as it goes. */
    private static final class Found {
        private static final DateTimeFormatter MODIFIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(ZoneId.systemDefault());
        private final String extract;
        private final long settledBefore;
        private final long minAgeSeconds;
        private final List<DeliveredFile> files = new ArrayList<>();
        private final List<SkippedFile> skipped = new ArrayList<>();
        private final List<String> hidden = new ArrayList<>();

        Found(String extract, long settledBefore, long minAgeSeconds) {
            this.extract = extract;
            this.settledBefore = settledBefore;
            this.minAgeSeconds = minAgeSeconds;
        }

        /** A file of the extract's folder: read, unless modified too recently to be whole for sure. */
        void deliver(DeliveredFile f) {
            if (f.modified() > settledBefore) {
                String when = MODIFIED_AT.format(Instant.ofEpochMilli(f.modified()));
                skipped.add(new SkippedFile(extract, f.relative(), MODIFIED_RECENTLY + when + ", less than " + minAgeSeconds
                        + " s before the run started (--min-file-age): maybe still being delivered; a later run reads it"));
            } else {
                files.add(f);
            }
        }

        /** Whether a file of the folder is read: a {@code *.csv} (in any case) that is not hidden. */
        boolean read(String name, String relative) {
            if (name.startsWith("_") && csv(name)) {
                skipped.add(new SkippedFile(extract, relative, HIDDEN_CSV));
                return false;
            }
            if (hidden(name)) {
                hidden.add(relative);
                return false;
            }
            if (!csv(name)) {
                skipped.add(new SkippedFile(extract, relative, NOT_CSV));
                return false;
            }
            return true;
        }

        /** A folder of the extract's folder that is not listed, with why. */
        void skipFolder(String relative, String why) {
            skipped.add(new SkippedFile(extract, relative + "/", why));
        }

        /**
         * Whether a folder inside the extract's folder is listed: not when hidden (Spark's and
         * Hadoop's {@code _temporary/} of a write in progress, a {@code .git/}).
         */
        boolean descend(String name, String relative) {
            if (hidden(name)) {
                hidden.add(relative + "/");
                return false;
            }
            return true;
        }

        Contents contents() {
            files.sort(Comparator.comparing(DeliveredFile::path));
            skipped.sort(Comparator.comparing(SkippedFile::path));
            hidden.sort(null);
            return new Contents(List.copyOf(files), List.copyOf(skipped), List.copyOf(hidden));
        }
    }

    private void listHadoop(Path p, Found found) throws IOException {
        FileSystem fs = fs(p);
        if (!fs.exists(p)) {
            return;
        }
        FileStatus status = fs.getFileStatus(p);
        if (status.isFile()) {
            found.files.add(delivered(status));
            return;
        }
        // listStatus, not listFiles: the located statuses of listFiles ask for owner and
        // permissions, which some file systems answer slowly; only path, size and time are needed.
        ArrayDeque<Path> folders = new ArrayDeque<>(List.of(p));
        while (!folders.isEmpty()) {
            Path folder = folders.poll();
            FileStatus[] entries;
            try {
                entries = fs.listStatus(folder);
            } catch (IOException e) {
                throw unreadable(relative(folder.toString()) + "/", null, e);
            }
            for (FileStatus f : entries) {
                if (f.isDirectory()) {
                    if (found.descend(f.getPath().getName(), relative(f.getPath().toString()))) {
                        folders.add(f.getPath());
                    }
                } else if (found.read(f.getPath().getName(), relative(f.getPath().toString()))) {
                    found.deliver(delivered(f));
                }
            }
        }
    }

    /** Lists a local folder (or one file) as Hadoop would: links are followed. */
    private void listLocal(java.nio.file.Path p, Found found) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(p)) {
            found.files.add(deliveredLocal(p));
            return;
        }
        ArrayDeque<java.nio.file.Path> folders = new ArrayDeque<>(List.of(p));
        Set<java.nio.file.Path> seen = new HashSet<>();
        java.nio.file.Path top = localRoot().toRealPath();
        while (!folders.isEmpty()) {
            java.nio.file.Path folder = folders.poll();
            List<java.nio.file.Path> entries = new ArrayList<>();
            try {
                if (!seen.add(folder.toRealPath())) {
                    continue; // a link back to a folder already listed
                }
                try (DirectoryStream<java.nio.file.Path> s = Files.newDirectoryStream(folder)) {
                    s.forEach(entries::add);
                }
            } catch (IOException e) {
                throw unreadable(localRoot().relativize(folder) + "/", folder, e);
            } catch (DirectoryIteratorException e) {
                throw unreadable(localRoot().relativize(folder) + "/", folder, e.getCause());
            }
            for (java.nio.file.Path f : entries) {
                if (Files.isDirectory(f)) {
                    if (top.startsWith(realPathOrSelf(f))) {
                        found.skipFolder(localRoot().relativize(f).toString(), LINK_ABOVE_THE_EXTRACT);
                    } else if (found.descend(f.getFileName().toString(), localRoot().relativize(f).toString())) {
                        folders.add(f);
                    }
                } else if (found.read(f.getFileName().toString(), localRoot().relativize(f).toString())) {
                    found.deliver(deliveredLocal(f));
                }
            }
        }
    }

    /** The folder's real path; as it is when that cannot be told (listing it then says why). */
    private static java.nio.file.Path realPathOrSelf(java.nio.file.Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder;
        }
    }

    private DeliveredFile deliveredLocal(java.nio.file.Path f) throws IOException {
        String relative = localRoot().relativize(f).toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(f, BasicFileAttributes.class);
        } catch (IOException e) {
            // A broken link, or one to a file that cannot be looked at: listed all the same.
            a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        return new DeliveredFile(root + "/" + relative, relative, a.size(), a.lastModifiedTime().toMillis());
    }

    private DeliveredFile delivered(FileStatus status) {
        String path = status.getPath().toString();
        return new DeliveredFile(path, relative(path), status.getLen(), status.getModificationTime());
    }

    /** Why an entry at the top of the data directory is not read. */
    static final String NOT_AN_EXTRACT = "not an extract of the contract";

    /** What a stray entry of the data directory is listed under in place of an extract name. */
    public static final String NO_EXTRACT = "(none)";

    /**
     * What the top of the data directory holds that no extract is read from: a misspelled extract
     * folder ({@code complaint/}, {@code Retail/}), a file beside the folders; with the extract it
     * was probably meant to be. Hidden entries and README files are left out. Without this, a
     * misspelled folder only shows as its extract not delivered (items missing data).
     */
    public List<SkippedFile> strays(List<ExtractSchema> schemas) {
        List<String> known = schemas.stream().map(s -> s.file() != null ? s.file() : s.name() + "/").toList();
        List<String> entries = new ArrayList<>(); // folders end in "/"
        try {
            if (local()) {
                java.nio.file.Path top = localRoot();
                if (!Files.isDirectory(top)) {
                    return List.of();
                }
                try (DirectoryStream<java.nio.file.Path> s = Files.newDirectoryStream(top)) {
                    s.forEach(e -> entries.add(e.getFileName() + (Files.isDirectory(e) ? "/" : "")));
                }
            } else {
                Path top = new Path(root);
                FileSystem fs = fs(top);
                if (!fs.exists(top) || !fs.getFileStatus(top).isDirectory()) {
                    return List.of();
                }
                for (FileStatus f : fs.listStatus(top)) {
                    entries.add(f.getPath().getName() + (f.isDirectory() ? "/" : ""));
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // The extracts' own listings say why the directory cannot be read.
            return List.of();
        }
        List<SkippedFile> out = new ArrayList<>();
        for (String entry : entries) {
            if (known.contains(entry) || hidden(entry) || entry.toUpperCase(Locale.ROOT).startsWith("README")) {
                continue;
            }
            String reason = NOT_AN_EXTRACT + NearestName.of(entry, known).map(k -> " (did you mean " + k + "?)").orElse("");
            out.add(new SkippedFile(NO_EXTRACT, entry, reason));
        }
        out.sort(Comparator.comparing(SkippedFile::path));
        return out;
    }

    /** Whether a file name ends in {@code .csv}, in any case. */
    private static boolean csv(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** Hidden by Hadoop's convention: a name starting with {@code .} or {@code _}. */
    private static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    /**
     * Every file read of the folders listed ({@link #contents(List)}) by path relative to the data
     * directory: what a nightly run compares with the files its staging area was built from.
     */
    public static SortedMap<String, DeliveredFile> inventory(Map<String, Contents> listed) {
        SortedMap<String, DeliveredFile> out = new TreeMap<>();
        listed.values().forEach(c -> c.files().forEach(f -> out.put(f.relative(), f)));
        return out;
    }

    /** The contents of each extract's folder (or file), listed once, by extract name in the given order. */
    public Map<String, Contents> contents(List<ExtractSchema> schemas) {
        Map<String, Contents> out = new LinkedHashMap<>();
        schemas.forEach(s -> out.put(s.name(), contents(s)));
        return out;
    }

    /**
     * A file that cannot be opened for a reason of its own (a broken link, no permission, not a
     * regular file): bad input, not a failure of the run. The message names the file relative to
     * the data directory and the reason: {@code cannot read express/bad.csv: Permission denied}.
     */
    public static final class UnreadableFileException extends IOException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        UnreadableFileException(Reason reason, IOException cause) {
            super(reason.en(), cause);
            this.reason = reason;
        }

        /** The message, and in Chinese: {@code 无法读取 express/bad.csv：没有读取权限（Permission denied）}. */
        public Reason reason() {
            return reason;
        }
    }

    /** Opens a file of this directory (in a task or on the driver). */
    public InputStream open(String file) throws IOException {
        java.nio.file.Path local = local() ? localPath(file) : null;
        try {
            if (local != null) {
                return Files.newInputStream(local);
            }
            Path p = new Path(file);
            return fs(p).open(p);
        } catch (IOException e) {
            Reason why = whyUnreadable(local, e);
            if (why == null) {
                throw e;
            }
            throw new UnreadableFileException(cannotRead(relative(file), why), e);
        }
    }

    /** A folder that cannot be listed: bad input when the reason is its own, else a failure. */
    private RuntimeException unreadable(String relative, java.nio.file.Path local, IOException e) {
        Reason why = whyUnreadable(local, e);
        return why == null ? new UncheckedIOException("cannot list " + relative + ": " + e.getMessage(), e)
                : InvalidInputException.of(cannotRead(relative, why));
    }

    /** {@code cannot read express/bad.csv: Permission denied}, and in Chinese. */
    private static Reason cannotRead(String relative, Reason why) {
        return Reason.of("cannot read " + relative + ": " + why.en(), "无法读取 " + relative + "：" + why.zh());
    }

    /**
     * Why a file or folder cannot be read when the reason is its own and will not pass by
     * retrying: missing (a broken link says where it points), no permission, or what the
     * operating system says of it ("No such device or address" for a socket); null for other
     * failures (a network error reaching HDFS or S3), which stay failures of the run.
     *
     * @param local the file when it is local (to tell a broken link), else null
     */
    static Reason whyUnreadable(java.nio.file.Path local, IOException e) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            if (local != null && Files.isSymbolicLink(local)) {
                try {
                    java.nio.file.Path target = Files.readSymbolicLink(local);
                    return Reason.of("it is a link to " + target + ", which does not exist", "它是指向 " + target + " 的链接，而目标不存在");
                } catch (IOException ignored) {
                    // Say what is known.
                }
            }
            return Reason.of("no such file", "文件不存在");
        }
        if (e instanceof AccessDeniedException || e instanceof org.apache.hadoop.security.AccessControlException) {
            // HDFS says who was denied what ("Permission denied: user=..., access=READ, ..."); keep that.
            String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            String said = first.startsWith("Permission denied") ? first : "Permission denied";
            return Reason.of(said, "没有读取权限（" + said + "）");
        }
        if (e instanceof FileSystemException f && f.getReason() != null && local != null) {
            // The operating system's own words, in the one language it speaks.
            return Reason.of(f.getReason(), "操作系统报告：" + f.getReason());
        }
        return null;
    }

    /** The path relative to the data directory, as shown in messages ({@code dispatches/part-1.csv}). */
    public String relative(String file) {
        return file.startsWith(root + "/") ? file.substring(root.length() + 1) : file;
    }

    /** Where an extract is: its folder, or for regions its file. */
    Path location(ExtractSchema schema) {
        return new Path(root + "/" + (schema.file() != null ? schema.file() : schema.name()));
    }

    /** Whether the data directory is a local folder (read with java.nio, see the class comment). */
    private boolean local() {
        return root.startsWith("file:");
    }

    private java.nio.file.Path localRoot() {
        return localPath(root);
    }

    /** A local file or folder from its text ({@code file:/...}), decoded as Hadoop's local file system does. */
    private static java.nio.file.Path localPath(String file) {
        return java.nio.file.Path.of(new Path(file).toUri().getPath());
    }

    private FileSystem fs(Path p) throws IOException {
        Configuration conf = new Configuration(false);
        hadoopConf.forEach(conf::set);
        return p.getFileSystem(conf);
    }
}
