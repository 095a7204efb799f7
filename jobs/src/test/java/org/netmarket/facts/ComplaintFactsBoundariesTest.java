package org.netmarket.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static java.util.Map.entry;
import static org.netmarket.facts.RecordCases.set;
import static org.netmarket.facts.RecordCases.with;

/**
 * The boundaries of indicators.md "Cohort rates" where Spark counts complaints
 * ({@link ComplaintFacts}, items 25.1, 25.2, 25.3, 26.1), each just below, at and just above:
 * <ul>
 *   <li>the cohort: {@code received_at} in year Y (not the due dates, the closure nor {@code updated_at}),
 *       whatever the as-of date;</li>
 *   <li>initial review on time: {@code initial_reviewed_at <= initial_review_due} (not {@code close_due}),
 *       and not after the as-of date's end;</li>
 *   <li>closed on time: {@code closed_at <= close_due} (not {@code initial_review_due}), closed = not
 *       after the as-of date's end;</li>
 *   <li>mediation success / failed / none, satisfaction rated vs empty, the {@code odr} channel and
 *       {@code odr_settled} among closed ODR complaints.</li>
 * </ul>
 * One complaint per region; expected counts written by hand from those rules.
 */
class ComplaintFactsBoundariesTest {
    /** An ODR complaint of 2024 reviewed and closed on time, mediated successfully, satisfied, settled. */
    private static final Map<String, String> TYPICAL = Map.ofEntries(
            entry("complaint_id", "C-1"),
            entry("region_code", "330100"),
            entry("channel", "odr"),
            entry("received_at", "2024-06-03 09:00:00"),
            entry("initial_review_due", "2024-06-10 18:00:00"),
            entry("initial_reviewed_at", "2024-06-05 09:00:00"),
            entry("close_due", "2024-07-03 18:00:00"),
            entry("closed_at", "2024-06-20 09:00:00"),
            entry("mediation", "success"),
            entry("satisfaction", "satisfied"),
            entry("odr_settled", "true"),
            entry("updated_at", "2024-06-20 09:00:00"));

    private static final String[] ALL_FACTS = {
            Facts.COMPLAINTS, Facts.COMPLAINTS_REVIEWED_ON_TIME, Facts.COMPLAINTS_CLOSED_ON_TIME,
            Facts.MEDIATION_SUCCESS, Facts.MEDIATION_FAILED, Facts.COMPLAINTS_RATED, Facts.COMPLAINTS_SATISFIED,
            Facts.ODR_COMPLAINTS, Facts.ODR_CLOSED_ON_TIME, Facts.ODR_CLOSED, Facts.ODR_SETTLED};
    /** The typical complaint counted in every fact but mediation failed. */
    private static final long[] EVERY_FACT = {1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1};
    private static final long[] NO_FACT = new long[ALL_FACTS.length];

    private static final EvaluationPeriod Y2024 = EvaluationPeriod.of(2024);

