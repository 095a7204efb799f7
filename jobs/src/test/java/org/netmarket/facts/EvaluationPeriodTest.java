package org.netmarket.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluationPeriodTest {

    @Test
    void theAsOfDateDefaultsToTheLastDayOfTheYear() {
        EvaluationPeriod p = EvaluationPeriod.of(2024);
        assertEquals(LocalDate.of(2024, 12, 31), p.asOf());
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), p.yearStart());
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 0), p.yearEnd());
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 0), p.asOfEnd(), "completions up to 2024-12-31 23:59:59 count");
    }

    @Test
    void anAsOfDateInsideTheYearCutsTheCompletionsButNotTheYear() {
        EvaluationPeriod p = new EvaluationPeriod(2024, LocalDate.of(2024, 6, 30));
        assertEquals(LocalDateTime.of(2024, 7, 1, 0, 0), p.asOfEnd());
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 0), p.yearEnd(), "the cohort is the records started in 2024");
    }

    @Test
    void anAsOfDateAfterTheYearKeepsTheWholeYearAsCohort() {
        EvaluationPeriod p = new EvaluationPeriod(2024, LocalDate.of(2025, 3, 31));
        assertEquals(LocalDateTime.of(2025, 4, 1, 0, 0), p.asOfEnd(), "completions until the as-of date count");
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 0), p.yearEnd());
    }
}
