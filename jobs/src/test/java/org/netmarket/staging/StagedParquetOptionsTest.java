package org.netmarket.staging;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.testing.SharedSpark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The options a generation is written with take effect in the Parquet files Spark writes: the
 * role keeps its min and max (queries for rejected rows skip row groups by them), other columns
 * have none, and identifiers, timestamps and line numbers are written without a dictionary while
 * the other columns keep theirs. Parquet reads per-column settings from keys of its own
 * syntax ({@code name#column}); a key it does not understand would be ignored silently.
 */
class StagedParquetOptionsTest {
    static SparkSession spark;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.session();
    }

    @TempDir
    Path dir;

    /**
     * A value of the field's type for row i, one of ten: every column repeats enough that Parquet
     * keeps its dictionary unless told not to (of unique values it would drop it by itself).
     */
    private static Object valueOf(StructField f, int row) {
        DataType t = f.dataType();
        int i = row % 10;
        if (t.equals(DataTypes.StringType)) {
            return f.name().equals(LatestVersion.ROLE) ? (i % 2 == 0 ? "latest" : "duplicate") : "v" + i;
        }
        if (t.equals(DataTypes.LongType)) {
            return (long) i;
        }
        if (t.equals(DataTypes.IntegerType)) {
            return i;
        }
        if (t.equals(DataTypes.DateType)) {
            return LocalDate.of(2024, 1, 1).plusDays(i);
        }
        if (t.equals(DataTypes.TimestampNTZType)) {
            return LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i);
        }
        if (t.equals(DataTypes.BooleanType)) {
            return i % 2 == 0;
        }
        if (t instanceof DecimalType) {
            return BigDecimal.valueOf(i);
        }
        throw new IllegalArgumentException("no value for " + f);
    }

    @Test
    void aGenerationKeepsTheRolesStatisticsAloneAndNoDictionaryForRarelyRepeatingColumns() throws IOException {
        ExtractSchema complaints = SchemaCatalog.load().get("complaints");
        StructType shape = ExtractReader.scanShape(complaints);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            rows.add(RowFactory.create(Stream.of(shape.fields()).map(f -> valueOf(f, n)).toArray()));
        }
        Path out = dir.resolve("g1");
        spark.createDataFrame(rows, shape).coalesce(1).write()
                .options(StagingArea.parquetOptions(complaints)).parquet(out.toString());
        Path file;
        try (Stream<Path> files = Files.list(out)) {
            file = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Map<String, ColumnChunkMetaData> chunks = new HashMap<>();
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            reader.getFooter().getBlocks().get(0).getColumns().forEach(c -> chunks.put(c.getPath().toDotString(), c));
        }

        assertFalse(chunks.get(LatestVersion.ROLE).getStatistics().isEmpty(), "the role keeps its min and max");
        assertEquals("duplicate", chunks.get(LatestVersion.ROLE).getStatistics().minAsString());
        for (String column : List.of("complaint_id", "received_at", SparkColumns.LINE, "channel")) {
            assertTrue(chunks.get(column).getStatistics().isEmpty(), column + " has no statistics");
        }
        for (String column : List.of("complaint_id", "received_at", "closed_at", SparkColumns.LINE)) {
            assertFalse(dictionaryEncoded(chunks.get(column)), column + " is written without a dictionary");
        }
        for (String column : List.of("channel", "region_code", LatestVersion.ROLE, SparkColumns.FILE)) {
            assertTrue(dictionaryEncoded(chunks.get(column)), column + " keeps its dictionary");
        }
    }

    private static boolean dictionaryEncoded(ColumnChunkMetaData chunk) {
        return chunk.hasDictionaryPage() || chunk.getEncodings().contains(Encoding.RLE_DICTIONARY)
                || chunk.getEncodings().contains(Encoding.PLAIN_DICTIONARY);
    }
}