    @Test
    void theCohortIsReceivedAtInTheYear() {
        RecordCases cases = new RecordCases("complaints", TYPICAL, ALL_FACTS)
                .add("received 2023-12-31 23:59:59, reviewed, closed and updated in 2024: not in the cohort",
                        set("received_at", "2023-12-31 23:59:59", "initial_review_due", "2024-01-08 18:00:00",
                                "initial_reviewed_at", "2024-01-02 09:00:00", "close_due", "2024-01-31 18:00:00",
                                "closed_at", "2024-01-15 09:00:00", "updated_at", "2024-01-15 09:00:00"), NO_FACT)
                .add("received 2024-01-01 00:00:00: the first second of the year",
                        set("received_at", "2024-01-01 00:00:00", "initial_review_due", "2024-01-08 18:00:00",
                                "initial_reviewed_at", "2024-01-02 09:00:00", "close_due", "2024-01-31 18:00:00",
                                "closed_at", "2024-01-15 09:00:00", "updated_at", "2024-01-15 09:00:00"), EVERY_FACT)
                .add("received 2024-01-01 00:00:01",
                        set("received_at", "2024-01-01 00:00:01", "initial_review_due", "2024-01-08 18:00:00",
                                "initial_reviewed_at", "2024-01-02 09:00:00", "close_due", "2024-01-31 18:00:00",
                                "closed_at", "2024-01-15 09:00:00", "updated_at", "2024-01-15 09:00:00"), EVERY_FACT)
                .add("received, reviewed and closed 2024-12-31 23:59:59, dues and update in 2025: in the cohort",
                        set("received_at", "2024-12-31 23:59:59", "initial_review_due", "2025-01-08 18:00:00",
                                "initial_reviewed_at", "2024-12-31 23:59:59", "close_due", "2025-01-31 18:00:00",
                                "closed_at", "2024-12-31 23:59:59", "updated_at", "2025-01-02 09:00:00"), EVERY_FACT)
                .add("received 2025-01-01 00:00:00: the year after",
                        set("received_at", "2025-01-01 00:00:00", "initial_review_due", "2025-01-08 18:00:00",
                                "initial_reviewed_at", "2025-01-02 09:00:00", "close_due", "2025-01-31 18:00:00",
                                "closed_at", "2025-01-03 09:00:00", "updated_at", "2025-01-03 09:00:00"), NO_FACT);
        cases.assertCounted(new ComplaintFacts(), Y2024);
    }

    @Test
    void initialReviewAndClosureAreEachOnTimeByTheirOwnDueTimestamp() {
        // initial_review_due 2024-06-10 18:00:00, close_due 2024-07-03 18:00:00 unless set.
        //                                                          complaints, reviewed on time, closed on time, ODR closed on time
        RecordCases cases = new RecordCases("complaints", TYPICAL, Facts.COMPLAINTS, Facts.COMPLAINTS_REVIEWED_ON_TIME,
                Facts.COMPLAINTS_CLOSED_ON_TIME, Facts.ODR_CLOSED_ON_TIME)
                .add("reviewed one second before initial_review_due: on time",
                        set("initial_reviewed_at", "2024-06-10 17:59:59"), 1, 1, 1, 1)
                .add("reviewed exactly at initial_review_due: on time",
                        set("initial_reviewed_at", "2024-06-10 18:00:00"), 1, 1, 1, 1)
                .add("reviewed one second after initial_review_due, long before close_due: late",
                        set("initial_reviewed_at", "2024-06-10 18:00:01"), 1, 0, 1, 1)
                .add("never reviewed, closed on time: the review is judged by initial_reviewed_at",
                        set("initial_reviewed_at", null), 1, 0, 1, 1)
                .add("reviewed 2024-12-31 23:59:59, due in 2025: the last second of the as-of date counts",
                        set("received_at", "2024-12-31 09:00:00", "initial_review_due", "2025-01-08 18:00:00",
                                "initial_reviewed_at", "2024-12-31 23:59:59", "close_due", "2025-01-31 18:00:00",
                                "closed_at", null), 1, 1, 0, 0)
                .add("reviewed 2025-01-01 00:00:00, before its due: after the as-of date",
                        set("received_at", "2024-12-31 09:00:00", "initial_review_due", "2025-01-08 18:00:00",
                                "initial_reviewed_at", "2025-01-01 00:00:00", "close_due", "2025-01-31 18:00:00",
                                "closed_at", null), 1, 0, 0, 0)
                .add("reviewed 2025-01-01 00:00:01, before its due",
                        set("received_at", "2024-12-31 09:00:00", "initial_review_due", "2025-01-08 18:00:00",
                                "initial_reviewed_at", "2025-01-01 00:00:01", "close_due", "2025-01-31 18:00:00",
                                "closed_at", null), 1, 0, 0, 0)
                .add("closed one second before close_due (weeks after initial_review_due): on time",
                        set("closed_at", "2024-07-03 17:59:59"), 1, 1, 1, 1)
                .add("closed exactly at close_due: on time",
                        set("closed_at", "2024-07-03 18:00:00"), 1, 1, 1, 1)
                .add("closed one second after close_due: late",
                        set("closed_at", "2024-07-03 18:00:01"), 1, 1, 0, 0)
                .add("reviewed on time, never closed: the closure is judged by closed_at",
                        set("closed_at", null), 1, 1, 0, 0)
                .add("closed 2024-12-31 23:59:59, due in 2025: the last second of the as-of date counts",
                        set("received_at", "2024-12-20 09:00:00", "initial_review_due", "2024-12-27 18:00:00",
                                "initial_reviewed_at", "2024-12-23 09:00:00", "close_due", "2025-01-31 18:00:00",
                                "closed_at", "2024-12-31 23:59:59"), 1, 1, 1, 1)
                .add("closed 2025-01-01 00:00:00, before close_due: after the as-of date",
                        set("received_at", "2024-12-20 09:00:00", "initial_review_due", "2024-12-27 18:00:00",
                                "initial_reviewed_at", "2024-12-23 09:00:00", "close_due", "2025-01-31 18:00:00",
                                "closed_at", "2025-01-01 00:00:00"), 1, 1, 0, 0)
                .add("closed 2025-01-01 00:00:01, before close_due",
                        set("received_at", "2024-12-20 09:00:00", "initial_review_due", "2024-12-27 18:00:00",
                                "initial_reviewed_at", "2024-12-23 09:00:00", "close_due", "2025-01-31 18:00:00",
                                "closed_at", "2025-01-01 00:00:01"), 1, 1, 0, 0);
        cases.assertCounted(new ComplaintFacts(), Y2024);
    }

