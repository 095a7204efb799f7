package org.netmarket.facts;

import org.junit.jupiter.api.Test;
import org.netmarket.edition.TestEditions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmarket.facts.RecordCases.set;

/**
 * The record-level boundaries of indicators.md "Cohort rates" where Spark counts them
 * ({@link DispatchFacts} and {@link TrainingFacts} through {@link RecordAggregation#count}), each
 * just below, at and just above:
 * <ul>
 *   <li>the cohort: the start ({@code dispatched_at}) falls in year Y, i.e. from Y-01-01 00:00:00
 *       up to the end of Y, whatever the as-of date (the contract's definition: an as-of date
 *       inside Y only cuts the completions);</li>
 *   <li>on time: the completion timestamp {@code <=} its due timestamp;</li>
 *   <li>completed: not null and not after the as-of date's end (the last second of the as-of
 *       date counts, the first second of the next day does not);</li>
 *   <li>item 11.2: an identity claim is completed by {@code completed_at} alone (not by
 *       {@code verified_at}), and a completion after {@code due_at} is still a completion (item
 *       11.2 asks for completion, not timeliness);</li>
 *   <li>item 38.2: trained = hours {@code > 0}, and {@code >= 50} hours (edition 2022).</li>
 * </ul>
 * One record per region, so each region's counts are the verdict on one case; the expected
 * counts are written by hand from those rules. Records have the staged shape of the dispatches
 * and training extracts ({@link RecordCases}): timestamps timestamp_ntz (second precision), hours
 * decimal(38,12).
 */
class CohortFactsBoundariesTest {
    /** A monitoring lead of 2024 verified on time (due 2024-06-10 18:00:00) and completed. */
    private static final Map<String, String> TYPICAL_LEAD = Map.ofEntries(
            entry("dispatch_id", "ML-1"),
            entry("region_code", "330100"),
            entry("dispatch_type", "monitoring_lead"),
            entry("dispatched_at", "2024-06-01 09:00:00"),
            entry("due_at", "2024-06-10 18:00:00"),
            entry("verified_at", "2024-06-05 09:00:00"),
            entry("completed_at", "2024-06-20 09:00:00"),
            entry("updated_at", "2024-06-20 09:00:00"));

    private static final String[] LEAD_FACTS = {
            Facts.MONITORING_LEADS, Facts.MONITORING_LEADS_VERIFIED_ON_TIME, Facts.MONITORING_LEADS_COMPLETED};

    /**
     * An identity claim of 2024 (due 2024-06-10 18:00:00) completed before its due time and never
     * verified: verified_at stays null unless a case sets it, so a case that completes a claim
     * shows that completion needs no verification.
     */
    private static final Map<String, String> TYPICAL_CLAIM = typicalClaim();

    private static Map<String, String> typicalClaim() {
        Map<String, String> claim = new HashMap<>(Map.ofEntries(
                entry("dispatch_id", "IC-1"),
                entry("region_code", "330100"),
                entry("dispatch_type", "identity_claim"),
                entry("dispatched_at", "2024-06-01 09:00:00"),
                entry("due_at", "2024-06-10 18:00:00"),
                entry("completed_at", "2024-06-05 09:00:00"),
                entry("updated_at", "2024-06-05 09:00:00")));
        claim.put("verified_at", null); // Map.ofEntries refuses null values
        return Collections.unmodifiableMap(claim);
    }

    private static final String[] CLAIM_FACTS = {Facts.IDENTITY_CLAIMS, Facts.IDENTITY_CLAIMS_COMPLETED};

    /** A staff member with 56 hours of training in 2024, reported early in 2025. */
    private static final Map<String, String> TYPICAL_STAFF = Map.ofEntries(
            entry("staff_id", "S-1"),
            entry("region_code", "330100"),
            entry("year", "2024"),
            entry("training_hours", "56"),
            entry("reported_at", "2025-01-15"));

    private static final String[] STAFF_FACTS = {Facts.STAFF, Facts.STAFF_TRAINED, Facts.STAFF_MIN_HOURS};

    /**
     * A dispatch of the typical record's type with these timestamps ({@code verified} and
     * {@code completed} may be null), last updated at the latest of them (the text order of these
     * timestamps is their time order).
     */
    private static String[] dispatch(String dispatched, String due, String verified, String completed) {
        String updated = Stream.of(dispatched, verified, completed).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElseThrow();
        return set("dispatched_at", dispatched, "due_at", due, "verified_at", verified,
                "completed_at", completed, "updated_at", updated);
    }

