package org.netmarket.staging;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

/**
 * Numbers for the files of one scan, so that its rows can carry a small integer instead of their
 * file's path through a shuffle and sort, and get the path back after. The numbers follow the
 * order of the paths as Spark compares strings (by their UTF-8 bytes), so the first row of a key
 * by file and line is the same by number and line.
 */
final class FileNumbers implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Relative paths, by number. */
    private final String[] paths;
    /** Full path (as listed) to number. */
    private final Map<String, Integer> numbers;

    private FileNumbers(String[] paths, Map<String, Integer> numbers) {
        this.paths = paths;
        this.numbers = numbers;
    }

    static FileNumbers of(List<DataDirectory.DeliveredFile> files) {
        List<DataDirectory.DeliveredFile> byPath = files.stream()
                .sorted(Comparator.comparing(f -> f.relative().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned))
                .toList();
        String[] paths = new String[byPath.size()];
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < paths.length; i++) {
            paths[i] = byPath.get(i).relative();
            numbers.put(byPath.get(i).path(), i);
        }
        return new FileNumbers(paths, numbers);
    }

    /** The number of a listed file (its full path). */
    int numberOf(String path) {
        Integer n = numbers.get(path);
        if (n == null) {
            throw new IllegalArgumentException("not a file of this scan: " + path);
        }
        return n;
    }

    /** A scan's shape with the file column holding numbers. */
    static StructType numbered(StructType shape) {
        return DataTypes.createStructType(Arrays.stream(shape.fields())
                .map(f -> f.name().equals(SparkColumns.FILE)
                        ? DataTypes.createStructField(f.name(), DataTypes.IntegerType, f.nullable(), f.metadata()) : f)
                .toArray(StructField[]::new));
    }

    /** The rows with their file number replaced by the file's relative path, in place. */
    Dataset<Row> withPaths(Dataset<Row> rows) {
        // element_at counts from 1; the array is a literal, so no row builds one.
        return rows.withColumn(SparkColumns.FILE, element_at(lit(paths), col(SparkColumns.FILE).plus(1)));
    }
}
