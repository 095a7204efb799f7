package org.netmarket.staging;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netmarket.testing.SharedSpark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Bloom filter that narrows the nightly scans: it must let every row of a key in the set
 * through (or a replaced row would stay staged), and it must hold back most of the others (or
 * it narrows nothing).
 */
class KeySketchTest {
    private static final StructType SALES = new StructType()
            .add("operator_id", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("sales", DataTypes.LongType);
    private static final int ROWS = 20_000;

    private static SparkSession spark;
    private static Dataset<Row> staged;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(RowFactory.create(String.format("91140800MA%08d", i), 2021 + i % 4, (long) i));
        }
        staged = spark.createDataFrame(rows, SALES);
    }

    @Test
    void everyRowOfAKeyInTheSetPassesAndFewOthersDo() {
        // A delivery touching every 40th key, plus keys the staging area does not have.
        List<Row> keys = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        for (int i = 0; i < ROWS; i += 40) {
            String id = String.format("91140800MA%08d", i);
            keys.add(RowFactory.create(id, 2021 + i % 4, 0L));
            touched.add(id + "|" + (2021 + i % 4));
        }
        keys.add(RowFactory.create("91140800MX00000001", 2024, 0L));
        Dataset<Row> delivery = spark.createDataFrame(keys, SALES).select("operator_id", "year");
        KeySketch sketch = KeySketch.of(delivery, "operator_id", "year");
        assertEquals(keys.size(), sketch.keys(), "keys the sketch was built from (the log reports them)");

        List<Row> passed = staged.filter(sketch.mightContain("operator_id", "year")).collectAsList();
        Set<String> passedKeys = new HashSet<>();
        passed.forEach(r -> passedKeys.add(r.getString(0) + "|" + r.getInt(1)));
        for (String key : touched) {
            assertTrue(passedKeys.contains(key), "row of touched key " + key + " held back by the sketch");
        }
        long others = passed.size() - touched.size();
        assertTrue(others < (ROWS - touched.size()) / 20,
                others + " of " + (ROWS - touched.size()) + " rows of untouched keys passed: the sketch narrows nothing");
    }

    @Test
    void narrowingTheExactJoinLeavesItsResultAsItWas() {
        Dataset<Row> delivery = staged.filter(col("sales").mod(7).equalTo(0)).select("operator_id", "year");
        KeySketch sketch = KeySketch.of(delivery, "operator_id", "year");
        String[] key = {"operator_id", "year"};
        Dataset<Row> exact = staged.join(broadcast(delivery), key, "left_semi");
        Dataset<Row> narrowed = staged.filter(sketch.mightContain(key)).join(broadcast(delivery), key, "left_semi");
        assertEquals(ROWS / 7 + 1, exact.count());
        assertEquals(0, exact.exceptAll(narrowed).count(), "rows the narrowed join lost");
        assertEquals(0, narrowed.exceptAll(exact).count(), "rows the narrowed join added");
    }

    @Test
    void anEmptySetLetsNothingThrough() {
        Dataset<Row> none = staged.limit(0).select("operator_id", "year");
        KeySketch sketch = KeySketch.of(none, "operator_id", "year");
        assertEquals(0, staged.filter(sketch.mightContain("operator_id", "year")).count());
    }

    /** More keys than may be broadcast: no sketch, and the rows are all left to the (shuffled) exact join. */
    @Test
    void moreKeysThanMayBeBroadcastGiveNoSketch() {
        Dataset<Row> delivery = staged.filter(col("sales").mod(7).equalTo(0)).select("operator_id", "year");
        long n = ROWS / 7 + 1;
        assertEquals(n, KeySketch.ofAtMost(delivery, n, "operator_id", "year").orElseThrow().keys(), "as many as allowed");
        assertTrue(KeySketch.ofAtMost(delivery, n - 1, "operator_id", "year").isEmpty(), "one more than allowed");
        assertEquals(ROWS, KeySketch.narrowed(java.util.Optional.empty(), staged, "operator_id", "year").count());
    }
}
