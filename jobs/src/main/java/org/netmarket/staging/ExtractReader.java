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
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.RowRule;
import org.netmarket.extract.RowValidator;
import org.netmarket.extract.ValidationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

/**
 * Reads an extract's delivered files with Spark: one task per file streams it through
 * {@link ExtractFileScan} (encoding, header, row validation), then later-version-wins
 * deduplication ({@link LatestVersion}) and, for extracts that reference another, the reference
 * check. Every set-aside row keeps its file, line, raw text and reason.
 */
public final class ExtractReader {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractReader.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final String REPORT = "_report";
    private static final String RAW = "_raw";
    private static final String REJECT_COLUMN = "_reject_column";
    private static final String REJECT_REASON = "_reject_reason";

    private final SparkSession spark;
    private final DataDirectory dir;

    public ExtractReader(SparkSession spark, DataDirectory dir) {
        this.spark = spark;
        this.dir = dir;
    }

    /** Reads, validates and deduplicates one extract. */
    public LoadedExtract read(ExtractSchema schema, ValidationContext context) {
        StructType scanShape = scanShape(schema);
        if (!dir.delivered(schema)) {
            LOG.info("extract {}: not delivered (no folder {}/)", schema.name(), schema.name());
            Dataset<Row> empty = spark.createDataFrame(List.of(), SparkColumns.validRows(schema));
            return new LoadedExtract(schema, false, List.of(), empty,
                    spark.createDataFrame(List.of(), QuarantinedRow.SCHEMA), 0, 0, Set.of(), List.of());
        }
        List<String> files = dir.files(schema);
        LOG.info("extract {}: reading {} file(s)", schema.name(), files.size());
        RowValidator validator = new RowValidator(schema, context);
        JavaRDD<Row> scanned = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(files, Math.max(1, files.size()))
                .mapPartitions(new ScanFiles(dir, validator));
        Dataset<Row> all = spark.createDataFrame(scanned, scanShape).persist(StorageLevel.MEMORY_AND_DISK());

        List<FileReport> reports = new ArrayList<>();
        for (Row r : all.filter(col(REPORT).isNotNull()).select(REPORT).collectAsList()) {
            try {
                reports.add(JSON.readValue(r.getString(0), FileReport.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        reports.sort((a, b) -> a.path().compareTo(b.path()));

        Dataset<Row> valid = all.filter(col(REPORT).isNull().and(col(REJECT_REASON).isNull()))
                .select(SparkColumns.validRows(schema).fieldNames()[0], restOf(SparkColumns.validRows(schema)));
        Dataset<Row> rejected = all.filter(col(REJECT_REASON).isNotNull())
                .select(lit(schema.name()).as("extract"), col(SparkColumns.FILE).as("file"),
                        col(SparkColumns.LINE).as("line"), col(RAW).as("raw_line"),
                        col(REJECT_COLUMN).as("column_name"), col(REJECT_REASON).as("reason"));

        LatestVersion.Result dedup = LatestVersion.apply(valid, schema);
        Dataset<Row> conflicts = dedup.conflicts();
        Dataset<Row> conflictQuarantine = conflicts.select(lit(schema.name()).as("extract"),
                col(SparkColumns.FILE).as("file"), col(SparkColumns.LINE).as("line"),
                lit(null).cast(DataTypes.StringType).as("raw_line"), lit(schema.version()).as("column_name"),
                concat(lit("conflicting versions: another row has the same key ("),
                        concat_ws(", ", schema.key().stream().map(k -> concat(lit(k + "="), coalesce(col(k).cast("string"), lit(""))))
                                .toArray(Column[]::new)),
                        lit(") and the same " + schema.version() + " "), col(schema.version()).cast("string"),
                        lit(" but different values; both are set aside")).as("reason"));
        Set<String> conflictRegions = new LinkedHashSet<>();
        List<Map<String, Object>> conflictKeys = new ArrayList<>();
        List<Row> conflictRows = conflicts.collectAsList();
        for (Row r : conflictRows) {
            schema.regionColumn().ifPresent(rc -> conflictRegions.add(r.getAs(rc)));
            Map<String, Object> k = new LinkedHashMap<>();
            for (String kc : schema.key()) {
                k.put(kc, r.getAs(kc));
            }
            if (!conflictKeys.contains(k)) {
                conflictKeys.add(k);
            }
        }
        if (!conflictKeys.isEmpty()) {
            LOG.warn("extract {}: {} key(s) with conflicting versions ({} rows set aside), e.g. {}", schema.name(),
                    conflictKeys.size(), conflictRows.size(), conflictKeys.get(0));
        }
        Dataset<Row> quarantine = rejected.unionByName(conflictQuarantine);
        long read = reports.stream().mapToLong(FileReport::rowsRead).sum();
        long quarantined = reports.stream().mapToLong(FileReport::rowsQuarantined).sum() + conflictRows.size();
        Dataset<Row> latest = dedup.latest();
        for (FileReport f : reports) {
            if (f.failed()) {
                LOG.error("extract {}: {}", schema.name(), f.problem());
            } else if (f.isGb18030()) {
                LOG.info("extract {}: {} is not valid UTF-8, read as GB18030", schema.name(), f.path());
            }
            if (!f.extraColumns().isEmpty()) {
                LOG.info("extract {}: {} has columns the contract does not know (ignored): {}", schema.name(),
                        f.path(), String.join(", ", f.extraColumns()));
            }
        }
        LOG.info("extract {}: {} rows read, {} quarantined", schema.name(), read, quarantined);
        return new LoadedExtract(schema, true, reports, latest, quarantine, read, quarantined, conflictRegions, conflictKeys);
    }

    /**
     * Sets aside rows whose reference column names no key of the referenced extract (sales of an
     * operator missing from the operators registry).
     */
    public LoadedExtract checkReference(LoadedExtract extract, LoadedExtract referenced) {
        RowRule.References ref = extract.schema().reference().orElseThrow();
        if (!extract.delivered() || !referenced.delivered()) {
            return extract;
        }
        String column = ref.column();
        Dataset<Row> keys = referenced.latest().select(col(referenced.schema().key().get(0)).as("_ref_key")).distinct();
        Dataset<Row> joined = extract.latest().join(keys, extract.latest().col(column).equalTo(keys.col("_ref_key")), "left")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> missing = joined.filter(col("_ref_key").isNull()).drop("_ref_key");
        Dataset<Row> kept = joined.filter(col("_ref_key").isNotNull()).drop("_ref_key");
        long missingCount = missing.count();
        if (missingCount == 0) {
            joined.unpersist();
            return extract;
        }
        LOG.warn("extract {}: {} row(s) name a {} that is not in {}", extract.name(), missingCount, column, ref.extract());
        Dataset<Row> q = missing.select(lit(extract.name()).as("extract"), col(SparkColumns.FILE).as("file"),
                col(SparkColumns.LINE).as("line"), lit(null).cast(DataTypes.StringType).as("raw_line"),
                lit(column).as("column_name"),
                concat(lit(column + " "), col(column), lit(" is not in the " + ref.extract() + " registry")).as("reason"));
        return new LoadedExtract(extract.schema(), true, extract.files(), kept, extract.quarantine().unionByName(q),
                extract.rowsRead(), extract.rowsQuarantined() + missingCount, extract.conflictRegions(), extract.conflictKeys());
    }

    private static String[] restOf(StructType t) {
        String[] names = t.fieldNames();
        String[] rest = new String[names.length - 1];
        System.arraycopy(names, 1, rest, 0, rest.length);
        return rest;
    }

    /** The shape of what a file scan emits: bookkeeping columns, then the typed columns. */
    static StructType scanShape(ExtractSchema schema) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(SparkColumns.FILE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(SparkColumns.LINE, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(REJECT_COLUMN, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(REJECT_REASON, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(REPORT, DataTypes.StringType, true));
        f.addAll(SparkColumns.fields(schema));
        return DataTypes.createStructType(f);
    }

    /** The task: streams each file of its partition through {@link ExtractFileScan}. */
    static final class ScanFiles implements FlatMapFunction<Iterator<String>, Row> {
        private static final long serialVersionUID = 1L;
        private final DataDirectory dir;
        private final RowValidator validator;

        ScanFiles(DataDirectory dir, RowValidator validator) {
            this.dir = dir;
            this.validator = validator;
        }

        @Override
        public Iterator<Row> call(Iterator<String> files) {
            int width = validator.schema().columns().size();
            return new Iterator<>() {
                private ExtractFileScan scan;
                private String relative;

                @Override
                public boolean hasNext() {
                    while (scan == null || !scan.hasNext()) {
                        if (!files.hasNext()) {
                            return false;
                        }
                        String file = files.next();
                        relative = dir.relative(file);
                        try {
                            scan = ExtractFileScan.open(relative, () -> dir.open(file), validator);
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
                    ExtractFileScan.Event e = scan.next();
                    Object[] out = new Object[6 + width];
                    out[0] = relative;
                    out[1] = e.line();
                    if (e.isRow()) {
                        System.arraycopy(e.values(), 0, out, 6, width);
                    } else if (e.isRejection()) {
                        out[2] = e.raw();
                        out[3] = e.rejection().column();
                        out[4] = e.rejection().reason();
                    } else {
                        try {
                            out[5] = JSON.writeValueAsString(e.report());
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
