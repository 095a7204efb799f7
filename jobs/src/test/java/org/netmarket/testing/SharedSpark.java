package org.netmarket.testing;

import org.apache.spark.sql.SparkSession;
import org.netmarket.config.PipelineConfig;
import org.netmarket.pipeline.SparkSessions;

/**
 * The one local SparkSession of the test JVM (two cores, two shuffle partitions, no UI), shared
 * by every test class; the job under test joins it through {@link SparkSessions#getOrCreate}.
 */
public final class SharedSpark {
    private static SparkSession spark;

    private SharedSpark() {
    }

    public static synchronized SparkSession session() {
        if (spark == null) {
            spark = SparkSessions.getOrCreate(testConfig());
        }
        return spark;
    }

    /** Pipeline settings suited to tests: local[2], two shuffle partitions. */
    public static PipelineConfig testConfig() {
        return new PipelineConfig().sparkMaster("local[2]").shufflePartitions(2);
    }
}
