package org.netmarket.staging;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmarket.config.UsageException;
import org.netmarket.testing.SharedSpark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The staging area's Spark settings: their defaults, a value given, and a value refused with its name. */
class StagingSettingsTest {
    private final SparkSession spark = SharedSpark.session();

    @AfterEach
    void unset() {
        spark.conf().unset(StagingSettings.MAX_BROADCAST_KEYS);
        spark.conf().unset(StagingSettings.MAX_GENERATIONS);
    }

    @Test
    void defaults() {
        assertEquals(5_000_000L, StagingSettings.maxBroadcastKeys(spark));
        assertEquals(8, StagingSettings.maxGenerations(spark));
    }

    @Test
    void givenValuesAreTakenAtTheirLeast() {
        spark.conf().set(StagingSettings.MAX_BROADCAST_KEYS, "0");
        spark.conf().set(StagingSettings.MAX_GENERATIONS, " 2 ");
        assertEquals(0L, StagingSettings.maxBroadcastKeys(spark));
        assertEquals(2, StagingSettings.maxGenerations(spark));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "-3", "eight", "8.5", ""})
    void aGenerationBoundBelowTwoOrNotAWholeNumberIsBadUsage(String value) {
        spark.conf().set(StagingSettings.MAX_GENERATIONS, value);
        UsageException e = assertThrows(UsageException.class, () -> StagingSettings.maxGenerations(spark));
        assertEquals("the Spark setting spark.netmarket.staging.maxGenerations must be a whole number of 2 or more, not '"
                + value + "'", e.getMessage());
    }

    @Test
    void aNegativeBroadcastBoundIsBadUsage() {
        spark.conf().set(StagingSettings.MAX_BROADCAST_KEYS, "-1");
        UsageException e = assertThrows(UsageException.class, () -> StagingSettings.maxBroadcastKeys(spark));
        assertEquals("the Spark setting spark.netmarket.staging.maxBroadcastKeys must be a whole number of 0 or more, not '-1'",
                e.getMessage());
    }
}
