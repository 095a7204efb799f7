package org.netmarket.staging;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

/**
 * Fills in the raw text of quarantined rows that were set aside after the scan — both rows of a
 * key with conflicting versions, sales naming an operator missing from the registry — by reading
 * their lines again from the files. The scan keeps a record's raw text only when it rejects the
 * record (keeping it for every row would double what a run holds); these rows are few, so their
 * files are read a second time, one task per file, and only when there are such rows.
 */
final class RawLines {
    private static final String FOUND = "_found_raw";
    private static final StructType FOUND_SHAPE = DataTypes.createStructType(List.of(
            DataTypes.createStructField("file", DataTypes.StringType, false),
            DataTypes.createStructField("line", DataTypes.LongType, false),
            DataTypes.createStructField(FOUND, DataTypes.StringType, true)));

    private RawLines() {
    }

    /**
     * The quarantine rows (shaped as {@link QuarantinedRow#SCHEMA}) with every missing
     * {@code raw_line} read from its file and line; a line no longer found stays empty.
     */
    static Dataset<Row> fill(SparkSession spark, DataDirectory dir, Dataset<Row> quarantine) {
        List<Row> wanted = quarantine.filter(col("raw_line").isNull()).select("file", "line").distinct().collectAsList();
        if (wanted.isEmpty()) {
            return quarantine;
        }
        Map<String, List<Long>> byFile = new TreeMap<>();
        for (Row r : wanted) {
            byFile.computeIfAbsent(r.getString(0), f -> new ArrayList<>()).add(r.getLong(1));
        }
        List<FileLines> tasks = new ArrayList<>();
        byFile.forEach((file, lines) -> tasks.add(new FileLines(file,
                lines.stream().mapToLong(Long::longValue).sorted().toArray())));
        JavaRDD<Row> found = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, tasks.size())
                .flatMap(new ReadLines(dir));
        Dataset<Row> lines = spark.createDataFrame(found, FOUND_SHAPE);
        Dataset<Row> joined = quarantine.join(broadcast(lines),
                quarantine.col("file").equalTo(lines.col("file")).and(quarantine.col("line").equalTo(lines.col("line"))),
                "left");
        return joined.select(quarantine.col("extract"), quarantine.col("file"), quarantine.col("line"),
                coalesce(quarantine.col("raw_line"), lines.col(FOUND)).as("raw_line"),
                quarantine.col("column_name"), quarantine.col("reason"), quarantine.col("reason_zh"),
                quarantine.col("region_code"));
    }

    /** One file (relative to the data directory) and the sorted lines wanted from it. */
    record FileLines(String file, long[] lines) implements Serializable {
    }

    /** The task: streams one file's records and keeps those starting on a wanted line. */
    static final class ReadLines implements FlatMapFunction<FileLines, Row> {
        private static final long serialVersionUID = 1L;
        private final DataDirectory dir;

        ReadLines(DataDirectory dir) {
            this.dir = dir;
        }

        @Override
        public Iterator<Row> call(FileLines wanted) {
            String path = dir.root() + "/" + wanted.file();
            List<Row> out = new ArrayList<>();
            try {
                FileEncoding.Probe probe;
                try (InputStream in = dir.open(path)) {
                    probe = FileEncoding.probe(in);
                }
                // The stream in its own resource: it is closed even when the reader cannot be made.
                try (InputStream in = dir.open(path); CsvRecords records = new CsvRecords(probe.reader(in))) {
                    long last = wanted.lines()[wanted.lines().length - 1];
                    while (records.hasNext()) {
                        CsvRecords.Line l = records.next();
                        if (l.lineNumber() > last) {
                            break;
                        }
                        if (Arrays.binarySearch(wanted.lines(), l.lineNumber()) >= 0) {
                            out.add(RowFactory.create(wanted.file(), l.lineNumber(), l.raw()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + wanted.file() + " again for its quarantined lines: "
                        + e.getMessage(), e);
            }
            return out.iterator();
        }
    }
}
