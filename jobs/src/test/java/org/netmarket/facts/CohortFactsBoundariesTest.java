package org.netmarket.facts;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netmarket.edition.Edition;
import org.netmarket.edition.TestEditions;
import org.netmarket.staging.SparkColumns;
import org.netmarket.testing.SharedSpark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record-level boundaries of indicators.md "Cohort rates" where Spark counts them
 * ({@link DispatchFacts} and {@link TrainingFacts} through {@link RecordAggregation#count}), each
 * just below, at and just above:
 * <ul>
 *   <li>the cohort: the start ({@code dispatched_at}) falls in year Y, i.e. from Y-01-01 00:00:00
 *       up to the end of Y, and not after the as-of date when it falls inside Y;</li>
 *   <li>on time: the completion timestamp {@code <=} its due timestamp;</li>
 *   <li>completed: not null and not after the as-of date's end (the last second of the as-of
 *       date counts, the first second of the next day does not);</li>
 *   <li>item 38.2: trained = hours {@code > 0}, and {@code >= 50} hours (edition 2022).</li>
 * </ul>
 * One record per region, so each region's counts are the verdict on one case; the expected
 * counts are written by hand from those rules. Timestamps have the staged type (timestamp_ntz,
 * second precision), hours the staged decimal(38,12).
 */
class CohortFactsBoundariesTest {
    private static final StructType DISPATCHES = new StructType()
            .add("dispatch_id", DataTypes.StringType)
            .add(RecordAggregation.REGION, DataTypes.StringType)
            .add("dispatch_type", DataTypes.StringType)
            .add("dispatched_at", DataTypes.TimestampNTZType)
            .add("due_at", DataTypes.TimestampNTZType)
            .add("verified_at", DataTypes.TimestampNTZType)
            .add("completed_at", DataTypes.TimestampNTZType);

    private static final StructType TRAINING = new StructType()
            .add("staff_id", DataTypes.StringType)
            .add(RecordAggregation.REGION, DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("training_hours", SparkColumns.DECIMAL);

    private static SparkSession spark;
    private static Edition edition;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        edition = TestEditions.edition2022();
    }

    private static LocalDateTime ts(String s) {
        return s == null ? null : LocalDateTime.parse(s.replace(' ', 'T'));
    }

    private static String region(int i) {
        return String.format("3301%02d", i);
    }

    /** Monitoring lead i in region i. */
    private static Row lead(int i, String dispatched, String due, String verified, String completed) {
        return RowFactory.create("ML-" + i, region(i), "monitoring_lead", ts(dispatched), ts(due), ts(verified), ts(completed));
    }

    /** Region -> [leads, verified on time, completed], as Spark counts them. */
    private static Map<String, List<Long>> leads(EvaluationPeriod period, List<Row> rows) {
        RegionCounts counts = new DispatchFacts().count(spark.createDataFrame(rows, DISPATCHES),
                new AggregationContext(period, edition));
        return pick(counts, Facts.MONITORING_LEADS, Facts.MONITORING_LEADS_VERIFIED_ON_TIME, Facts.MONITORING_LEADS_COMPLETED);
    }

    private static Map<String, List<Long>> pick(RegionCounts counts, String... facts) {
        int[] at = new int[facts.length];
        for (int f = 0; f < facts.length; f++) {
            at[f] = counts.facts().indexOf(facts[f]);
            assertTrue(at[f] >= 0, facts[f] + " counted: " + counts.facts());
        }
        Map<String, List<Long>> out = new TreeMap<>();
        counts.byRegion().forEach((region, n) -> {
            List<Long> row = new ArrayList<>();
            for (int i : at) {
                row.add(n[i]);
            }
            out.put(region, row);
        });
        return out;
    }

    /** Region i -> the expected counts of case i (1-based), one list per case. */
    private static Map<String, List<Long>> expected(long[]... cases) {
        Map<String, List<Long>> m = new TreeMap<>();
        for (int i = 0; i < cases.length; i++) {
            List<Long> row = new ArrayList<>();
            for (long n : cases[i]) {
                row.add(n);
            }
            m.put(region(i + 1), row);
        }
        return m;
    }

    private static long[] c(long... n) {
        return n;
    }

    /** Compares region by region, so that a failure names the case. */
    private static void assertCounts(Map<String, List<Long>> expected, Map<String, List<Long>> actual, List<String> what) {
        assertEquals(expected.keySet(), actual.keySet(), "regions counted");
        for (int i = 1; i <= what.size(); i++) {
            assertEquals(expected.get(region(i)), actual.get(region(i)), "region " + region(i) + ": " + what.get(i - 1));
        }
    }

    @Test
    void cohortOnTimeAndCompletedAtTheirBoundariesForTheDefaultAsOfDate() {
        // Y = 2024, as-of 2024-12-31: cohort [2024-01-01 00:00:00, 2025-01-01 00:00:00),
        // completed when < 2025-01-01 00:00:00, on time when also <= due_at.
        List<String> what = List.of(
                "dispatched 2023-12-31 23:59:59: one second before the year, not in the cohort",
                "dispatched 2024-01-01 00:00:00: the first second of the year",
                "dispatched 2024-01-01 00:00:01",
                "dispatched 2024-12-31 23:59:59: the last second of the year",
                "dispatched 2025-01-01 00:00:00: the year after",
                "verified one second before due: on time",
                "verified exactly at due: on time",
                "verified one second after due: late, still completed",
                "never verified nor completed",
                "verified and completed 2024-12-31 23:59:59: the last second of the as-of date counts",
                "verified and completed 2025-01-01 00:00:00: after the as-of date, before due: neither",
                "verified and completed 2025-01-01 00:00:01: neither");
        List<Row> rows = List.of(
                lead(1, "2023-12-31 23:59:59", "2024-01-10 18:00:00", "2024-01-05 09:00:00", "2024-01-06 09:00:00"),
                lead(2, "2024-01-01 00:00:00", "2024-01-10 18:00:00", "2024-01-05 09:00:00", "2024-01-06 09:00:00"),
                lead(3, "2024-01-01 00:00:01", "2024-01-10 18:00:00", "2024-01-05 09:00:00", "2024-01-06 09:00:00"),
                lead(4, "2024-12-31 23:59:59", "2025-01-10 18:00:00", "2024-12-31 23:59:59", "2024-12-31 23:59:59"),
                lead(5, "2025-01-01 00:00:00", "2025-01-10 18:00:00", "2025-01-02 09:00:00", "2025-01-03 09:00:00"),
                lead(6, "2024-06-01 09:00:00", "2024-06-10 18:00:00", "2024-06-10 17:59:59", "2024-06-20 09:00:00"),
                lead(7, "2024-06-01 09:00:00", "2024-06-10 18:00:00", "2024-06-10 18:00:00", "2024-06-20 09:00:00"),
                lead(8, "2024-06-01 09:00:00", "2024-06-10 18:00:00", "2024-06-10 18:00:01", "2024-06-20 09:00:00"),
                lead(9, "2024-06-01 09:00:00", "2024-06-10 18:00:00", null, null),
                lead(10, "2024-12-01 09:00:00", "2025-01-31 18:00:00", "2024-12-31 23:59:59", "2024-12-31 23:59:59"),
                lead(11, "2024-12-01 09:00:00", "2025-01-31 18:00:00", "2025-01-01 00:00:00", "2025-01-01 00:00:00"),
                lead(12, "2024-12-01 09:00:00", "2025-01-31 18:00:00", "2025-01-01 00:00:01", "2025-01-01 00:00:01"));
        //                                     leads, on time, completed
        assertCounts(expected(
                        c(0, 0, 0), c(1, 1, 1), c(1, 1, 1), c(1, 1, 1), c(0, 0, 0),
                        c(1, 1, 1), c(1, 1, 1), c(1, 0, 1), c(1, 0, 0),
                        c(1, 1, 1), c(1, 0, 0), c(1, 0, 0)),
                leads(EvaluationPeriod.of(2024), rows), what);
    }

    @Test
    void anAsOfDateInsideTheYearEndsTheCohortAndTheCompletionsAtThatDate() {
        // as-of 2024-06-30: cohort [2024-01-01 00:00:00, 2024-07-01 00:00:00), completed when < 2024-07-01 00:00:00.
        List<String> what = List.of(
                "dispatched 2024-06-30 23:59:58",
                "dispatched 2024-06-30 23:59:59: the last second of the as-of date",
                "dispatched 2024-07-01 00:00:00: not known yet at the as-of date",
                "completed 2024-06-30 23:59:59: counts",
                "completed 2024-07-01 00:00:00: after the as-of date",
                "completed 2024-07-01 00:00:01");
        List<Row> rows = List.of(
                lead(1, "2024-06-30 23:59:58", "2024-07-10 18:00:00", "2024-06-30 23:59:59", "2024-06-30 23:59:59"),
                lead(2, "2024-06-30 23:59:59", "2024-07-10 18:00:00", "2024-06-30 23:59:59", "2024-06-30 23:59:59"),
                lead(3, "2024-07-01 00:00:00", "2024-07-10 18:00:00", "2024-07-01 00:00:00", "2024-07-01 00:00:00"),
                lead(4, "2024-06-01 09:00:00", "2024-07-10 18:00:00", "2024-06-30 23:59:59", "2024-06-30 23:59:59"),
                lead(5, "2024-06-01 09:00:00", "2024-07-10 18:00:00", "2024-07-01 00:00:00", "2024-07-01 00:00:00"),
                lead(6, "2024-06-01 09:00:00", "2024-07-10 18:00:00", "2024-07-01 00:00:01", "2024-07-01 00:00:01"));
        assertCounts(expected(
                        c(1, 1, 1), c(1, 1, 1), c(0, 0, 0),
                        c(1, 1, 1), c(1, 0, 0), c(1, 0, 0)),
                leads(new EvaluationPeriod(2024, LocalDate.of(2024, 6, 30)), rows), what);
    }

    @Test
    void theEditionSetsFiftyTrainingHours() {
        // The hours below are derived by hand for 50; a change of the edition must show here.
        assertEquals(0, new BigDecimal("50").compareTo(new AggregationContext(EvaluationPeriod.of(2024), edition)
                .parameters("staff_training").orElseThrow().decimal("min_training_hours")));
    }

    @Test
    void trainedMeansMoreThanZeroHoursAndTheMinimumIsFiftyHoursIncluded() {
        List<String> what = List.of(
                "0 hours: not trained",
                "1e-12 hours: trained, below 50",
                "50 - 1e-12 hours: below 50 (exact decimal, not double)",
                "exactly 50 hours",
                "50 + 1e-12 hours",
                "50 hours in 2023: not a row of Y");
        List<Row> rows = new ArrayList<>();
        String[] hours = {"0", "0.000000000001", "49.999999999999", "50", "50.000000000001", "50"};
        for (int i = 0; i < hours.length; i++) {
            rows.add(RowFactory.create("S-" + (i + 1), region(i + 1), i == 5 ? 2023 : 2024, new BigDecimal(hours[i])));
        }
        RegionCounts counts = new TrainingFacts().count(spark.createDataFrame(rows, TRAINING),
                new AggregationContext(EvaluationPeriod.of(2024), edition));
        //                          staff, trained, >= 50 hours
        assertCounts(expected(
                        c(1, 0, 0), c(1, 1, 0), c(1, 1, 0), c(1, 1, 1), c(1, 1, 1), c(0, 0, 0)),
                pick(counts, Facts.STAFF, Facts.STAFF_TRAINED, Facts.STAFF_MIN_HOURS), what);
    }
}