    @Test
    void anAsOfDateInsideTheYearEndsTheCompletionsButNotTheCohort() {
        // as-of 2024-06-30: the cohort is still every complaint received in 2024; reviewed / closed
        // count only before 2024-07-01 00:00:00.
        String[] dues = {"received_at", "2024-06-20 09:00:00", "initial_review_due", "2024-07-05 18:00:00",
                "close_due", "2024-07-20 18:00:00"};
        //                                                          complaints, reviewed on time, closed on time, ODR closed, ODR settled
        RecordCases cases = new RecordCases("complaints", TYPICAL, Facts.COMPLAINTS, Facts.COMPLAINTS_REVIEWED_ON_TIME,
                Facts.COMPLAINTS_CLOSED_ON_TIME, Facts.ODR_CLOSED, Facts.ODR_SETTLED)
                .add("received 2024-06-30 23:59:59: the last second of the as-of date",
                        set("received_at", "2024-06-30 23:59:59", "initial_review_due", "2024-07-05 18:00:00",
                                "initial_reviewed_at", null, "close_due", "2024-07-20 18:00:00", "closed_at", null), 1, 0, 0, 0, 0)
                .add("received 2024-07-01 00:00:00, after the as-of date: in the cohort, reviewed and closed later",
                        set("received_at", "2024-07-01 00:00:00", "initial_review_due", "2024-07-05 18:00:00",
                                "initial_reviewed_at", "2024-07-01 00:00:00", "close_due", "2024-07-20 18:00:00",
                                "closed_at", "2024-07-01 00:00:00"), 1, 0, 0, 0, 0)
                .add("reviewed and closed 2024-06-30 23:59:59: count",
                        with(dues, "initial_reviewed_at", "2024-06-30 23:59:59", "closed_at", "2024-06-30 23:59:59"), 1, 1, 1, 1, 1)
                .add("reviewed and closed 2024-07-01 00:00:00, before their dues: after the as-of date",
                        with(dues, "initial_reviewed_at", "2024-07-01 00:00:00", "closed_at", "2024-07-01 00:00:00"), 1, 0, 0, 0, 0)
                .add("reviewed and closed 2024-07-01 00:00:01",
                        with(dues, "initial_reviewed_at", "2024-07-01 00:00:01", "closed_at", "2024-07-01 00:00:01"), 1, 0, 0, 0, 0);
        cases.assertCounted(new ComplaintFacts(), new EvaluationPeriod(2024, LocalDate.of(2024, 6, 30)));
    }