    @Test
    void cohortOnTimeAndCompletedAtTheirBoundariesForTheDefaultAsOfDate() {
        // Y = 2024, as-of 2024-12-31: cohort [2024-01-01 00:00:00, 2025-01-01 00:00:00),
        // completed when < 2025-01-01 00:00:00, on time when also <= due_at.
        //                                                  leads, on time, completed
        RecordCases cases = new RecordCases("dispatches", TYPICAL_LEAD, LEAD_FACTS)
                .add("dispatched 2023-12-31 23:59:59: one second before the year, not in the cohort",
                        dispatch("2023-12-31 23:59:59", "2024-01-10 18:00:00", "2024-01-05 09:00:00", "2024-01-06 09:00:00"), 0, 0, 0)
                .add("dispatched 2024-01-01 00:00:00: the first second of the year",
                        dispatch("2024-01-01 00:00:00", "2024-01-10 18:00:00", "2024-01-05 09:00:00", "2024-01-06 09:00:00"), 1, 1, 1)
                .add("dispatched 2024-01-01 00:00:01",
                        dispatch("2024-01-01 00:00:01", "2024-01-10 18:00:00", "2024-01-05 09:00:00", "2024-01-06 09:00:00"), 1, 1, 1)
                .add("dispatched 2024-12-31 23:59:59: the last second of the year",
                        dispatch("2024-12-31 23:59:59", "2025-01-10 18:00:00", "2024-12-31 23:59:59", "2024-12-31 23:59:59"), 1, 1, 1)
                .add("dispatched 2025-01-01 00:00:00: the year after",
                        dispatch("2025-01-01 00:00:00", "2025-01-10 18:00:00", "2025-01-02 09:00:00", "2025-01-03 09:00:00"), 0, 0, 0)
                // dispatched 2024-06-01 09:00:00, due 2024-06-10 18:00:00, completed 2024-06-20 09:00:00 unless set.
                .add("verified one second before due: on time",
                        set("verified_at", "2024-06-10 17:59:59"), 1, 1, 1)
                .add("verified exactly at due: on time",
                        set("verified_at", "2024-06-10 18:00:00"), 1, 1, 1)
                .add("verified one second after due: late, still completed",
                        set("verified_at", "2024-06-10 18:00:01"), 1, 0, 1)
                .add("never verified nor completed",
                        set("verified_at", null, "completed_at", null), 1, 0, 0)
                .add("verified and completed 2024-12-31 23:59:59: the last second of the as-of date counts",
                        dispatch("2024-12-01 09:00:00", "2025-01-31 18:00:00", "2024-12-31 23:59:59", "2024-12-31 23:59:59"), 1, 1, 1)
                .add("verified and completed 2025-01-01 00:00:00: after the as-of date, before due: neither",
                        dispatch("2024-12-01 09:00:00", "2025-01-31 18:00:00", "2025-01-01 00:00:00", "2025-01-01 00:00:00"), 1, 0, 0)
                .add("verified and completed 2025-01-01 00:00:01: neither",
                        dispatch("2024-12-01 09:00:00", "2025-01-31 18:00:00", "2025-01-01 00:00:01", "2025-01-01 00:00:01"), 1, 0, 0);
        cases.assertCounted(new DispatchFacts(), EvaluationPeriod.of(2024));
    }

    @Test
    void anAsOfDateInsideTheYearEndsTheCompletionsButNotTheCohort() {
        // as-of 2024-06-30: cohort [2024-01-01 00:00:00, 2025-01-01 00:00:00) as for any as-of
        // date, completed (and on time) only when before 2024-07-01 00:00:00.
        //                                                  leads, on time, completed
        RecordCases cases = new RecordCases("dispatches", TYPICAL_LEAD, LEAD_FACTS)
                .add("dispatched 2024-06-30 23:59:58",
                        dispatch("2024-06-30 23:59:58", "2024-07-10 18:00:00", "2024-06-30 23:59:59", "2024-06-30 23:59:59"), 1, 1, 1)
                .add("dispatched 2024-06-30 23:59:59: the last second of the as-of date",
                        dispatch("2024-06-30 23:59:59", "2024-07-10 18:00:00", "2024-06-30 23:59:59", "2024-06-30 23:59:59"), 1, 1, 1)
                .add("dispatched 2024-07-01 00:00:00, after the as-of date: in the cohort, its completion is later",
                        dispatch("2024-07-01 00:00:00", "2024-07-10 18:00:00", "2024-07-01 00:00:00", "2024-07-01 00:00:00"), 1, 0, 0)
                .add("dispatched 2024-12-31 23:59:59: the last second of the year is in the cohort",
                        dispatch("2024-12-31 23:59:59", "2025-01-10 18:00:00", "2025-01-02 09:00:00", "2025-01-03 09:00:00"), 1, 0, 0)
                .add("dispatched 2025-01-01 00:00:00: the year after",
                        dispatch("2025-01-01 00:00:00", "2025-01-10 18:00:00", "2025-01-02 09:00:00", "2025-01-03 09:00:00"), 0, 0, 0)
                .add("completed 2024-06-30 23:59:59: counts",
                        dispatch("2024-06-01 09:00:00", "2024-07-10 18:00:00", "2024-06-30 23:59:59", "2024-06-30 23:59:59"), 1, 1, 1)
                .add("completed 2024-07-01 00:00:00: after the as-of date",
                        dispatch("2024-06-01 09:00:00", "2024-07-10 18:00:00", "2024-07-01 00:00:00", "2024-07-01 00:00:00"), 1, 0, 0)
                .add("completed 2024-07-01 00:00:01",
                        dispatch("2024-06-01 09:00:00", "2024-07-10 18:00:00", "2024-07-01 00:00:01", "2024-07-01 00:00:01"), 1, 0, 0);
        cases.assertCounted(new DispatchFacts(), new EvaluationPeriod(2024, LocalDate.of(2024, 6, 30)));
    }

