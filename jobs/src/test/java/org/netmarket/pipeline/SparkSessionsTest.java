package org.netmarket.pipeline;

import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeExec;
import org.junit.jupiter.api.Test;
import org.netmarket.testing.SharedSpark;
import scala.runtime.BoxedUnit;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the local session the scripts and tests run in is set up to skip. */
class SparkSessionsTest {

    /**
     * Spark 4.2 hashes every shuffled row for an order-independent checksum when either of two
     * settings asks for it, so that a cluster can re-run the consumers of a map task whose retry
     * wrote different output; a local run loses no executor and skips it (1% of a national run).
     */
    @Test
    void aLocalRunHashesNoShuffledRowForAChecksum() {
        Dataset<Row> shuffled = SharedSpark.session().range(100).toDF().repartition(2, col("id"));
        SparkPlan plan = shuffled.queryExecution().executedPlan();
        SparkPlan input = plan instanceof AdaptiveSparkPlanExec a ? a.inputPlan() : plan;
        List<ShuffleExchangeExec> exchanges = new ArrayList<>();
        input.foreach(node -> {
            if (node instanceof ShuffleExchangeExec e) {
                exchanges.add(e);
            }
            return BoxedUnit.UNIT;
        });
        assertEquals(1, exchanges.size(), "one shuffle in " + input);
        assertEquals(0, exchanges.get(0).shuffleDependency().rowBasedChecksums().length, "row checksums");
        assertFalse(exchanges.get(0).shuffleDependency().checksumMismatchFullRetryEnabled(), "full retry on a mismatch");
    }

    /** Files a local run writes (staged Parquet, run folders) get their permissions without a chmod process each. */
    @Test
    void aLocalRunsFilesGoThroughTheInProcessPermissionsFileSystem() throws java.io.IOException {
        // A new instance, not Hadoop's JVM-wide cache, which another test may have filled first.
        try (org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.newInstance(java.net.URI.create("file:///"),
                SharedSpark.session().sparkContext().hadoopConfiguration())) {
            assertEquals(InProcessPermissionsFileSystem.class, fs.getClass());
        }
    }

    /** The session serves every run of the JVM: a run's setting must not become the next run's. */
    @Test
    void aRunsSettingIsPutBackAsItWasWhenTheRunEnds() {
        org.apache.spark.sql.SparkSession spark = SharedSpark.session();
        String compressed = "spark.sql.inMemoryColumnarStorage.compressed";
        try (SparkSessions.Setting s = SparkSessions.cacheSmallDatasetsUncompressed(spark)) {
            assertEquals("false", spark.conf().get(compressed));
        }
        assertEquals("true", spark.conf().get(compressed), "Spark's default again");

        String key = "netmarket.test.setting";
        try (SparkSessions.Setting s = SparkSessions.Setting.of(spark, key, "b")) {
            assertEquals("b", spark.conf().get(key));
        }
        assertFalse(spark.conf().getOption(key).isDefined(), "a setting that was unset is unset again");
        spark.conf().set(key, "a");
        try (SparkSessions.Setting s = SparkSessions.Setting.of(spark, key, "b")) {
            assertEquals("b", spark.conf().get(key));
        } finally {
            assertEquals("a", spark.conf().get(key), "a setting that was set has its value again");
            spark.conf().unset(key);
        }
    }

    /**
     * A query compiled once is not compiled again after many others: with Spark's default of 100
     * compiled classes, the next run in the same JVM compiled most of its queries again.
     */
    @Test
    void aCompiledQueryOutlivesMoreOtherQueriesThanSparksDefaultKeeps() {
        org.apache.spark.sql.SparkSession spark = SharedSpark.session();
        // A shape no other test compiles, so that its first run compiles it here.
        java.util.function.IntFunction<Dataset<Row>> query = i -> spark.range(3).toDF()
                .select(col("id").multiply(7919).plus(i).as("compiled_" + i));
        long compiled = CodegenMetrics.METRIC_SOURCE_CODE_SIZE().getCount();
        query.apply(-1).collectAsList();
        assertTrue(CodegenMetrics.METRIC_SOURCE_CODE_SIZE().getCount() > compiled, "the first run compiles");
        for (int i = 0; i < 60; i++) {
            query.apply(i).collectAsList();
        }
        long before = CodegenMetrics.METRIC_SOURCE_CODE_SIZE().getCount();
        assertTrue(before - compiled > 100, "the 60 other queries compiled more classes than Spark keeps by default (100): "
                + (before - compiled));
        query.apply(-1).collectAsList();
        assertEquals(before, CodegenMetrics.METRIC_SOURCE_CODE_SIZE().getCount(), "compiled again");
    }

    @Test
    void aLocalSessionKeepsFewFinishedQueriesWithoutAUiToShowThem() {
        org.apache.spark.SparkConf conf = SharedSpark.session().sparkContext().getConf();
        assertEquals("false", conf.get("spark.ui.enabled"));
        assertEquals("20", conf.get("spark.sql.ui.retainedExecutions"));
        assertEquals("50", conf.get("spark.ui.retainedJobs"));
        assertEquals("50", conf.get("spark.ui.retainedStages"));
    }
}
