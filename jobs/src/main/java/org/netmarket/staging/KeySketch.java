package org.netmarket.staging;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.sketch.BloomFilter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Bloom filter of a small set of keys (those a night's delivery touches), for the scans of
 * every staged row that look for them. A semi-join of millions of rows against a broadcast
 * hash table spends most of its time in the table's lookups (a cache miss or two per row);
 * testing the row's key hash against a filter of a few hundred kilobytes costs a fraction of
 * that, and only the rows that may match go on to the exact join. The filter answers "certainly
 * not" or "maybe", so it narrows an exact join and never replaces it.
 *
 * <p>Used as a filter on top of a staged state, it is pushed down by Spark's optimizer to every
 * generation's scan, below the anti-joins that hide replaced rows, so those are narrowed too.
 */
final class KeySketch {
    /** Share of the rows outside the set that the filter lets through to the exact join. */
    static final double FALSE_POSITIVE_RATE = 0.01;

    private final BloomFilter filter;
    private final long keys;

    private KeySketch(BloomFilter filter, long keys) {
        this.filter = filter;
        this.keys = keys;
    }

    /** How many keys (rows of the set) the filter was built from. */
    long keys() {
        return keys;
    }

    /**
     * Builds the filter of the keys in the named columns of {@code keys}: one small Spark job
     * that brings their 64-bit hashes to the driver (a night's keys are a few hundred thousand
     * at most, a few megabytes), where the filter is sized to their number and filled. Spark's
     * own {@code stat().bloomFilter} needs the number up front, which took a second job per
     * set. No keys, no row passes.
     */
    static KeySketch of(Dataset<Row> keys, String... columns) {
        return of(keys.select(hash(columns)).as(Encoders.LONG()).collectAsList());
    }

    private static KeySketch of(List<Long> hashes) {
        BloomFilter filter = BloomFilter.create(Math.max(1, hashes.size()), FALSE_POSITIVE_RATE);
        hashes.forEach(filter::putLong);
        return new KeySketch(filter, hashes.size());
    }

    /**
     * The filter of the keys when there are at most {@code atMost} of them; empty when there are
     * more, which no more than {@code atMost + 1} hashes brought to the driver tell.
     */
    static Optional<KeySketch> ofAtMost(Dataset<Row> keys, long atMost, String... columns) {
        int limit = (int) Math.min(Integer.MAX_VALUE - 1L, atMost) + 1;
        List<Long> hashes = keys.select(hash(columns)).as(Encoders.LONG()).limit(limit).collectAsList();
        return hashes.size() > atMost ? Optional.empty() : Optional.of(of(hashes));
    }

    /** The keys broadcast to a join when they were few enough to sketch; as they are (shuffled) when not. */
    static Dataset<Row> joinSide(Optional<KeySketch> sketch, Dataset<Row> keys) {
        return sketch.isPresent() ? functions.broadcast(keys) : keys;
    }

    /** The rows that may have one of the keys: all of them when the keys were too many to sketch. */
    static Dataset<Row> narrowed(Optional<KeySketch> sketch, Dataset<Row> rows, String... columns) {
        return sketch.map(s -> rows.filter(s.mightContain(columns))).orElse(rows);
    }

    /**
     * True for every row whose key (the named columns, of the same types as the set's) is in
     * the set, and for about {@link #FALSE_POSITIVE_RATE} of the others.
     */
    Column mightContain(String... columns) {
        BloomFilter f = filter;
        UserDefinedFunction test = functions.udf((UDF1<Long, Boolean>) f::mightContainLong, DataTypes.BooleanType);
        return test.apply(hash(columns));
    }

    /** The 64-bit hash of a key, the same on both sides for columns of the same types. */
    private static Column hash(String... columns) {
        return functions.xxhash64(Arrays.stream(columns).map(functions::col).toArray(Column[]::new));
    }
}