    @Test
    void anIdentityClaimIsCompletedByCompletedAtAloneUpToTheEndOfTheDefaultAsOfDate() {
        // Y = 2024, as-of 2024-12-31: cohort [2024-01-01 00:00:00, 2025-01-01 00:00:00); a claim
        // counts as completed when completed_at is not null and < 2025-01-01 00:00:00, whatever
        // verified_at and due_at say.
        //                                                  claims, completed
        RecordCases cases = new RecordCases("dispatches", TYPICAL_CLAIM, CLAIM_FACTS)
                .add("dispatched 2023-12-31 23:59:59: one second before the year, not in the cohort",
                        dispatch("2023-12-31 23:59:59", "2024-01-10 18:00:00", null, "2024-01-05 09:00:00"), 0, 0)
                .add("dispatched 2024-01-01 00:00:00: the first second of the year",
                        dispatch("2024-01-01 00:00:00", "2024-01-10 18:00:00", null, "2024-01-05 09:00:00"), 1, 1)
                .add("dispatched 2024-01-01 00:00:01",
                        dispatch("2024-01-01 00:00:01", "2024-01-10 18:00:00", null, "2024-01-05 09:00:00"), 1, 1)
                .add("dispatched and completed 2024-12-31 23:59:59: the last second of the year",
                        dispatch("2024-12-31 23:59:59", "2025-01-10 18:00:00", null, "2024-12-31 23:59:59"), 1, 1)
                .add("dispatched 2025-01-01 00:00:00: the year after",
                        dispatch("2025-01-01 00:00:00", "2025-01-10 18:00:00", null, "2025-01-02 09:00:00"), 0, 0)
                .add("dispatched 2025-01-01 00:00:01",
                        dispatch("2025-01-01 00:00:01", "2025-01-10 18:00:00", null, "2025-01-02 09:00:00"), 0, 0)
                // dispatched 2024-06-01 09:00:00, due 2024-06-10 18:00:00 unless set.
                .add("completed 2024-12-31 23:59:58", set("completed_at", "2024-12-31 23:59:58"), 1, 1)
                .add("completed 2024-12-31 23:59:59: the last second of the as-of date counts",
                        set("completed_at", "2024-12-31 23:59:59"), 1, 1)
                .add("completed 2025-01-01 00:00:00: the first second after the as-of date",
                        set("completed_at", "2025-01-01 00:00:00"), 1, 0)
                .add("completed 2025-01-01 00:00:01", set("completed_at", "2025-01-01 00:00:01"), 1, 0)
                .add("completed, never verified: completed",
                        set("verified_at", null, "completed_at", "2024-06-05 09:00:00"), 1, 1)
                .add("verified, never completed: not completed",
                        set("verified_at", "2024-06-05 09:00:00", "completed_at", null), 1, 0)
                .add("verified in 2024, completed 2025-01-01 00:00:00: the completion decides, not completed",
                        set("verified_at", "2024-06-05 09:00:00", "completed_at", "2025-01-01 00:00:00"), 1, 0)
                .add("completed one second before due", set("completed_at", "2024-06-10 17:59:59"), 1, 1)
                .add("completed exactly at due", set("completed_at", "2024-06-10 18:00:00"), 1, 1)
                .add("completed one second after due: late, still completed",
                        set("completed_at", "2024-06-10 18:00:01"), 1, 1)
                .add("completed months after due: still completed", set("completed_at", "2024-11-20 09:00:00"), 1, 1)
                .add("a monitoring lead, completed: not an identity claim",
                        set("dispatch_type", "monitoring_lead"), 0, 0);
        cases.assertCounted(new DispatchFacts(), EvaluationPeriod.of(2024));
    }

