package org.netmarket.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static java.util.Map.entry;
import static org.netmarket.facts.RecordCases.set;

/**
 * Where Spark counts reconsiderations and litigations ({@link CaseReviewFacts}, items 18.1 and 18.2):
 * <ul>
 *   <li>the cohort: {@code decided_on}, a DATE, in year Y whatever the as-of date (Dec 31 and
 *       Jan 1 either side of the year, with the default as-of date, one inside the year and one
 *       after it);</li>
 *   <li>upheld = a reconsideration with outcome {@code upheld}; won = a litigation with outcome
 *       {@code won};</li>
 *   <li>a procedural loss = {@code procedural_violation} and outcome revoked, confirmed_illegal or
 *       lost, whatever the review type.</li>
 * </ul>
 * One review per region; expected counts written by hand from those rules.
 */
class CaseReviewFactsBoundariesTest {
    private static final Map<String, String> TYPICAL = Map.ofEntries(
            entry("case_id", "R-1"),
            entry("region_code", "330100"),
            entry("review_type", "reconsideration"),
            entry("decided_on", "2024-06-14"),
            entry("outcome", "upheld"),
            entry("procedural_violation", "false"),
            entry("updated_at", "2024-06-20 09:00:00"));

    private static final String[] FACTS = {Facts.RECONSIDERATIONS, Facts.RECONSIDERATIONS_UPHELD,
            Facts.LITIGATIONS, Facts.LITIGATIONS_WON, Facts.PROCEDURAL_LOSSES};

    private static String[] review(String type, String decidedOn, String outcome, boolean violation) {
        return set("review_type", type, "decided_on", decidedOn, "outcome", outcome,
                "procedural_violation", String.valueOf(violation), "updated_at", decidedOn + " 18:00:00");
    }

    private static String[] reconsideration(String decidedOn, String outcome, boolean violation) {
        return review("reconsideration", decidedOn, outcome, violation);
    }

    private static String[] litigation(String decidedOn, String outcome, boolean violation) {
        return review("litigation", decidedOn, outcome, violation);
    }

    @Test
    void decidedOnInTheYearForTheDefaultAsOfDate() {
        //                                                  reconsiderations, upheld, litigations, won, procedural losses
        RecordCases cases = new RecordCases("case-reviews", TYPICAL, FACTS)
                .add("reconsideration upheld 2023-12-31: the year before",
                        reconsideration("2023-12-31", "upheld", false), 0, 0, 0, 0, 0)
                .add("reconsideration revoked for a procedural violation 2023-12-31",
                        reconsideration("2023-12-31", "revoked", true), 0, 0, 0, 0, 0)
                .add("reconsideration upheld 2024-01-01: the first day of the year",
                        reconsideration("2024-01-01", "upheld", false), 1, 1, 0, 0, 0)
                .add("reconsideration revoked for a procedural violation 2024-01-01",
                        reconsideration("2024-01-01", "revoked", true), 1, 0, 0, 0, 1)
                .add("litigation won 2024-12-31: the last day of the year",
                        litigation("2024-12-31", "won", false), 0, 0, 1, 1, 0)
                .add("litigation lost for a procedural violation 2024-12-31",
                        litigation("2024-12-31", "lost", true), 0, 0, 1, 0, 1)
                .add("litigation won 2025-01-01: the year after",
                        litigation("2025-01-01", "won", false), 0, 0, 0, 0, 0)
                .add("litigation lost for a procedural violation 2025-01-01",
                        litigation("2025-01-01", "lost", true), 0, 0, 0, 0, 0);
        cases.assertCounted(new CaseReviewFacts(), EvaluationPeriod.of(2024));
    }

