package org.netmarket.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares two record-level count files (year, region_code, fact, count): the job's
 * {@code --facts-csv} and the DuckDB baseline's. Prints how many counts each has and the first
 * differences; exits 1 when they differ in any line, 0 when they are identical.
 *
 * <p>Usage: {@code CompareFactCounts SPARK.csv DUCKDB.csv}
 */
public final class CompareFactCounts {
    private CompareFactCounts() {
    }

    public static void main(String[] args) throws IOException {
        TreeSet<String> spark = lines(Path.of(args[0]));
        TreeSet<String> duckdb = lines(Path.of(args[1]));
        TreeSet<String> onlySpark = new TreeSet<>(spark);
        onlySpark.removeAll(duckdb);
        TreeSet<String> onlyDuckDb = new TreeSet<>(duckdb);
        onlyDuckDb.removeAll(spark);
        if (onlySpark.isEmpty() && onlyDuckDb.isEmpty()) {
            System.out.printf("aggregates agree: %d counts (year, region, fact) identical in %s and %s%n", spark.size(), args[0], args[1]);
            return;
        }
        System.out.printf("aggregates DIFFER: %d counts only in Spark's file, %d only in DuckDB's (of %d and %d)%n",
                onlySpark.size(), onlyDuckDb.size(), spark.size(), duckdb.size());
        onlySpark.stream().limit(20).forEach(l -> System.out.println("  spark  " + l));
        onlyDuckDb.stream().limit(20).forEach(l -> System.out.println("  duckdb " + l));
        System.exit(1);
    }

    private static TreeSet<String> lines(Path p) throws IOException {
        List<String> all = Files.readAllLines(p, StandardCharsets.UTF_8);
        return new TreeSet<>(all.subList(1, all.size()));
    }
}