    @Test
    void anAsOfDateInsideTheYearEndsTheClaimCompletionsButNotTheCohort() {
        // as-of 2024-06-30: cohort [2024-01-01 00:00:00, 2025-01-01 00:00:00) as for any as-of
        // date; completed only when completed_at < 2024-07-01 00:00:00.
        //                                                  claims, completed
        RecordCases cases = new RecordCases("dispatches", TYPICAL_CLAIM, CLAIM_FACTS)
                .add("dispatched 2023-12-31 23:59:59: not in the cohort",
                        dispatch("2023-12-31 23:59:59", "2024-01-10 18:00:00", null, "2024-01-05 09:00:00"), 0, 0)
                .add("dispatched 2024-01-01 00:00:00: in the cohort",
                        dispatch("2024-01-01 00:00:00", "2024-01-10 18:00:00", null, "2024-01-05 09:00:00"), 1, 1)
                .add("dispatched 2024-07-01 00:00:00, after the as-of date: in the cohort, its completion is later",
                        dispatch("2024-07-01 00:00:00", "2024-07-10 18:00:00", null, "2024-07-01 00:00:00"), 1, 0)
                .add("dispatched 2024-12-31 23:59:59: the last second of the year is in the cohort",
                        dispatch("2024-12-31 23:59:59", "2025-01-10 18:00:00", null, "2025-01-02 09:00:00"), 1, 0)
                .add("dispatched 2025-01-01 00:00:00: the year after",
                        dispatch("2025-01-01 00:00:00", "2025-01-10 18:00:00", null, "2025-01-02 09:00:00"), 0, 0)
                // dispatched 2024-06-01 09:00:00 unless set.
                .add("completed 2024-06-30 23:59:58",
                        set("due_at", "2024-07-10 18:00:00", "completed_at", "2024-06-30 23:59:58"), 1, 1)
                .add("completed 2024-06-30 23:59:59: the last second of the as-of date counts",
                        set("due_at", "2024-07-10 18:00:00", "completed_at", "2024-06-30 23:59:59"), 1, 1)
                .add("completed 2024-07-01 00:00:00: after the as-of date",
                        set("due_at", "2024-07-10 18:00:00", "completed_at", "2024-07-01 00:00:00"), 1, 0)
                .add("completed 2024-07-01 00:00:01",
                        set("due_at", "2024-07-10 18:00:00", "completed_at", "2024-07-01 00:00:01"), 1, 0)
                .add("verified before the as-of date, completed after it: not completed",
                        set("verified_at", "2024-06-05 09:00:00", "completed_at", "2024-07-01 00:00:00"), 1, 0)
                .add("completed after due (2024-06-10 18:00:00) and before the as-of date's end: completed",
                        set("completed_at", "2024-06-30 23:59:59"), 1, 1);
        cases.assertCounted(new DispatchFacts(), new EvaluationPeriod(2024, LocalDate.of(2024, 6, 30)));
    }

    @Test
    void theEditionSetsFiftyTrainingHours() {
        // The hours below are derived by hand for 50; a change of the edition must show here.
        assertEquals(0, new BigDecimal("50").compareTo(
                new AggregationContext(EvaluationPeriod.of(2024), TestEditions.edition2022())
                        .parameters("staff_training").orElseThrow().decimal("min_training_hours")));
    }

    @Test
    void trainedMeansMoreThanZeroHoursAndTheMinimumIsFiftyHoursIncluded() {
        //                                                  staff, trained, >= 50 hours
        RecordCases cases = new RecordCases("training", TYPICAL_STAFF, STAFF_FACTS)
                .add("0 hours: not trained", set("training_hours", "0"), 1, 0, 0)
                .add("1e-12 hours: trained, below 50", set("training_hours", "0.000000000001"), 1, 1, 0)
                .add("50 - 1e-12 hours: below 50 (exact decimal, not double)",
                        set("training_hours", "49.999999999999"), 1, 1, 0)
                .add("exactly 50 hours", set("training_hours", "50"), 1, 1, 1)
                .add("50 + 1e-12 hours", set("training_hours", "50.000000000001"), 1, 1, 1)
                .add("50 hours in 2023: not a row of Y",
                        set("year", "2023", "training_hours", "50", "reported_at", "2024-01-15"), 0, 0, 0)
                .add("50 hours in 2025: not a row of Y either",
                        set("year", "2025", "training_hours", "50", "reported_at", "2026-01-15"), 0, 0, 0);
        cases.assertCounted(new TrainingFacts(), EvaluationPeriod.of(2024));
    }
}
