package org.netmarket.staging;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.netmarket.extract.ColumnSpec;
import org.netmarket.extract.ColumnType;
import org.netmarket.extract.ConflictScope;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.RowRule;
import org.netmarket.extract.RowValidator;
import org.netmarket.extract.UnifiedSocialCreditCode;
import org.netmarket.extract.ValidationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;

/**
 * Reads an extract's delivered files with Spark: one task per file streams it through
 * {@link ExtractFileScan} (encoding, header, row validation), then later-version-wins
 * deduplication ({@link LatestVersion}) and, for extracts that reference another, the reference
 * check. Every set-aside row keeps its file, line, raw text and reason.
 *
 * <p>A scan yields one row per valid record, per rejected record and per file (its report), all
 * in one shape and told apart by {@link LatestVersion#ROLE}, so that reading, deduplicating and
 * writing the result is a single pass over the files: nothing is read twice and the scan itself
 * is never held in memory.
 */
public final class ExtractReader {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractReader.class);
    /** File reports travel through Spark as JSON (read back by {@link ReadSummary}). */
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Role of a row the validator rejected. */
    public static final String REJECTED = "rejected";
    /** Role of the one row per file that carries its {@link FileReport} (as JSON). */
    public static final String REPORT = "report";

    static final String RAW = "_raw";
    static final String REJECT_COLUMN = "_reject_column";
    /**
     * A rejection's reason, English and Chinese in one column split by {@link #REASON_SEPARATOR}:
     * every valid row carries this column as a null, and one more would be one more slot per row
     * through the shuffle.
     */
    static final String REJECT_REASON = "_reject_reason";
    /** No reason holds a NUL: a field with one is set aside with a reason that does not quote it. */
    private static final String REASON_SEPARATOR = "\u0000";
    static final String REPORT_JSON = "_report";
    private static final String REFERENCED_KEY = "_ref_key";
    private static final String REFERENCED_REGION = "_ref_region";
    /** The column in which rows without a region of their own get that of the row they reference. */
    public static final String REGION_OF_REFERENCE = "region_code";
    /** Bookkeeping columns of a scan, before the typed columns. */
    private static final int BOOKKEEPING = 7;

    private final SparkSession spark;
    private final DataDirectory dir;

    public ExtractReader(SparkSession spark, DataDirectory dir) {
        this.spark = spark;
        this.dir = dir;
    }

    /**
     * Reads, validates and deduplicates one extract from all its delivered files, keeping the
     * result in Spark's cache (for a run that keeps no staging area).
     */
    public LoadedExtract read(ExtractSchema schema, ValidationContext context) {
        return read(schema, context, dir.contents(schema));
    }

    /** {@link #read(ExtractSchema, ValidationContext)} from the run's listing of the extract's folder. */
    public LoadedExtract read(ExtractSchema schema, ValidationContext context, DataDirectory.Contents listed) {
        if (!dir.delivered(schema)) {
            return notDelivered(schema);
        }
        List<DataDirectory.DeliveredFile> files = listed.files();
        LOG.info("extract {}: reading {} file(s)", schema.name(), files.size());
        Dataset<Row> roled = latestVersions(schema, context, files).persist(StorageLevel.MEMORY_AND_DISK());
        ReadSummary summary = ReadSummary.of(roled);
        return loaded(schema, true, roled, roled, summary, summary.staged());
    }

    /** An extract whose folder is missing: no files, no rows (said in the log). */
    public LoadedExtract notDelivered(ExtractSchema schema) {
        LOG.info("extract {}: not delivered (no folder {}/)", schema.name(), schema.name());
        Dataset<Row> empty = spark.createDataFrame(List.of(), SparkColumns.validRows(schema));
        return new LoadedExtract(schema, false, List.of(), empty, empty, noQuarantine(),
                0, 0, 0, List.of(), List.of(), 0, null, empty.select(col(schema.key().get(0)).as(LoadedExtract.REJECTED_KEY),
                        col(SparkColumns.FILE), col(SparkColumns.LINE)), Map.of());
    }

    /** A quarantine with no rows, shaped as {@link QuarantinedRow#SCHEMA}. */
    private Dataset<Row> noQuarantine() {
        return spark.createDataFrame(List.of(), QuarantinedRow.SCHEMA);
    }

    /**
     * Streams the given files of an extract through validation, one Spark task per file: one row
     * per record (role null), per rejected record ({@link #REJECTED}) and per file
     * ({@link #REPORT}), shaped as {@link #scanShape}. Lazy: nothing is read until an action runs.
     */
    public Dataset<Row> scan(ExtractSchema schema, ValidationContext context, List<DataDirectory.DeliveredFile> files) {
        FileNumbers numbers = FileNumbers.of(files);
        return numbers.withPaths(numberedScan(schema, context, files, numbers));
    }

    /**
     * The given files' records with their roles ({@link LatestVersion#roles}), shaped as
     * {@link #scanShape}. The rows go through the shuffle and sort of deduplication carrying their
     * file's number, not its path: a path is a fifth of a row's bytes.
     */
    public Dataset<Row> latestVersions(ExtractSchema schema, ValidationContext context,
                                       List<DataDirectory.DeliveredFile> files) {
        FileNumbers numbers = FileNumbers.of(files);
        return numbers.withPaths(LatestVersion.roles(numberedScan(schema, context, files, numbers), schema));
    }

    /** {@link #scan} with each row's file as its {@link FileNumbers number}. */
    private Dataset<Row> numberedScan(ExtractSchema schema, ValidationContext context,
                                      List<DataDirectory.DeliveredFile> files, FileNumbers numbers) {
        RowValidator validator = new RowValidator(schema, context);
        // Largest files first: with one task per file, a big file started last would run alone.
        List<String> ordered = files.stream()
                .sorted(Comparator.comparingLong(DataDirectory.DeliveredFile::bytes).reversed()
                        .thenComparing(DataDirectory.DeliveredFile::path))
                .map(DataDirectory.DeliveredFile::path).toList();
        JavaRDD<Row> scanned = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(ordered, Math.max(1, ordered.size()))
                .mapPartitions(new ScanFiles(dir, validator, numbers));
        return spark.createDataFrame(scanned, FileNumbers.numbered(scanShape(schema)));
    }

    /**
     * An extract as the rest of the run sees it, from rows with roles ({@link LatestVersion}).
     *
     * @param state the current rows of every key: where the latest rows and the keys in conflict
     *              come from
     * @param read  the rows of what this run read (its files' reports, rejected rows, and the
     *              conflicts its files took part in): the run's lineage and quarantine; null when
     *              the run read no file of the extract, which then costs no Spark job
     * @param readSummary what one pass over {@code read} found ({@link ReadSummary#of}); null
     *              when {@code read} is
     * @param known the counts of {@code state} (kept by the staging area, or {@code read}'s own
     *              when the state is what the run read): the state is not scanned for conflicts
     *              when it has none, its latest rows need no count, and its conflicting rows
     *              are those a full read sets aside
     */
    public LoadedExtract loaded(ExtractSchema schema, boolean delivered, Dataset<Row> state, Dataset<Row> read,
                                ReadSummary readSummary, StagedCounts known) {
        List<FileReport> reports = read == null ? List.of() : readSummary.reports();
        StructType valid = SparkColumns.validRows(schema);
        Column[] validColumns = Arrays.stream(valid.fieldNames()).map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new);
        // Lazy: defining the quarantine of a run that read nothing starts no job.
        Dataset<Row> lineage = read == null ? state.limit(0) : read;
        long rowsRejected = reports.stream().mapToLong(FileReport::rowsRejected).sum();
        // Conflicting rows are set aside by the run whose files took part in the conflict; the
        // quarantine threshold judges those of the state, as a full read counts them.
        long conflictRowsSetAside = read == null ? 0 : readSummary.staged().conflicts();
        // Parts known to be empty are not defined over the rows read: Spark analyses a dataset
        // as it is defined, and the conflicts' reasons (a window per value column) cost more to
        // analyse than a small night's rows cost to read.
        Dataset<Row> rejected = rowsRejected == 0 ? noQuarantine() : lineage.filter(col(LatestVersion.ROLE).equalTo(REJECTED))
                .select(lit(schema.name()).as("extract"), col(SparkColumns.FILE).as("file"),
                        col(SparkColumns.LINE).as("line"), col(RAW).as("raw_line"),
                        col(REJECT_COLUMN).as("column_name"),
                        substring_index(col(REJECT_REASON), REASON_SEPARATOR, 1).as("reason"),
                        substring_index(col(REJECT_REASON), REASON_SEPARATOR, -1).as("reason_zh"),
                        SparkColumns.regionOf(schema).as("region_code"));
        Dataset<Row> conflictQuarantine = conflictRowsSetAside == 0 ? noQuarantine() : SetAsideReasons.conflicts(schema, lineage);
        Set<ConflictScope> conflictScopes = new LinkedHashSet<>();
        List<Map<String, Object>> conflictKeys = new ArrayList<>();
        List<Row> conflictRows = known.conflicts() == 0 ? List.of()
                : state.filter(col(LatestVersion.ROLE).equalTo(LatestVersion.CONFLICT)).select(conflictColumns(schema))
                .collectAsList();
        Set<Map<String, Object>> seen = new HashSet<>();
        Map<String, Long> conflictRowsByRegion = new HashMap<>();
        for (Row r : conflictRows) {
            conflictScopes.add(new ConflictScope(r.getAs(CONFLICT_REGION), r.getAs(CONFLICT_YEAR), r.getAs(CONFLICT_TYPE),
                    r.getAs(CONFLICT_REFERENCE)));
            String region = r.getAs(CONFLICT_REGION);
            if (region != null) {
                conflictRowsByRegion.merge(region, 1L, Long::sum);
            }
            Map<String, Object> k = new LinkedHashMap<>();
            for (String kc : schema.key()) {
                k.put(kc, r.getAs(kc));
            }
            if (seen.add(k)) {
                conflictKeys.add(k);
            }
        }
        if (!conflictKeys.isEmpty()) {
            LOG.warn("extract {}: {} key(s) with conflicting versions ({} rows set aside), e.g. {}", schema.name(),
                    conflictKeys.size(), conflictRows.size(), conflictKeys.get(0));
        }
        Dataset<Row> quarantine = rejected.unionByName(conflictQuarantine);
        long rowsRead = reports.stream().mapToLong(FileReport::rowsRead).sum();
        long quarantined = rowsRejected + conflictRowsSetAside;
        Dataset<Row> latest = state.filter(col(LatestVersion.ROLE).equalTo(LatestVersion.LATEST)).select(validColumns);
        Dataset<Row> latestRead = read == state ? latest : read == null ? latest.limit(0)
                : read.filter(col(LatestVersion.ROLE).equalTo(LatestVersion.LATEST)).select(validColumns);
        for (FileReport f : reports) {
            if (f.failed()) {
                LOG.error("extract {}: {}", schema.name(), f.problem());
            } else if (f.isGb18030()) {
                LOG.info("extract {}: {} is not valid UTF-8, read as GB18030 (byte {} is the first that is not UTF-8)",
                        schema.name(), f.path(), f.firstNonUtf8Byte());
            }
            if (!f.extraColumns().isEmpty()) {
                LOG.info("extract {}: {} has columns the contract does not know (ignored): {}", schema.name(),
                        f.path(), String.join(", ", f.extraColumns()));
            }
        }
        // An extract whose rows name a record of another is checked against it later: this count
        // is not yet the extract's whole, and the line says so rather than be contradicted.
        LOG.info("extract {}: {} rows read, {} quarantined{}", schema.name(), rowsRead, quarantined, schema.reference()
                .map(r -> " by the row rules (whether each " + r.column() + " is in " + r.extract() + " is checked later)").orElse(""));
        // Lazy: only a reference check that finds unresolved rows looks at them.
        Dataset<Row> rejectedKeys = lineage.filter(col(LatestVersion.ROLE).equalTo(REJECTED)
                        .and(col(schema.key().get(0)).isNotNull()))
                .select(col(schema.key().get(0)).cast(DataTypes.StringType).as(LoadedExtract.REJECTED_KEY),
                        col(SparkColumns.FILE), col(SparkColumns.LINE));
        return new LoadedExtract(schema, delivered, reports, latest, latestRead, quarantine, rowsRead, quarantined,
                known.conflicts(), List.copyOf(conflictScopes), conflictKeys, known.latest(), null, rejectedKeys,
                Map.copyOf(conflictRowsByRegion));
    }

    /**
     * Sets aside rows whose reference column names no key of the referenced extract (sales of an
     * operator missing from the operators registry): they leave the latest rows, and those of
     * them the run judged ({@link LoadedExtract#latestRead}) or whose referenced row it took away
     * ({@link #missing}) are quarantined by it. The rows kept take the region of the row they
     * reference when they have none of their own (a sale is the region's through its operator),
     * in {@code region_code}.
     *
     * <p>When both extracts went through the staging area and the kept rows of the state they
     * were merged into are known ({@code before}), only the references the delivery can change
     * are looked at: those of the referencing rows that came or left, and of the referenced keys
     * that came or left. Their kept rows before and after are the extract's
     * {@link StagedChange}, and the kept rows are counted by arithmetic instead of joining every
     * staged row with the registry.
     */
    public LoadedExtract checkReference(LoadedExtract extract, LoadedExtract referenced,
                                        Optional<StagingArea.ReferencedRows> before) {
        if (!extract.delivered() || !referenced.delivered()) {
            return extract;
        }
        extract = placeConflictsThroughReference(extract, referenced);
        StagedChange own = extract.change();
        StagedChange theirs = referenced.change();
        String after = own == null || theirs == null ? null : own.after() + "+" + theirs.after();
        // A merging night, both sides staged before: what resolved then may be counted on.
        boolean stagedBefore = after != null && own.before() != null && theirs.before() != null;
        if (stagedBefore && before.isPresent() && before.get().state().equals(own.before() + "+" + theirs.before())) {
            if (own.isUnchanged() && theirs.isUnchanged()) {
                // Nothing changed: the latest rows that do not resolve are the latest rows less the
                // kept ones, as before (each set aside by the run that judged it).
                return new LoadedExtract(extract.schema(), true, extract.files(), kept(extract, referenced),
                        extract.latestRead(), extract.quarantine(), extract.rowsRead(), extract.rowsQuarantined(),
                        extract.stateRowsSetAside() + extract.latestCount() - before.get().rows(), extract.conflictScopes(),
                        extract.conflictKeys(), before.get().rows(), StagedChange.unchanged(own.generationAfter(), after),
                        extract.rejectedKeys(), extract.conflictRowsByRegion());
            }
            return checkChanged(extract, referenced, before.get(), after);
        }
        StagedChange change = after == null ? null : StagedChange.rebuilt(own.generationAfter(), after);
        if (stagedBefore) {
            // A merging night that could have counted by arithmetic: said, as it is the slow way.
            LOG.info("extract {}: no count kept of its rows that resolve as of the staged states this night starts from;"
                    + " every staged row is looked up in {} again", extract.name(), referenced.name());
        }
        // Every latest row is judged: this run read them all, or no earlier judgement of the staged
        // rows against this registry is known (the registry delivered for the first time, or either
        // side missing on a night since), so staged rows no run judged are set aside now, as a full
        // read sets them aside. One outer join with the registry (the larger side, shuffled and
        // sorted once) gives both the rows kept and those whose reference is missing.
        Dataset<Row> lookedUp = byReference(extract, extract.latest(), referencedKeys(referenced), "left")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> kept = placed(extract, lookedUp.filter(col(REFERENCED_KEY).isNotNull()).drop(REFERENCED_KEY));
        Dataset<Row> missing = lookedUp.filter(col(REFERENCED_KEY).isNull()).drop(REFERENCED_KEY, REFERENCED_REGION);
        return setAside(extract, referenced, kept, -1, change, missing);
    }

    /**
     * The rows whose reference is not among {@code keys} that this run sets aside, as a full read
     * of the same files would: those it judged, and the staged rows whose referenced key this run
     * took away from the latest rows without another version taking its place (an operator whose
     * versions now conflict). Those resolved until tonight; a staged row that did not resolve
     * before was set aside by the run that judged it.
     */
    private static Dataset<Row> missing(LoadedExtract extract, LoadedExtract referenced, Dataset<Row> keys) {
        Dataset<Row> judged = byReference(extract, extract.latestRead(), keys, "left_anti");
        StagedChange theirs = referenced.change();
        if (theirs == null || !theirs.updatable()) {
            return judged;
        }
        // A key whose latest row left has all its rows in the new generation: when none of them
        // is latest, the key has no value. Small, as the delivery is.
        Dataset<Row> lost = referencedKeys(referenced.withLatest(theirs.removed())).select(REFERENCED_KEY)
                .except(referencedKeys(referenced.withLatest(theirs.added())).select(REFERENCED_KEY))
                .persist(StorageLevel.MEMORY_AND_DISK());
        if (lost.isEmpty()) {
            lost.unpersist();
            return judged;
        }
        // Rare (an operator turned into a conflict): only then are the staged rows scanned with
        // their file and line, which the quarantine names.
        Dataset<Row> judgedKeys = extract.latestRead().select(extract.schema().key().stream()
                .map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
        // The keys this run read are as many as its delivery: not hinted for broadcast, which a whole
        // extract delivered again would not fit; Spark broadcasts them when they are few.
        return judged.unionByName(byReference(extract, extract.latest(), broadcast(lost), "left_semi")
                .join(judgedKeys, extract.schema().key().toArray(new String[0]), "left_anti"));
    }

    /** {@code rows} joined ({@code how}) with referenced {@link #referencedKeys keys} on the extract's reference column. */
    private static Dataset<Row> byReference(LoadedExtract extract, Dataset<Row> rows, Dataset<Row> keys, String how) {
        String column = extract.schema().reference().orElseThrow().column();
        return rows.join(keys, rows.col(column).equalTo(keys.col(REFERENCED_KEY)), how);
    }

    /**
     * Conflicting rows without a region of their own (sales) take the region of the row they
     * reference, so that the items counting them in that region get data_error. A reference to
     * an unknown or itself conflicting key places nothing: that row is set aside as unresolved,
     * and a conflicting operator already makes its region's items data_error.
     */
    private static LoadedExtract placeConflictsThroughReference(LoadedExtract extract, LoadedExtract referenced) {
        Object[] references = extract.conflictScopes().stream().filter(s -> s.region() == null && s.reference() != null)
                .map(ConflictScope::reference).distinct().toArray();
        if (references.length == 0) {
            return extract;
        }
        Map<String, String> regionOf = new HashMap<>();
        for (Row r : referencedKeys(referenced).filter(col(REFERENCED_KEY).isin(references)).collectAsList()) {
            regionOf.put(r.getString(0), r.getString(1));
        }
        return extract.withConflictScopes(extract.conflictScopes().stream()
                .map(s -> s.region() == null && s.reference() != null ? s.resolved(regionOf) : s)
                .filter(Objects::nonNull).distinct().toList());
    }

    /** The kept rows when both extracts' changes are known: see {@link #checkReference}. */
    private LoadedExtract checkChanged(LoadedExtract extract, LoadedExtract referenced, StagingArea.ReferencedRows before,
                                       String after) {
        String column = extract.schema().reference().orElseThrow().column();
        StagedChange own = extract.change();
        StagedChange theirs = referenced.change();
        Dataset<Row> latest = extract.latest().select(StagedChange.columns(extract.schema()));
        Dataset<Row> none = latest.limit(0);
        Dataset<Row> ownRemoved = own.updatable() ? own.removed() : none;
        Dataset<Row> ownAdded = own.updatable() ? own.added() : none;
        Dataset<Row> registry = referencedKeys(referenced);
        Dataset<Row> theirRemoved = theirs.updatable() ? referencedKeys(referenced.withLatest(theirs.removed())) : registry.limit(0);
        Dataset<Row> theirAdded = theirs.updatable() ? referencedKeys(referenced.withLatest(theirs.added())) : registry.limit(0);
        // The references whose outcome may change: small, as the delivery is.
        Dataset<Row> touched = ownRemoved.select(col(column).as(REFERENCED_KEY))
                .unionByName(ownAdded.select(col(column).as(REFERENCED_KEY)))
                .unionByName(theirRemoved.select(REFERENCED_KEY))
                .unionByName(theirAdded.select(REFERENCED_KEY))
                .distinct().persist(StorageLevel.MEMORY_AND_DISK());
        // Every other set below is part of the touched keys' rows: broadcast when those are.
        Optional<KeySketch> sketch = KeySketch.ofAtMost(touched, StagingSettings.maxBroadcastKeys(spark), REFERENCED_KEY);
        Dataset<Row> registryNow = KeySketch.narrowed(sketch, registry, REFERENCED_KEY)
                .join(KeySketch.joinSide(sketch, touched), REFERENCED_KEY, "left_semi")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> registryBefore = registryNow.join(KeySketch.joinSide(sketch, theirAdded.select(REFERENCED_KEY)),
                        REFERENCED_KEY, "left_anti")
                .unionByName(theirRemoved);
        // Both sides below start from these rows: found once in the staged rows, not twice.
        Dataset<Row> rowsNow = KeySketch.narrowed(sketch, latest, column)
                .join(KeySketch.joinSide(sketch, touched), latest.col(column).equalTo(touched.col(REFERENCED_KEY)), "left_semi")
                .persist(StorageLevel.MEMORY_AND_DISK());
        String[] key = extract.schema().key().toArray(new String[0]);
        Dataset<Row> rowsBefore = rowsNow.join(KeySketch.joinSide(sketch, ownAdded.select(extract.schema().key().stream()
                        .map(org.apache.spark.sql.functions::col).toArray(Column[]::new))), key, "left_anti")
                .unionByName(ownRemoved);
        Dataset<Row> removed = withReferencedRegion(extract, rowsBefore, registryBefore).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> added = withReferencedRegion(extract, rowsNow, registryNow).persist(StorageLevel.MEMORY_AND_DISK());
        long keptRows = before.rows() - removed.count() + added.count();
        LOG.info("extract {}: references of {} key(s) looked up again; {} rows resolve", extract.name(),
                sketch.map(k -> Long.toString(k.keys())).orElse("more than " + StagingSettings.maxBroadcastKeys(spark)), keptRows);
        StagedChange change = new StagedChange(own.generationBefore(), before.state(), own.generationAfter(), after,
                removed, added);
        // The rows this run judged, and those whose referenced key it took away, reference only
        // touched keys: the small registry part answers.
        return setAside(extract, referenced, kept(extract, referenced), keptRows, change,
                missing(extract, referenced, registryNow));
    }

    /**
     * The extract with its latest rows replaced by the kept ones, and {@code missing}, the rows
     * this run judged whose reference does not resolve, quarantined.
     */
    private LoadedExtract setAside(LoadedExtract extract, LoadedExtract referenced, Dataset<Row> kept, long keptRows,
                                   StagedChange change, Dataset<Row> missing) {
        RowRule.References ref = extract.schema().reference().orElseThrow();
        String column = ref.column();
        missing = missing.persist(StorageLevel.MEMORY_AND_DISK());
        long missingCount = missing.count();
        Dataset<Row> quarantine = extract.quarantine();
        if (missingCount == 0) {
            missing.unpersist();
        } else {
            LOG.warn("extract {}: {} row(s) quarantined: their {} is not in {}", extract.name(), missingCount, column, ref.extract());
            quarantine = quarantine.unionByName(SetAsideReasons.unresolved(extract.schema(), missing, column, referenced));
        }
        // The latest rows that do not resolve, as a full read sets them aside: this run's missing
        // rows when it judged every row, else the latest rows less the kept ones, which may differ
        // by more (staged sales that an earlier night set aside, their operator unknown).
        long unresolved;
        if (extract.judgedEveryRow()) {
            unresolved = missingCount;
        } else {
            if (keptRows < 0) {
                keptRows = kept.count();
            }
            unresolved = extract.latestCount() - keptRows;
        }
        return new LoadedExtract(extract.schema(), true, extract.files(), kept, extract.latestRead(), quarantine,
                extract.rowsRead(), extract.rowsQuarantined() + missingCount, extract.stateRowsSetAside() + unresolved,
                extract.conflictScopes(), extract.conflictKeys(), keptRows, change, extract.rejectedKeys(),
                extract.conflictRowsByRegion());
    }

    /** The latest rows whose reference resolves, with the referenced row's region when they have none. */
    private static Dataset<Row> kept(LoadedExtract extract, LoadedExtract referenced) {
        return withReferencedRegion(extract, extract.latest(), referencedKeys(referenced));
    }

    private static Dataset<Row> withReferencedRegion(LoadedExtract extract, Dataset<Row> rows, Dataset<Row> keys) {
        return placed(extract, byReference(extract, rows, keys, "inner").drop(REFERENCED_KEY));
    }

    /** Rows joined with the referenced row's region: kept in {@code region_code} when they have none of their own. */
    private static Dataset<Row> placed(LoadedExtract extract, Dataset<Row> joined) {
        return extract.schema().regionColumn().isPresent() ? joined.drop(REFERENCED_REGION)
                : joined.withColumnRenamed(REFERENCED_REGION, REGION_OF_REFERENCE);
    }

    /** The referenced extract's latest keys, with their region (null when it has none). */
    private static Dataset<Row> referencedKeys(LoadedExtract referenced) {
        Dataset<Row> latest = referenced.latest();
        return latest.select(col(referenced.schema().key().get(0)).as(REFERENCED_KEY),
                SparkColumns.regionOf(referenced.schema()).as(REFERENCED_REGION));
    }

    private static final String CONFLICT_REGION = "_conflict_region";
    private static final String CONFLICT_YEAR = "_conflict_year";
    private static final String CONFLICT_TYPE = "_conflict_type";
    private static final String CONFLICT_REFERENCE = "_conflict_reference";

    /**
     * The key of a conflicting row and where it lies: region, cohort year and type (see
     * {@link ConflictScope}), and its reference when it has no region of its own.
     */
    private static Column[] conflictColumns(ExtractSchema schema) {
        List<Column> columns = new ArrayList<>();
        schema.key().forEach(k -> columns.add(col(k)));
        Column none = lit(null).cast(DataTypes.StringType);
        columns.add(SparkColumns.regionOf(schema).as(CONFLICT_REGION));
        ExtractSchema.Cohort cohort = schema.cohort();
        Column year = lit(null).cast(DataTypes.IntegerType);
        if (cohort != null) {
            year = schema.column(cohort.yearOf()).type() == ColumnType.YEAR ? col(cohort.yearOf()).cast(DataTypes.IntegerType)
                    : org.apache.spark.sql.functions.year(col(cohort.yearOf()));
        }
        columns.add(year.as(CONFLICT_YEAR));
        columns.add((cohort == null || cohort.type() == null ? none : col(cohort.type())).as(CONFLICT_TYPE));
        Column reference = schema.regionColumn().isEmpty() && schema.reference().isPresent()
                ? col(schema.reference().get().column()).cast(DataTypes.StringType) : none;
        columns.add(reference.as(CONFLICT_REFERENCE));
        return columns.toArray(Column[]::new);
    }

    /** The shape of what a file scan emits: bookkeeping columns, then the typed columns. */
    static StructType scanShape(ExtractSchema schema) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(SparkColumns.FILE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(SparkColumns.LINE, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(LatestVersion.ROLE, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(REJECT_COLUMN, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(REJECT_REASON, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(REPORT_JSON, DataTypes.StringType, true));
        f.addAll(SparkColumns.fields(schema));
        return DataTypes.createStructType(f);
    }

    /** The task: streams each file of its partition through {@link ExtractFileScan}. */
    static final class ScanFiles implements FlatMapFunction<Iterator<String>, Row> {
        private static final long serialVersionUID = 1L;
        private final DataDirectory dir;
        private final RowValidator validator;
        private final FileNumbers numbers;
        private final int keyIndex;
        /** The region column's index, -1 when the extract has none. */
        private final int regionIndex;

        ScanFiles(DataDirectory dir, RowValidator validator, FileNumbers numbers) {
            this.dir = dir;
            this.validator = validator;
            this.numbers = numbers;
            this.keyIndex = validator.schema().indexOf(validator.schema().key().get(0));
            this.regionIndex = validator.schema().regionColumn().map(validator.schema()::indexOf).orElse(-1);
        }

        /**
         * The region of a row set aside by the row rules, when its region field holds a code of
         * regions.csv: the county whose row it is, for the quarantine. Null otherwise.
         */
        private String rejectedRegion(ExtractFileScan.Event e) {
            if (regionIndex < 0 || e.fields() == null) {
                return null;
            }
            String raw = RowValidator.trimField(e.fields()[regionIndex]);
            return validator.isKnownRegion(raw) ? raw : null;
        }

        /**
         * The (first) key of a row set aside by the row rules, as delivered, when it is text (an
         * operator's credit code, spelt as the valid rows are): a row elsewhere referring to it
         * is told where it went. Null for a row without a key field (broken quoting, too few
         * fields) or with a key of another type. Such a row has no role among the records
         * ({@link LatestVersion}).
         */
        private String rejectedKey(ExtractFileScan.Event e) {
            ColumnSpec key = validator.schema().column(validator.schema().key().get(0));
            if (e.fields() == null || SparkColumns.typeOf(key) != DataTypes.StringType) {
                return null;
            }
            String raw = RowValidator.trimField(e.fields()[keyIndex]);
            return raw.isEmpty() ? null : key.type() == ColumnType.USCC ? UnifiedSocialCreditCode.normalize(raw) : raw;
        }

        @Override
        public Iterator<Row> call(Iterator<String> files) {
            int width = validator.schema().columns().size();
            return new Iterator<>() {
                private ExtractFileScan scan;
                private String relative;
                private int number;
                /** The report of a file that could not be opened, not yet emitted. */
                private FileReport unreadable;

                @Override
                public boolean hasNext() {
                    while (unreadable == null && (scan == null || !scan.hasNext())) {
                        if (!files.hasNext()) {
                            return false;
                        }
                        String file = files.next();
                        relative = dir.relative(file);
                        number = numbers.numberOf(file);
                        scan = null;
                        try {
                            scan = ExtractFileScan.open(relative, () -> dir.open(file), validator);
                        } catch (DataDirectory.UnreadableFileException e) {
                            // Bad input, like a file without its required columns: the file's
                            // report says why, and the run stops before publishing naming it.
                            unreadable = new FileReport(validator.schema().name(), relative, null, null, 0, 0, 0, 0,
                                    List.of(), e.reason(), -1);
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot read " + relative + ": " + e.getMessage(), e);
                        }
                    }
                    return true;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    ExtractFileScan.Event e;
                    if (unreadable != null) {
                        e = new ExtractFileScan.Event(0, null, null, null, unreadable);
                        unreadable = null;
                    } else {
                        e = scan.next();
                    }
                    Object[] out = new Object[BOOKKEEPING + width];
                    out[0] = number;
                    out[1] = e.line();
                    if (e.isRow()) {
                        System.arraycopy(e.values(), 0, out, BOOKKEEPING, width);
                    } else if (e.isRejection()) {
                        out[2] = REJECTED;
                        out[3] = e.raw();
                        out[4] = e.rejection().column();
                        out[5] = e.rejection().reason().en() + REASON_SEPARATOR + e.rejection().reason().zh();
                        out[BOOKKEEPING + keyIndex] = rejectedKey(e);
                        if (regionIndex >= 0) {
                            // Where the region is the key, a known code or nothing: a rejected
                            // row's key serves only messages about the operators registry.
                            out[BOOKKEEPING + regionIndex] = rejectedRegion(e);
                        }
                    } else {
                        out[2] = REPORT;
                        try {
                            out[6] = JSON.writeValueAsString(e.report());
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    }
                    return RowFactory.create(out);
                }
            };
        }
    }
}
