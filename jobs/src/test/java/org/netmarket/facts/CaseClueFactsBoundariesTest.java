package org.netmarket.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static java.util.Map.entry;
import static org.netmarket.facts.RecordCases.set;
import static org.netmarket.facts.RecordCases.with;

/**
 * The boundaries of indicators.md "Cohort rates" where Spark counts violation clues
 * ({@link CaseClueFacts}, items 17.1 and 17.2), each just below, at and just above:
 * <ul>
 *   <li>the cohort: {@code received_at} in year Y, both sources, whatever the as-of date;</li>
 *   <li>verified on time: {@code verified_at <= due_at} and not after the as-of date's end;</li>
 *   <li>completed (superior-assigned clues): {@code closed_at} not null and not after the as-of
 *       date's end, whatever {@code due_at} and {@code verified_at} say.</li>
 * </ul>
 * One clue per region; expected counts written by hand from those rules.
 */
class CaseClueFactsBoundariesTest {
    /** A report clue of 2024 verified on time (due 2024-06-17 18:00:00) and closed. */
    private static final Map<String, String> TYPICAL = Map.ofEntries(
            entry("clue_id", "CL-1"),
            entry("region_code", "330100"),
            entry("source", "report"),
            entry("received_at", "2024-06-03 09:00:00"),
            entry("due_at", "2024-06-17 18:00:00"),
            entry("verified_at", "2024-06-10 09:00:00"),
            entry("closed_at", "2024-06-28 09:00:00"),
            entry("updated_at", "2024-06-28 09:00:00"));

    private static final String[] FACTS = {Facts.REPORT_CLUES, Facts.REPORT_CLUES_VERIFIED_ON_TIME,
            Facts.ASSIGNED_CLUES, Facts.ASSIGNED_CLUES_VERIFIED_ON_TIME, Facts.ASSIGNED_CLUES_CLOSED};

    private static final String REPORT = "report";
    private static final String ASSIGNED = "superior_assigned";

    /** Received {@code received}, due two weeks later, verified and closed at {@code done}. */
    private static String[] clue(String source, String received, String due, String done) {
        return set("source", source, "received_at", received, "due_at", due, "verified_at", done,
                "closed_at", done, "updated_at", done == null ? received : done);
    }

    @Test
    void theCohortIsReceivedAtInTheYearForBothSources() {
        //                                                  report, on time, assigned, on time, closed
        RecordCases cases = new RecordCases("case-clues", TYPICAL, FACTS)
                .add("report received 2023-12-31 23:59:59, verified and closed in 2024: not in the cohort",
                        clue(REPORT, "2023-12-31 23:59:59", "2024-01-12 18:00:00", "2024-01-05 09:00:00"), 0, 0, 0, 0, 0)
                .add("superior-assigned received 2023-12-31 23:59:59: not in the cohort",
                        clue(ASSIGNED, "2023-12-31 23:59:59", "2024-01-12 18:00:00", "2024-01-05 09:00:00"), 0, 0, 0, 0, 0)
                .add("report received 2024-01-01 00:00:00: the first second of the year",
                        clue(REPORT, "2024-01-01 00:00:00", "2024-01-12 18:00:00", "2024-01-05 09:00:00"), 1, 1, 0, 0, 0)
                .add("superior-assigned received 2024-01-01 00:00:00",
                        clue(ASSIGNED, "2024-01-01 00:00:00", "2024-01-12 18:00:00", "2024-01-05 09:00:00"), 0, 0, 1, 1, 1)
                .add("report received 2024-01-01 00:00:01",
                        clue(REPORT, "2024-01-01 00:00:01", "2024-01-12 18:00:00", "2024-01-05 09:00:00"), 1, 1, 0, 0, 0)
                .add("report received, verified and closed 2024-12-31 23:59:59, due in 2025",
                        clue(REPORT, "2024-12-31 23:59:59", "2025-01-14 18:00:00", "2024-12-31 23:59:59"), 1, 1, 0, 0, 0)
                .add("superior-assigned received, verified and closed 2024-12-31 23:59:59, due in 2025",
                        clue(ASSIGNED, "2024-12-31 23:59:59", "2025-01-14 18:00:00", "2024-12-31 23:59:59"), 0, 0, 1, 1, 1)
                .add("report received 2025-01-01 00:00:00: the year after",
                        clue(REPORT, "2025-01-01 00:00:00", "2025-01-14 18:00:00", null), 0, 0, 0, 0, 0)
                .add("superior-assigned received 2025-01-01 00:00:00",
                        clue(ASSIGNED, "2025-01-01 00:00:00", "2025-01-14 18:00:00", null), 0, 0, 0, 0, 0);
        cases.assertCounted(new CaseClueFacts(), EvaluationPeriod.of(2024));
    }

