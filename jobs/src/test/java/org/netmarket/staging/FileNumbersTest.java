package org.netmarket.staging;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netmarket.testing.SharedSpark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * File numbers follow the order in which Spark sorts the paths, and turn back into the paths:
 * deduplication picks the first row by file and line on numbers, and must pick the row it would
 * pick on paths.
 */
class FileNumbersTest {
    static SparkSession spark;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.session();
    }

    /** Paths whose order by UTF-16 (Java's String order) differs from their order by UTF-8 bytes. */
    private static final List<String> PATHS = List.of("sales/😀.csv", "sales/～.csv", "sales/b.csv", "sales/a/z.csv",
            "sales/A.csv", "sales/运城.csv");

    private static List<DataDirectory.DeliveredFile> delivered() {
        // Listed largest first, as a scan schedules them: the numbers must not depend on it.
        List<DataDirectory.DeliveredFile> files = new ArrayList<>();
        for (int i = 0; i < PATHS.size(); i++) {
            files.add(new DataDirectory.DeliveredFile("/data/" + PATHS.get(i), PATHS.get(i), 1000 - i, 0));
        }
        return files;
    }

    @Test
    void numbersFollowTheOrderInWhichSparkSortsThePaths() {
        FileNumbers numbers = FileNumbers.of(delivered());
        List<String> bySpark = spark.createDataset(PATHS, Encoders.STRING()).sort("value").collectAsList();
        List<String> byNumber = new ArrayList<>(PATHS);
        byNumber.sort(Comparator.comparingInt(p -> numbers.numberOf("/data/" + p)));
        assertEquals(bySpark, byNumber);
        // The case that tells the two orders apart: U+FF5E before U+1F600 in UTF-8, after it in UTF-16.
        assertEquals(List.of("sales/～.csv", "sales/😀.csv"), byNumber.subList(byNumber.size() - 2, byNumber.size()),
                "the byte order of the paths, not Java's String order");
    }

    @Test
    void numberedRowsGetTheirPathsBack() {
        FileNumbers numbers = FileNumbers.of(delivered());
        StructType shape = FileNumbers.numbered(DataTypes.createStructType(List.of(
                DataTypes.createStructField(SparkColumns.FILE, DataTypes.StringType, false),
                DataTypes.createStructField(SparkColumns.LINE, DataTypes.LongType, false))));
        assertEquals(DataTypes.IntegerType, shape.apply(SparkColumns.FILE).dataType());
        List<Row> rows = new ArrayList<>();
        for (String p : PATHS) {
            rows.add(RowFactory.create(numbers.numberOf("/data/" + p), 7L));
        }
        List<Row> back = numbers.withPaths(spark.createDataFrame(rows, shape)).collectAsList();
        for (int i = 0; i < PATHS.size(); i++) {
            assertEquals(PATHS.get(i), back.get(i).getString(0), "row " + i);
            assertEquals(7L, back.get(i).getLong(1), "row " + i + ": the other columns stay where they were");
        }
    }

    @Test
    void aFileNotOfTheScanHasNoNumber() {
        FileNumbers numbers = FileNumbers.of(delivered());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> numbers.numberOf("/data/sales/c.csv"));
        assertEquals("not a file of this scan: /data/sales/c.csv", e.getMessage());
    }
}
