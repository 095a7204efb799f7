package org.netmarket.staging;

import org.apache.spark.sql.SparkSession;
import org.netmarket.config.UsageException;
import org.netmarket.rules.Reason;

/**
 * The Spark settings of the staging area, each beside its default: a {@code --conf} of
 * spark-submit like any Spark setting (or a {@code -Dspark...} Java option in local mode). A
 * value that is not a whole number in range stops the run as bad usage (exit 2), naming it.
 */
final class StagingSettings {
    /**
     * The most keys a delivery may touch for them to be sketched on the driver and broadcast to
     * the joins that find their staged rows. A whole extract delivered again (a national
     * re-delivery of millions of records) is more: its keys are joined by a shuffle instead, so
     * that a night that touches every key is slower, not out of memory.
     */
    static final String MAX_BROADCAST_KEYS = "spark.netmarket.staging.maxBroadcastKeys";
    static final long DEFAULT_MAX_BROADCAST_KEYS = 5_000_000;

    /**
     * The generations an extract may have before the next merging night compacts it into one.
     * Fewer rewrite the whole extract more often; more leave each night more anti-joins to read
     * the staged rows through.
     */
    static final String MAX_GENERATIONS = "spark.netmarket.staging.maxGenerations";
    static final long DEFAULT_MAX_GENERATIONS = 8;

    private StagingSettings() {
    }

    /** The session's {@link #MAX_BROADCAST_KEYS}: 0 or more. */
    static long maxBroadcastKeys(SparkSession spark) {
        return wholeNumber(spark, MAX_BROADCAST_KEYS, DEFAULT_MAX_BROADCAST_KEYS, 0);
    }

    /** The session's {@link #MAX_GENERATIONS}: 2 or more (a single generation needs no compacting). */
    static int maxGenerations(SparkSession spark) {
        return (int) Math.min(Integer.MAX_VALUE, wholeNumber(spark, MAX_GENERATIONS, DEFAULT_MAX_GENERATIONS, 2));
    }

    private static long wholeNumber(SparkSession spark, String key, long defaultValue, long least) {
        String value = spark.conf().get(key, Long.toString(defaultValue));
        try {
            long n = Long.parseLong(value.strip());
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below, with the setting's name
        }
        throw new UsageException(Reason.of("the Spark setting " + key + " must be a whole number of " + least + " or more, not '"
                + value + "'", "Spark 设置 " + key + " 必须是不小于 " + least + " 的整数，而不是“" + value + "”"));
    }
}