    @Test
    void anAsOfDateAfterTheYearCountsLaterClosuresButKeepsTheYearAsCohort() {
        // as-of 2025-03-31: the cohort stays 2024, closures until 2025-03-31 23:59:59 count.
        String[] late = {"received_at", "2024-12-31 23:59:59", "initial_review_due", "2025-01-08 18:00:00",
                "initial_reviewed_at", "2025-01-05 09:00:00", "close_due", "2025-04-30 18:00:00"};
        //                                                          complaints, closed on time, ODR closed, ODR settled
        RecordCases cases = new RecordCases("complaints", TYPICAL, Facts.COMPLAINTS, Facts.COMPLAINTS_CLOSED_ON_TIME,
                Facts.ODR_CLOSED, Facts.ODR_SETTLED)
                .add("received 2024-12-31 23:59:59, closed 2025-03-31 23:59:59: counts",
                        with(late, "closed_at", "2025-03-31 23:59:59"), 1, 1, 1, 1)
                .add("received 2024-12-31 23:59:59, closed 2025-04-01 00:00:00: after the as-of date",
                        with(late, "closed_at", "2025-04-01 00:00:00"), 1, 0, 0, 0)
                .add("received 2025-01-01 00:00:00, closed before the as-of date: not in the 2024 cohort",
                        set("received_at", "2025-01-01 00:00:00", "initial_review_due", "2025-01-08 18:00:00",
                                "initial_reviewed_at", "2025-01-05 09:00:00", "close_due", "2025-04-30 18:00:00",
                                "closed_at", "2025-02-01 09:00:00"), 0, 0, 0, 0);
        cases.assertCounted(new ComplaintFacts(), new EvaluationPeriod(2024, LocalDate.of(2025, 3, 31)));
    }

    @Test
    void mediationSatisfactionAndOdrSettlement() {
        //                                       complaints, success, failed, rated, satisfied, ODR, ODR closed on time, ODR closed, ODR settled
        RecordCases cases = new RecordCases("complaints", TYPICAL, Facts.COMPLAINTS, Facts.MEDIATION_SUCCESS,
                Facts.MEDIATION_FAILED, Facts.COMPLAINTS_RATED, Facts.COMPLAINTS_SATISFIED, Facts.ODR_COMPLAINTS,
                Facts.ODR_CLOSED_ON_TIME, Facts.ODR_CLOSED, Facts.ODR_SETTLED)
                .add("mediation success", set("mediation", "success"), 1, 1, 0, 1, 1, 1, 1, 1, 1)
                .add("mediation failed", set("mediation", "failed"), 1, 0, 1, 1, 1, 1, 1, 1, 1)
                .add("mediation none: neither success nor failed", set("mediation", "none"), 1, 0, 0, 1, 1, 1, 1, 1, 1)
                .add("basically satisfied: rated and satisfied", set("satisfaction", "basically_satisfied"), 1, 1, 0, 1, 1, 1, 1, 1, 1)
                .add("dissatisfied: rated, not satisfied", set("satisfaction", "dissatisfied"), 1, 1, 0, 1, 0, 1, 1, 1, 1)
                .add("no rating: neither rated nor satisfied", set("satisfaction", null), 1, 1, 0, 0, 0, 1, 1, 1, 1)
                .add("online channel: mediation and rating count, no ODR fact",
                        set("channel", "online", "odr_settled", null), 1, 1, 0, 1, 1, 0, 0, 0, 0)
                .add("ODR closed, odr_settled false", set("odr_settled", "false"), 1, 1, 0, 1, 1, 1, 1, 1, 0)
                .add("ODR closed, odr_settled empty", set("odr_settled", null), 1, 1, 0, 1, 1, 1, 1, 1, 0)
                .add("ODR settled but not closed: settled counts only among closed",
                        set("closed_at", null), 1, 1, 0, 1, 1, 1, 0, 0, 0)
                .add("ODR closed one second after close_due, settled: closed and settled, not on time",
                        set("closed_at", "2024-07-03 18:00:01"), 1, 1, 0, 1, 1, 1, 0, 1, 1);
        cases.assertCounted(new ComplaintFacts(), Y2024);
    }
}