    @Test
    void anAsOfDateInsideTheYearKeepsTheYearAsCohort() {
        //                                                  reconsiderations, upheld, litigations, won, procedural losses
        RecordCases cases = new RecordCases("case-reviews", TYPICAL, FACTS)
                .add("reconsideration upheld 2024-06-29", reconsideration("2024-06-29", "upheld", false), 1, 1, 0, 0, 0)
                .add("reconsideration upheld 2024-06-30: the as-of date itself",
                        reconsideration("2024-06-30", "upheld", false), 1, 1, 0, 0, 0)
                .add("reconsideration upheld 2024-07-01: after the as-of date, still decided in 2024",
                        reconsideration("2024-07-01", "upheld", false), 1, 1, 0, 0, 0)
                .add("litigation lost for a procedural violation 2024-06-30",
                        litigation("2024-06-30", "lost", true), 0, 0, 1, 0, 1)
                .add("litigation lost for a procedural violation 2024-07-01",
                        litigation("2024-07-01", "lost", true), 0, 0, 1, 0, 1)
                .add("reconsideration upheld 2024-12-31: the last day of the year",
                        reconsideration("2024-12-31", "upheld", false), 1, 1, 0, 0, 0)
                .add("reconsideration upheld 2025-01-01: the year after",
                        reconsideration("2025-01-01", "upheld", false), 0, 0, 0, 0, 0)
                .add("reconsideration upheld 2024-01-01", reconsideration("2024-01-01", "upheld", false), 1, 1, 0, 0, 0)
                .add("reconsideration upheld 2023-12-31", reconsideration("2023-12-31", "upheld", false), 0, 0, 0, 0, 0);
        cases.assertCounted(new CaseReviewFacts(), new EvaluationPeriod(2024, LocalDate.of(2024, 6, 30)));
    }

    @Test
    void anAsOfDateAfterTheYearKeepsTheYearAsCohort() {
        //                                                  reconsiderations, upheld, litigations, won, procedural losses
        RecordCases cases = new RecordCases("case-reviews", TYPICAL, FACTS)
                .add("litigation won 2024-12-31", litigation("2024-12-31", "won", false), 0, 0, 1, 1, 0)
                .add("litigation won 2025-01-01, before the as-of date 2025-03-31: not of 2024",
                        litigation("2025-01-01", "won", false), 0, 0, 0, 0, 0)
                .add("reconsideration revoked for a procedural violation 2025-01-01",
                        reconsideration("2025-01-01", "revoked", true), 0, 0, 0, 0, 0);
        cases.assertCounted(new CaseReviewFacts(), new EvaluationPeriod(2024, LocalDate.of(2025, 3, 31)));
    }

    @Test
    void outcomesAndProceduralViolations() {
        String day = "2024-06-14";
        //                                                  reconsiderations, upheld, litigations, won, procedural losses
        RecordCases cases = new RecordCases("case-reviews", TYPICAL, FACTS)
                .add("reconsideration upheld", reconsideration(day, "upheld", false), 1, 1, 0, 0, 0)
                .add("reconsideration upheld despite a procedural violation: no loss",
                        reconsideration(day, "upheld", true), 1, 1, 0, 0, 0)
                .add("reconsideration revoked, no procedural violation", reconsideration(day, "revoked", false), 1, 0, 0, 0, 0)
                .add("reconsideration revoked for a procedural violation", reconsideration(day, "revoked", true), 1, 0, 0, 0, 1)
                .add("reconsideration confirmed illegal, no procedural violation",
                        reconsideration(day, "confirmed_illegal", false), 1, 0, 0, 0, 0)
                .add("reconsideration confirmed illegal for a procedural violation",
                        reconsideration(day, "confirmed_illegal", true), 1, 0, 0, 0, 1)
                .add("reconsideration with another outcome and a procedural violation: no loss",
                        reconsideration(day, "other", true), 1, 0, 0, 0, 0)
                .add("reconsideration with outcome 'won': not upheld, not a won litigation",
                        reconsideration(day, "won", false), 1, 0, 0, 0, 0)
                .add("litigation won", litigation(day, "won", false), 0, 0, 1, 1, 0)
                .add("litigation won despite a procedural violation: no loss", litigation(day, "won", true), 0, 0, 1, 1, 0)
                .add("litigation lost, no procedural violation", litigation(day, "lost", false), 0, 0, 1, 0, 0)
                .add("litigation lost for a procedural violation", litigation(day, "lost", true), 0, 0, 1, 0, 1)
                .add("litigation confirmed illegal for a procedural violation",
                        litigation(day, "confirmed_illegal", true), 0, 0, 1, 0, 1)
                .add("litigation revoked for a procedural violation", litigation(day, "revoked", true), 0, 0, 1, 0, 1)
                .add("litigation with outcome 'upheld': not won, not an upheld reconsideration",
                        litigation(day, "upheld", false), 0, 0, 1, 0, 0)
                .add("litigation with another outcome and a procedural violation: no loss",
                        litigation(day, "other", true), 0, 0, 1, 0, 0);
        cases.assertCounted(new CaseReviewFacts(), EvaluationPeriod.of(2024));
    }
}
