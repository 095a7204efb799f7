package org.netmarket.pipeline;

import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logging configuration the job ships (log4j2.properties): the job's progress at INFO,
 * Spark's INFO lines left out, and the warnings known to say nothing about the job (printed once
 * per JVM, so an end-to-end run in a shared test JVM cannot be relied on to show them) left out
 * too.
 */
class LogLevelsTest {
    @Test
    void theJobsProgressIsLoggedAndSparksChatterIsNot() {
        assertTrue(LogManager.getLogger(ScoringPipeline.class).isInfoEnabled(), "the job's stages and rows read");
        assertFalse(LogManager.getLogger("org.apache.spark.scheduler.DAGScheduler").isInfoEnabled(), "Spark's INFO lines");
        assertTrue(LogManager.getLogger("org.apache.spark.scheduler.DAGScheduler").isWarnEnabled(), "Spark's warnings");
        for (String noisy : new String[] {"org.apache.hadoop.util.NativeCodeLoader", "org.apache.spark.util.Utils",
                "org.apache.spark.util.SparkStringUtils", "org.apache.parquet.hadoop.ParquetOutputFormat"}) {
            assertFalse(LogManager.getLogger(noisy).isWarnEnabled(), noisy + " warns of nothing the job can act on");
        }
    }
}
