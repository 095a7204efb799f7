package org.netmarket.staging;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.netmarket.checksum.Sha256;
import org.netmarket.config.EnvironmentException;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.extract.ColumnType;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.ValidationContext;
import org.netmarket.rules.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The nightly run's staging area: for every extract, the latest version of every record as
 * Parquet, plus a manifest of the raw files merged into it (path, size, modification time,
 * SHA-256 and what reading it found), so that a nightly run reads only the files delivered since
 * and still records every file it scores from.
 *
 * <p>Layout: {@code <root>/manifest.json} and {@code <root>/<extract>/g<N>/part-*.parquet}. An
 * extract's rows live in generations. A rebuild writes one generation from every raw file; a
 * nightly merge writes a new generation holding, for each key the new files touch, the key's
 * rows after the merge (the new rows judged together with the staged winning rows of that key,
 * by {@link LatestVersion}). A key's rows in a later generation replace its rows in earlier
 * ones, so the merge never rewrites what it did not touch; reading the current rows costs one
 * broadcast anti-join per earlier generation against the (small) later ones. After
 * {@link StagingSettings#MAX_GENERATIONS} generations an extract is compacted into one.
 *
 * <p>Every generation holds the rows of the scan shape ({@link ExtractReader#scanShape}) with
 * their role: the records at their key's greatest version ({@link LatestVersion#LATEST},
 * {@link LatestVersion#DUPLICATE}, {@link LatestVersion#CONFLICT} — the staged state), and what
 * the run that wrote it read but did not stage (rejected rows, file reports — its lineage).
 *
 * <p>Nothing a run writes is visible before {@link #commit}: generations of a run that fails
 * (an unreadable file, too many bad rows) are deleted and the manifest stays as it was, so the
 * next night sees those files as new again.
 */
public final class StagingArea {
    private static final Logger LOG = LoggerFactory.getLogger(StagingArea.class);
    /** Version of the layout; a staging area written in another layout is rebuilt. */
    static final int FORMAT = 5;
    /** How messages name the staging area. */
    static final Reason WHAT = Reason.of("the staging area (--staging)", "暂存区（--staging）");
    /**
     * Later generations with at most this many rows are broadcast to the anti-join that hides
     * the replaced rows of earlier ones (a night's delivery: thousands to hundreds of thousands).
     */
    static final long BROADCAST_ROWS = 5_000_000;
    /** A delivery's greatest version of a key, while merging. */
    private static final String NEWEST = "_newest_version";

    /**
     * The state of the staging area as of the last committed run; {@code stateId} identifies it
     * (a new identifier at every commit that changed it), which the run publishing it records in
     * the warehouse.
     */
    public record Manifest(int format, String dataDir, String fingerprint, long nextGeneration,
                           SortedMap<String, StagedFile> files, SortedMap<String, List<Generation>> extracts,
                           String stateId, SortedMap<String, ReferencedRows> references) {
        public Manifest {
            files = new TreeMap<>(files);
            extracts = new TreeMap<>(extracts);
            references = references == null ? new TreeMap<>() : new TreeMap<>(references);
        }
    }

    /**
     * The latest rows of an extract that references another (sales of registered operators)
     * whose reference resolves, as of a staged state of both: what the next night updates
     * instead of joining every staged row with the registry again.
     */
    public record ReferencedRows(String state, long rows) {
    }

    /**
     * A raw file merged into the staging area, by path relative to the data directory, with what
     * the run that read it found in it: a later night that scores the staged state records it in
     * its lineage without reading it again, and judges the quarantine threshold with its rows
     * read and rejected by the row rules ({@link FileReport#rowsRejected}), which no later
     * delivery changes. The counts, encoding and extra columns are null in a manifest written
     * before they were kept (unknown until the next rebuild; the rows rejected were kept after
     * the others, the rows rejected by region after them).
     *
     * @param rowsRejectedByRegion region code -> rows of the file the row rules rejected that name
     *                             the region (only regions with some): for the lineage of each
     *                             region's items, which no later delivery changes either
     */
    public record StagedFile(String extract, long bytes, long modified, String sha256, Long rowsRead,
                             Long rowsQuarantined, Long rowsRejected, String encoding, List<String> extraColumns,
                             Map<String, Long> rowsRejectedByRegion) {
        public StagedFile {
            extraColumns = extraColumns == null ? null : List.copyOf(extraColumns);
            rowsRejectedByRegion = rowsRejectedByRegion == null ? null : new TreeMap<>(rowsRejectedByRegion);
        }

        static StagedFile of(FileReport read, DataDirectory.DeliveredFile delivered, Map<String, Long> rowsRejectedByRegion) {
            return new StagedFile(read.extract(), delivered.bytes(), delivered.modified(), read.sha256(), read.rowsRead(),
                    read.rowsQuarantined(), read.rowsRejected(), read.encoding(), read.extraColumns(), rowsRejectedByRegion);
        }
    }

    /**
     * One generation of an extract: its number, how many staged rows it holds, and the counts of
     * the extract's staged state once it was added (winning rows, their identical copies, rows
     * set aside as conflicting versions: {@link StagedCounts}). Keeping the state's counts lets a
     * night that merges a small delivery report rows used and skip looking for conflicts without
     * scanning the whole staging area again.
     */
    public record Generation(long id, long rows, long latest, long duplicates, long conflicts) {
        StagedCounts state() {
            return new StagedCounts(latest, duplicates, conflicts);
        }
    }

    /**
     * What a nightly run has to do: merge the new files, or rebuild from every raw file (and
     * why); with the data directory as listed for it, by extract.
     */
    public record Plan(boolean rebuild, String reason, Map<String, List<DataDirectory.DeliveredFile>> newFiles,
                       SortedMap<String, DataDirectory.DeliveredFile> inventory, Map<String, DataDirectory.Contents> listed) {
        /** Files delivered since the staging area was built (none for a rebuild). */
        public int newFileCount() {
            return newFiles.values().stream().mapToInt(List::size).sum();
        }
    }

    private final SparkSession spark;
    private final StagingStore store;
    private Manifest manifest;
    /** Generations written by this run and not yet committed, by extract. */
    private final Map<String, Generation> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextGeneration = new AtomicLong();

    private StagingArea(SparkSession spark, StagingStore store) {
        this.spark = spark;
        this.store = store;
        this.manifest = store.readManifest();
        this.nextGeneration.set(manifest == null ? 1 : manifest.nextGeneration());
    }

    /**
     * Opens (or prepares) the staging area at a local path or file-system URI, and deletes what
     * an earlier run that did not commit left behind.
     */
    public static StagingArea open(SparkSession spark, String location) {
        try {
            StagingStore store = new StagingStore(DataDirectory.asUri(location), spark.sparkContext().hadoopConfiguration());
            // A location that cannot hold the staging area (a file in the way, an unknown host)
            // fails here, said as what it is, rather than as a failed write in the middle of ingest.
            store.createRoot();
            StagingArea area = new StagingArea(spark, store);
            area.deleteUncommitted();
            return area;
        } catch (RuntimeException e) {
            throw UnusableLocation.explain(WHAT, location, e).orElse(e);
        }
    }

    /** Where the staging area is. */
    public String root() {
        return store.root();
    }

    /**
     * The failure said as a damaged staging area with the way out (an {@code EnvironmentException},
     * one line) when Spark could not find or read a file of it; empty for any other failure.
     */
    public Optional<EnvironmentException> damage(Throwable failure) {
        return store.damage(failure);
    }

    /** The committed manifest, or null when nothing was staged yet. */
    public Manifest manifest() {
        return manifest;
    }

    /**
     * What the staged rows depend on besides the files: the job version (validation rules), the
     * extract contract and the edition (assessment items and their allowed points). A staging
     * area built under another fingerprint is rebuilt.
     */
    public static String fingerprint(String jobVersion, Edition edition, List<ExtractSchema> schemas) {
        StringBuilder sb = new StringBuilder(jobVersion).append('|').append(schemas).append('|').append(edition.id());
        for (Item item : edition.items()) {
            sb.append('|').append(item.code()).append(':').append(item.maxPoints()).append(':').append(item.isComputed())
                    .append(':').append(item.allowed() == null ? "" : item.allowed().describe(item.maxPoints()));
        }
        return Sha256.hex(sb.toString());
    }

    /**
     * Compares the data directory with the manifest. A rebuild is needed when there is no
     * staging yet, when {@code full} is asked for, when the staging was built from another data
     * directory or by another job version, edition or contract ({@code fingerprint}), or when a
     * staged file was changed or removed: staged rows cannot be taken back out, only replaced.
     * Unless {@code full} is asked for, an extract whose every file is gone from the data
     * directory the staging area was built from stops the run instead (see {@link #vanished}).
     */
    public Plan plan(DataDirectory dir, List<ExtractSchema> schemas, String fingerprint, boolean full) {
        // Each folder listed once (on HDFS or S3 a listing is a round trip per folder), and kept
        // in the plan for what a night that skips scoring says it did not read.
        Map<String, DataDirectory.Contents> listed = dir.contents(schemas);
        SortedMap<String, DataDirectory.DeliveredFile> inventory = DataDirectory.inventory(listed);
        boolean sameDir = manifest != null && manifest.dataDir().equals(dir.root());
        SortedMap<String, DataDirectory.SkippedFile> rewriting = sameDir ? rewriting(listed) : new TreeMap<>();
        if (sameDir && !full) {
            List<Reason> vanished = vanished(schemas, listed, rewriting);
            if (!vanished.isEmpty()) {
                // A share mounted in part, a folder renamed by hand: publishing would turn every
                // item of those extracts into missing_data. A retry may find them; a withdrawal on
                // purpose is confirmed with --full.
                List<String> en = vanished.stream().map(Reason::en).toList();
                List<String> zh = vanished.stream().map(Reason::zh).toList();
                throw new EnvironmentException(Reason.of("the data directory " + dir.root() + " no longer has any file of "
                        + String.join(", ", en) + ", which earlier nights staged: is the delivery share fully "
                        + "mounted? (the scheduler may retry; if the extract was withdrawn on purpose, run nightly "
                        + "--full once to rebuild the staging area without it)",
                        "数据目录 " + dir.root() + " 中已没有以往夜间暂存过的这些数据的任何文件：" + String.join("、", zh)
                        + "。投递共享目录是否完整挂载？（调度可以重试；若该数据是有意撤回的，请运行一次 nightly --full，"
                        + "不含它重建暂存区）"), null);
            }
        }
        String reason = null;
        if (manifest == null) {
            reason = "no staging area yet at " + root();
        } else if (full) {
            reason = "--full was given";
        } else if (manifest.format() != FORMAT || !manifest.fingerprint().equals(fingerprint)) {
            reason = "the staging area was built by another job version, edition or extract contract";
        } else if (!manifest.dataDir().equals(dir.root())) {
            reason = "the staging area was built from " + manifest.dataDir() + ", not " + dir.root();
        } else {
            long changed = 0;
            long removed = 0;
            for (Map.Entry<String, StagedFile> e : manifest.files().entrySet()) {
                DataDirectory.DeliveredFile now = inventory.get(e.getKey());
                if (rewriting.containsKey(e.getKey())) {
                    continue;
                }
                if (now == null) {
                    removed++;
                } else if (now.bytes() != e.getValue().bytes() || now.modified() != e.getValue().modified()) {
                    changed++;
                }
            }
            if (changed + removed > 0) {
                reason = changed + " changed and " + removed + " removed file(s) since the staging area was built";
            }
        }
        if (reason != null && !rewriting.isEmpty()) {
            // A rebuild reads only the raw files, and these are not whole yet: publishing now would
            // leave their rows out for a night.
            List<String> names = List.copyOf(rewriting.keySet());
            throw new EnvironmentException(Reason.of("the staging area is to be rebuilt (" + reason + "), but " + names.size()
                    + " file(s) it holds from earlier nights were modified less than " + dir.minAgeSeconds()
                    + " s before the run started (--min-file-age), maybe still being rewritten: "
                    + firstNamed(names) + "; a rebuild now would leave their rows out (the scheduler may retry; a later run rebuilds it)",
                    "暂存区需要重建，但其中 " + names.size() + " 个以往夜间暂存的文件在运行开始前不到 " + dir.minAgeSeconds()
                    + " 秒内被修改（--min-file-age），可能仍在重写：" + firstNamed(names)
                    + "；现在重建会漏掉它们的记录（调度可以重试，之后的运行会重建）"), null);
        }
        if (reason != null) {
            return new Plan(true, reason, Map.of(), inventory, listed);
        }
        rewriting.values().forEach(f -> LOG.warn("extract {}: {}, staged by an earlier night, is too recently modified "
                + "to be read (--min-file-age): tonight scores the rows staged from it", f.extract(), f.path()));
        Map<String, List<DataDirectory.DeliveredFile>> newFiles = new LinkedHashMap<>();
        for (ExtractSchema s : schemas) {
            List<DataDirectory.DeliveredFile> added = new ArrayList<>();
            for (DataDirectory.DeliveredFile f : listed.get(s.name()).files()) {
                if (!manifest.files().containsKey(f.relative())) {
                    added.add(f);
                }
            }
            if (!added.isEmpty()) {
                newFiles.put(s.name(), added);
            }
        }
        return new Plan(false, null, newFiles, inventory, listed);
    }

    /**
     * The extract folders the manifest holds files of but the data directory has none of now, as
     * {@code complaints/ (3 staged files)}, with the files there that no run reads and why, if any
     * ({@code complaints/ (3 staged files; it holds only files not read: complaints/c.csv.gz — not
     * a .csv file)}), and in Chinese (the files without why: the reasons of files not read are
     * English, for the log).
     * An extract that is one file (regions.csv) is not one of them: without it no run can start,
     * and says so.
     */
    private List<Reason> vanished(List<ExtractSchema> schemas, Map<String, DataDirectory.Contents> listed,
                                  SortedMap<String, DataDirectory.SkippedFile> rewriting) {
        SortedMap<String, Long> staged = new TreeMap<>();
        manifest.files().values().forEach(f -> staged.merge(f.extract(), 1L, Long::sum));
        List<Reason> out = new ArrayList<>();
        for (ExtractSchema schema : schemas) {
            String folder = schema.name() + "/";
            Long files = staged.get(schema.name());
            DataDirectory.Contents contents = listed.get(schema.name());
            if (schema.file() != null || files == null || !contents.files().isEmpty()
                    || rewriting.values().stream().anyMatch(f -> f.extract().equals(schema.name()))) {
                continue;
            }
            // With why: "not a .csv file", or modified too recently for --min-file-age.
            List<String> notRead = contents.skipped().stream().map(f -> f.path() + " — " + f.reason()).toList();
            List<String> notReadPaths = contents.skipped().stream().map(DataDirectory.SkippedFile::path).toList();
            out.add(Reason.of(folder + " (" + files + " staged file" + (files == 1 ? "" : "s")
                    + (notRead.isEmpty() ? "" : "; it holds only files not read: " + firstNamed(notRead)) + ")",
                    folder + "（已暂存 " + files + " 个文件" + (notRead.isEmpty() ? "" : "；其中只有不读取的文件：" + firstNamed(notReadPaths)) + "）"));
        }
        return out;
    }

    /** The first three of {@code names}, comma-separated, and {@code , …} when there are more. */
    private static String firstNamed(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(3, names.size()))) + (names.size() > 3 ? ", …" : "");
    }

    /**
     * The staged files that this run's listing leaves unread for --min-file-age: rewritten in
     * place since an earlier night staged them, maybe still being written. A staged file is a
     * {@code .csv}, so the only reason a listing can give for not reading it is its age. By path.
     */
    private SortedMap<String, DataDirectory.SkippedFile> rewriting(Map<String, DataDirectory.Contents> listed) {
        SortedMap<String, DataDirectory.SkippedFile> out = new TreeMap<>();
        listed.values().forEach(c -> c.skipped().stream().filter(f -> manifest.files().containsKey(f.path()))
                .forEach(f -> out.put(f.path(), f)));
        return out;
    }

    /**
     * The files of the staged state a merging run scores from that it does not read itself:
     * every file staged by an earlier run but those in {@code read} (regions.csv, read on every
     * run). None for a rebuild, which reads every file. By path relative to the data directory.
     */
    public SortedMap<String, StagedFile> stagedEarlier(Plan plan, List<FileReport> read) {
        SortedMap<String, StagedFile> out = new TreeMap<>();
        if (plan.rebuild() || manifest == null) {
            return out;
        }
        out.putAll(manifest.files());
        read.forEach(f -> out.remove(f.path()));
        return out;
    }

    /**
     * The loader of one extract for this run: reads every file into a new generation
     * (rebuild), or merges the plan's new files of the extract into the staged rows.
     */
    public LoadedExtract load(Plan plan, ExtractReader reader, DataDirectory dir, ExtractSchema schema,
                              ValidationContext context) {
        boolean delivered = dir.delivered(schema);
        if (plan.rebuild()) {
            if (!delivered) {
                return reader.notDelivered(schema);
            }
            return rebuild(reader, plan, schema, context);
        }
        if (!delivered) {
            return reader.notDelivered(schema);
        }
        List<Generation> generations = manifest.extracts().getOrDefault(schema.name(), List.of());
        List<DataDirectory.DeliveredFile> files = plan.newFiles().getOrDefault(schema.name(), List.of());
        return files.isEmpty() ? unchanged(reader, schema, generations) : merge(reader, schema, context, generations, files);
    }

    /**
     * Reads every file of the extract into one new generation: the whole staged state. The files
     * are those of the plan's listing, which the manifest records at the commit: a file that
     * lands while the run reads other extracts is read by the next night, as a new file, instead
     * of being staged now, left out of the manifest, and staged a second time then.
     */
    private LoadedExtract rebuild(ExtractReader reader, Plan plan, ExtractSchema schema, ValidationContext context) {
        List<DataDirectory.DeliveredFile> files = plan.listed().get(schema.name()).files();
        LOG.info("extract {}: staging {} file(s)", schema.name(), files.size());
        Written written = write(schema, reader.latestVersions(schema, context, files), StagedCounts.NONE, StagedCounts.NONE);
        Generation added = pending.get(schema.name());
        // The written rows are both the state and what this run read: its latest rows are the
        // latest rows of the state.
        return reader.loaded(schema, true, written.rows(), written.rows(), written.summary(), added.state())
                .withChange(StagedChange.rebuilt(added.id(), state(schema.name(), added.id())));
    }

    /** The staged rows as they are, when no file of the extract was delivered since they were staged. */
    private LoadedExtract unchanged(ExtractReader reader, ExtractSchema schema, List<Generation> generations) {
        Generation last = lastGeneration(generations);
        LoadedExtract unchanged = reader.loaded(schema, true, state(schema, generations), null, null,
                last == null ? StagedCounts.NONE : last.state());
        return last == null ? unchanged
                : unchanged.withChange(StagedChange.unchanged(last.id(), state(schema.name(), last.id())));
    }

    /**
     * Merges the new files of the extract into its staged rows as a new generation holding, for
     * each key the files touch, the key's rows judged anew.
     */
    private LoadedExtract merge(ExtractReader reader, ExtractSchema schema, ValidationContext context,
                                List<Generation> generations, List<DataDirectory.DeliveredFile> files) {
        Dataset<Row> state = state(schema, generations);
        Generation last = lastGeneration(generations);
        LOG.info("extract {}: merging {} new file(s) into {} staged generation(s)", schema.name(), files.size(),
                generations.size());
        // The new files are small next to the staging; they are read once and used twice.
        Dataset<Row> scanned = reader.scan(schema, context, files).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> touched = scanned.filter(col(LatestVersion.ROLE).isNull()).select(keyColumns(schema)).distinct()
                .persist(StorageLevel.MEMORY_AND_DISK());
        Optional<KeySketch> sketch = KeySketch.ofAtMost(touched, StagingSettings.maxBroadcastKeys(spark), keyNames(schema));
        if (sketch.isEmpty()) {
            LOG.info("extract {}: the delivery touches more than {} keys: their staged rows are found by a shuffle join",
                    schema.name(), StagingSettings.maxBroadcastKeys(spark));
        }
        Dataset<Row> replacedRows = replacedRows(schema, state, touched, sketch);
        Replacement replacement = replacement(schema, state, scanned, replacedRows, sketch);
        Written written = write(schema, LatestVersion.roles(scanned.unionByName(
                        replacement.rejudged().withColumn(LatestVersion.ROLE, lit(null).cast("string"))), schema),
                last == null ? StagedCounts.NONE : last.state(), replacement.counts());
        touched.unpersist();
        scanned.unpersist();
        return merged(reader, schema, generations, replacedRows, written);
    }

    /**
     * The staged rows of the keys the delivery touches, which leave the state (the new
     * generation hides them): with their role they are counted, and those that were latest are
     * the rows whose figures leave the extract's figures ({@link StagedChange}).
     */
    private static Dataset<Row> replacedRows(ExtractSchema schema, Dataset<Row> state, Dataset<Row> touched,
                                             Optional<KeySketch> sketch) {
        String[] keyNames = keyNames(schema);
        Column[] typedAndRole = Stream.concat(Arrays.stream(StagedChange.columns(schema)),
                Stream.of(col(LatestVersion.ROLE))).toArray(Column[]::new);
        return KeySketch.narrowed(sketch, state.select(typedAndRole), keyNames)
                .join(KeySketch.joinSide(sketch, touched), keyNames, "left_semi")
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * The staged rows a delivery replaces, counted by role, and the staged rows judged again
     * together with the delivery.
     */
    private record Replacement(StagedCounts counts, Dataset<Row> rejudged) {
    }

    /**
     * Counts the replaced rows by role, and those still taking part, in one job (every replaced
     * row's key is one of the delivery's, so the join keeps them all), and picks the staged rows
     * judged again with the delivery. Only the staged rows whose version is not below the
     * delivery's greatest version of the key take part in judging it (an equal version:
     * duplicate or conflict; a greater one: the staged row stays); a row at a lower version is
     * simply superseded. A delivery of new records and revisions needs none, and the whole rows
     * are only read when some do.
     */
    private Replacement replacement(ExtractSchema schema, Dataset<Row> state, Dataset<Row> scanned,
                                    Dataset<Row> replacedRows, Optional<KeySketch> sketch) {
        Column[] key = keyColumns(schema);
        String[] keyNames = keyNames(schema);
        Dataset<Row> newest = scanned.filter(col(LatestVersion.ROLE).isNull()).groupBy(key)
                .agg(max(col(schema.version())).as(NEWEST));
        Dataset<Row> judged = replacedRows.join(newest, keyNames);
        Column stillJudged = not(coalesce(col(schema.version()).lt(col(NEWEST)), lit(false)));
        Map<String, Long> replacedByRole = new HashMap<>();
        long stillJudgedRows = 0;
        for (Row r : judged.groupBy(col(LatestVersion.ROLE))
                .agg(count(lit(1)), sum(when(stillJudged, lit(1L)).otherwise(lit(0L)))).collectAsList()) {
            replacedByRole.put(r.getString(0), r.getLong(1));
            stillJudgedRows += r.getLong(2);
        }
        Dataset<Row> rejudged = stillJudgedRows == 0
                ? spark.createDataFrame(List.of(), ExtractReader.scanShape(schema))
                : state.join(KeySketch.joinSide(sketch, judged.filter(stillJudged).select(key).distinct()), keyNames, "left_semi");
        return new Replacement(StagedCounts.of(replacedByRole), rejudged);
    }

    /**
     * The extract after a merge: its staged state with the new generation, and the change of its
     * latest rows that the figures kept up to date apply.
     */
    private LoadedExtract merged(ExtractReader reader, ExtractSchema schema, List<Generation> generations,
                                 Dataset<Row> replacedRows, Written written) {
        Generation last = lastGeneration(generations);
        List<Generation> after = new ArrayList<>(generations);
        Generation added = pending.get(schema.name());
        after.add(added);
        // replacedRows stays cached: figures kept up to date take its latest rows away.
        Column[] typed = StagedChange.columns(schema);
        Column isLatest = col(LatestVersion.ROLE).equalTo(LatestVersion.LATEST);
        StagedChange change = new StagedChange(last == null ? -1 : last.id(), last == null ? null : state(schema.name(), last.id()),
                added.id(), state(schema.name(), added.id()),
                replacedRows.filter(isLatest).select(typed), written.rows().filter(isLatest).select(typed));
        return reader.loaded(schema, true, state(schema, after), written.rows(), written.summary(), added.state())
                .withChange(change);
    }

    /** The newest committed generation of an extract, or null when it has none. */
    private static Generation lastGeneration(List<Generation> generations) {
        return generations.isEmpty() ? null : generations.get(generations.size() - 1);
    }

    private static Column[] keyColumns(ExtractSchema schema) {
        return schema.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static String[] keyNames(ExtractSchema schema) {
        return schema.key().toArray(new String[0]);
    }

    /**
     * The name of an extract's staged state whose newest generation is {@code generation}: a
     * generation is written once and never reused while the staging area exists, so the name
     * stands for the rows.
     */
    private String state(String extract, long generation) {
        return extract + "@" + StagingStore.generationFolder(generation);
    }

    /** The rows of the extract that resolve their reference, as of the last committed run (if known). */
    public Optional<ReferencedRows> referencedRows(String extract) {
        return manifest == null ? Optional.empty() : Optional.ofNullable(manifest.references().get(extract));
    }

    /**
     * Reads a note kept with a committed generation of an extract ({@link #writeNote}), if there
     * is one.
     */
    public Optional<String> readNote(String extract, long generation, String name) {
        return store.readNote(extract, generation, name);
    }

    /**
     * Keeps a small text (figures derived from the staged rows) with a committed generation of
     * an extract, replacing a note of the same name. It is deleted with the generation, so a
     * note never outlives the rows it was derived from.
     */
    public void writeNote(String extract, long generation, String name, String text) {
        store.writeNote(extract, generation, name, text);
    }

    /**
     * Makes the run's generations the staged state: writes the manifest with the files this run
     * read (all of them after a rebuild, else the earlier ones plus the new) and a new state
     * identifier when anything changed, then deletes the generations no longer referenced.
     *
     * @param rejectedByRegion path of a file read -> region code -> its rows the row rules
     *                         rejected that name the region
     */
    public void commit(Plan plan, String dataDir, String fingerprint, List<FileReport> filesRead,
                       Map<String, ReferencedRows> references, Function<String, Map<String, Long>> rejectedByRegion) {
        SortedMap<String, StagedFile> files = new TreeMap<>(plan.rebuild() || manifest == null ? Map.of() : manifest.files());
        for (FileReport f : filesRead) {
            DataDirectory.DeliveredFile d = plan.inventory().get(f.path());
            if (d != null) {
                files.put(f.path(), StagedFile.of(f, d, rejectedByRegion.apply(f.path())));
            }
        }
        SortedMap<String, List<Generation>> extracts = new TreeMap<>();
        if (!plan.rebuild() && manifest != null) {
            extracts.putAll(manifest.extracts());
        }
        pending.forEach((extract, g) -> {
            List<Generation> list = new ArrayList<>(extracts.getOrDefault(extract, List.of()));
            list.add(g);
            extracts.put(extract, list);
        });
        // A night that merged nothing keeps the state's identifier: a warehouse that holds it
        // still holds what the staging area holds.
        boolean same = !plan.rebuild() && manifest != null && pending.isEmpty() && files.equals(manifest.files());
        writeManifest(new Manifest(FORMAT, dataDir, fingerprint, nextGeneration.get(), files, extracts,
                same ? manifest.stateId() : UUID.randomUUID().toString(), new TreeMap<>(references)));
        pending.clear();
        deleteUncommitted();
        LOG.info("staging area {}: committed ({} files, {} extracts)", root(), files.size(), extracts.size());
    }

    /** Deletes the generations this run wrote; the committed state is untouched. */
    public void abandon() {
        if (!pending.isEmpty()) {
            LOG.info("staging area {}: discarding this run's {} generation(s)", root(), pending.size());
        }
        pending.clear();
        deleteUncommitted();
    }

    /**
     * Rewrites every extract that has {@link StagingSettings#MAX_GENERATIONS} or more generations
     * as one, so that reading the staged rows stays one scan plus a few small anti-joins.
     */
    public void compact(List<ExtractSchema> schemas) {
        if (manifest == null) {
            return;
        }
        int maxGenerations = StagingSettings.maxGenerations(spark);
        SortedMap<String, List<Generation>> extracts = new TreeMap<>(manifest.extracts());
        Set<String> compacted = new HashSet<>();
        for (ExtractSchema schema : schemas) {
            List<Generation> generations = extracts.getOrDefault(schema.name(), List.of());
            if (generations.size() < maxGenerations) {
                continue;
            }
            LOG.info("extract {}: compacting {} staged generations into one", schema.name(), generations.size());
            // The compacted generation is the whole state: its own counts are the state's.
            write(schema, state(schema, generations), StagedCounts.NONE, StagedCounts.NONE);
            extracts.put(schema.name(), List.of(pending.remove(schema.name())));
            compacted.add(schema.name());
        }
        if (!compacted.isEmpty()) {
            // Referenced rows are known by the states of both sides, and a compacted extract is a
            // new state of it: only the counts of an extract compacted or referencing one are
            // forgotten, so that compacting complaints does not cost the next night a join of every
            // staged sale with the registry.
            Map<String, ExtractSchema> byName = new HashMap<>();
            schemas.forEach(s -> byName.put(s.name(), s));
            SortedMap<String, ReferencedRows> references = new TreeMap<>(manifest.references());
            references.keySet().removeIf(extract -> compacted.contains(extract) || !byName.containsKey(extract)
                    || byName.get(extract).reference().map(ref -> compacted.contains(ref.extract())).orElse(true));
            writeManifest(new Manifest(FORMAT, manifest.dataDir(), manifest.fingerprint(), nextGeneration.get(),
                    manifest.files(), extracts, manifest.stateId(), references));
            deleteUncommitted();
        }
    }

    /** The staged rows of an extract: the rows of each generation whose key no later generation has. */
    Dataset<Row> state(ExtractSchema schema, List<Generation> generations) {
        Dataset<Row> out = null;
        Dataset<Row> laterKeys = null;
        long laterRows = 0;
        for (int i = generations.size() - 1; i >= 0; i--) {
            Dataset<Row> g = staged(generation(schema, generations.get(i).id()));
            Dataset<Row> visible = laterKeys == null ? g
                    : g.join(laterRows <= BROADCAST_ROWS ? broadcast(laterKeys) : laterKeys, keyNames(schema), "left_anti");
            out = out == null ? visible : out.unionByName(visible);
            Dataset<Row> keys = g.select(keyColumns(schema));
            laterKeys = laterKeys == null ? keys : laterKeys.unionByName(keys);
            laterRows += generations.get(i).rows();
        }
        if (out == null) {
            return spark.createDataFrame(List.of(), ExtractReader.scanShape(schema));
        }
        return out;
    }

    /** The staged rows of a generation: the records at their key's greatest version. */
    private static Dataset<Row> staged(Dataset<Row> generation) {
        return generation.filter(col(LatestVersion.ROLE).isin(LatestVersion.LATEST, LatestVersion.DUPLICATE,
                LatestVersion.CONFLICT));
    }

    private Dataset<Row> generation(ExtractSchema schema, long id) {
        return spark.read().schema(ExtractReader.scanShape(schema)).parquet(store.generationPath(schema.name(), id));
    }

    /** A generation as written: its rows as read back, and what one pass over them found. */
    private record Written(Dataset<Row> rows, ReadSummary summary) {
    }

    /**
     * Writes rows as a new pending generation of the extract and returns them as read back.
     * The state's counts after it are {@code before - replaced +} the generation's own.
     */
    private Written write(ExtractSchema schema, Dataset<Row> rows, StagedCounts before, StagedCounts replaced) {
        long id = nextGeneration.getAndIncrement();
        String path = store.generationPath(schema.name(), id);
        ReadSummary.Observer observer = new ReadSummary.Observer();
        observer.watch(rows.select(ExtractReader.scanShape(schema).fieldNames()[0], restOf(ExtractReader.scanShape(schema).fieldNames())))
                .write().options(parquetOptions(schema)).parquet(path);
        Dataset<Row> written = generation(schema, id);
        // Counted while writing; read back only when Spark reported nothing (rows it knew were none).
        ReadSummary summary = observer.summary().orElseGet(() -> ReadSummary.of(written));
        StagedCounts own = summary.staged();
        StagedCounts state = before.minus(replaced).plus(own);
        pending.put(schema.name(), new Generation(id, own.staged(), state.latest(), state.duplicates(), state.conflicts()));
        return new Written(written, summary);
    }

    /**
     * How a generation is written. Min and max of every column would cost a tenth of writing it;
     * only the role's are read, to skip the row groups without rejected rows or reports. Columns
     * whose values rarely repeat (identifiers, free text, timestamps, line numbers) are written
     * plainly: a dictionary of them fills up and is thrown away in every row group.
     */
    static Map<String, String> parquetOptions(ExtractSchema schema) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("parquet.column.statistics.enabled", "false");
        options.put("parquet.column.statistics.enabled#" + LatestVersion.ROLE, "true");
        List<String> rarelyRepeating = new ArrayList<>(List.of(SparkColumns.LINE, schema.key().get(0)));
        schema.columns().stream().filter(c -> c.type() == ColumnType.TEXT || c.type() == ColumnType.TIMESTAMP)
                .forEach(c -> rarelyRepeating.add(c.name()));
        rarelyRepeating.forEach(c -> options.put("parquet.enable.dictionary#" + c, "false"));
        return options;
    }

    private static String[] restOf(String[] names) {
        return Arrays.copyOfRange(names, 1, names.length);
    }

    private void writeManifest(Manifest m) {
        store.writeManifest(m);
        manifest = m;
    }

    /** Deletes generation folders the manifest does not list (and this run is not writing). */
    private void deleteUncommitted() {
        store.deleteGenerationsUnless((extract, id) -> {
            Generation writing = pending.get(extract);
            return writing != null && writing.id() == id || manifest != null
                    && manifest.extracts().getOrDefault(extract, List.of()).stream().anyMatch(g -> g.id() == id);
        });
    }
}