    @Test
    void verifiedOnTimeByDueAtAndCompletedByClosedAt() {
        // due_at 2024-06-17 18:00:00, closed 2024-06-28 09:00:00 (after due_at) unless set.
        String[] assigned = {"source", ASSIGNED};
        String[] lateInYear = {"received_at", "2024-12-20 09:00:00", "due_at", "2025-01-03 18:00:00"};
        //                                                  report, on time, assigned, on time, closed
        RecordCases cases = new RecordCases("case-clues", TYPICAL, FACTS)
                .add("report verified one second before due_at: on time",
                        set("verified_at", "2024-06-17 17:59:59"), 1, 1, 0, 0, 0)
                .add("report verified exactly at due_at: on time",
                        set("verified_at", "2024-06-17 18:00:00"), 1, 1, 0, 0, 0)
                .add("report verified one second after due_at: late",
                        set("verified_at", "2024-06-17 18:00:01"), 1, 0, 0, 0, 0)
                .add("report never verified, closed: verification is judged by verified_at",
                        set("verified_at", null), 1, 0, 0, 0, 0)
                .add("report verified 2025-01-01 00:00:00, before due_at: after the as-of date",
                        with(lateInYear, "verified_at", "2025-01-01 00:00:00", "closed_at", null), 1, 0, 0, 0, 0)
                .add("superior-assigned verified one second before due_at, closed after it: on time and completed",
                        with(assigned, "verified_at", "2024-06-17 17:59:59"), 0, 0, 1, 1, 1)
                .add("superior-assigned verified exactly at due_at",
                        with(assigned, "verified_at", "2024-06-17 18:00:00"), 0, 0, 1, 1, 1)
                .add("superior-assigned verified one second after due_at: late, still completed",
                        with(assigned, "verified_at", "2024-06-17 18:00:01"), 0, 0, 1, 0, 1)
                .add("superior-assigned never verified, closed: completed, not on time",
                        with(assigned, "verified_at", null), 0, 0, 1, 0, 1)
                .add("superior-assigned verified on time, never closed: on time, not completed",
                        with(assigned, "closed_at", null), 0, 0, 1, 1, 0)
                .add("superior-assigned verified and closed 2024-12-31 23:59:59: the last second of the as-of date counts",
                        with(with(assigned, lateInYear), "verified_at", "2024-12-31 23:59:59", "closed_at", "2024-12-31 23:59:59"),
                        0, 0, 1, 1, 1)
                .add("superior-assigned verified and closed 2025-01-01 00:00:00, before due_at: after the as-of date",
                        with(with(assigned, lateInYear), "verified_at", "2025-01-01 00:00:00", "closed_at", "2025-01-01 00:00:00"),
                        0, 0, 1, 0, 0)
                .add("superior-assigned verified and closed 2025-01-01 00:00:01",
                        with(with(assigned, lateInYear), "verified_at", "2025-01-01 00:00:01", "closed_at", "2025-01-01 00:00:01"),
                        0, 0, 1, 0, 0);
        cases.assertCounted(new CaseClueFacts(), EvaluationPeriod.of(2024));
    }

    @Test
    void anAsOfDateInsideTheYearEndsTheCompletionsButNotTheCohort() {
        // as-of 2024-06-30: every clue received in 2024; verified and closed only before 2024-07-01 00:00:00.
        String[] june = {"source", ASSIGNED, "received_at", "2024-06-20 09:00:00", "due_at", "2024-07-10 18:00:00"};
        //                                                  report, on time, assigned, on time, closed
        RecordCases cases = new RecordCases("case-clues", TYPICAL, FACTS)
                .add("superior-assigned received 2024-06-30 23:59:59: the last second of the as-of date",
                        clue(ASSIGNED, "2024-06-30 23:59:59", "2024-07-10 18:00:00", null), 0, 0, 1, 0, 0)
                .add("superior-assigned received 2024-07-01 00:00:00, after the as-of date: in the cohort, verified later",
                        clue(ASSIGNED, "2024-07-01 00:00:00", "2024-07-10 18:00:00", "2024-07-01 00:00:00"), 0, 0, 1, 0, 0)
                .add("report received 2024-07-01 00:00:00, after the as-of date: in the cohort, verified later",
                        clue(REPORT, "2024-07-01 00:00:00", "2024-07-10 18:00:00", "2024-07-01 00:00:00"), 1, 0, 0, 0, 0)
                .add("verified and closed 2024-06-30 23:59:59: count",
                        with(june, "verified_at", "2024-06-30 23:59:59", "closed_at", "2024-06-30 23:59:59"), 0, 0, 1, 1, 1)
                .add("verified and closed 2024-07-01 00:00:00, before due_at: after the as-of date",
                        with(june, "verified_at", "2024-07-01 00:00:00", "closed_at", "2024-07-01 00:00:00"), 0, 0, 1, 0, 0)
                .add("verified and closed 2024-07-01 00:00:01",
                        with(june, "verified_at", "2024-07-01 00:00:01", "closed_at", "2024-07-01 00:00:01"), 0, 0, 1, 0, 0);
        cases.assertCounted(new CaseClueFacts(), new EvaluationPeriod(2024, LocalDate.of(2024, 6, 30)));
    }
}
