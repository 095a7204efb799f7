package org.netmarket.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule types on their own; the 2022 edition's rules are tested in {@link ItemScorerTest}. */
class ScoringRuleTest {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private static ScoringRule.Steps band(String from, String to) {
        return new ScoringRule.Steps(List.of(
                new ScoringRule.Step(Criteria.against(Comparison.AT_LEAST, Ratio.parse(from)), ONE),
                new ScoringRule.Step(Criteria.against(Comparison.AT_LEAST, Ratio.parse(to)), TWO)));
    }

    @Test
    void stepsTakeTheHighestStepMetWhateverTheirOrder() {
        ScoringRule.Steps reversed = new ScoringRule.Steps(List.of(
                new ScoringRule.Step(Criteria.against(Comparison.AT_LEAST, Ratio.parse("0.15")), TWO),
                new ScoringRule.Step(Criteria.against(Comparison.AT_LEAST, Ratio.parse("0.08")), ONE)));
        assertEquals(0, TWO.compareTo(reversed.points(Measurement.of(Observation.of("s", Ratio.of(3, 20))))));
        assertEquals(0, ONE.compareTo(reversed.points(Measurement.of(Observation.of("s", Ratio.of(1, 10))))));
        assertEquals(0, TWO.compareTo(reversed.maxPoints()));
    }

    @Test
    void stepsJudgeOnlyTheHeadline() {
        // Headline 7% is below the band even though the second observation is 20%.
        Measurement m = Measurement.of(Observation.of("y", Ratio.of(7, 100)), Observation.of("z", Ratio.of(20, 100)));
        assertEquals(0, BigDecimal.ZERO.compareTo(band("0.08", "0.15").points(m)));
    }

    @Test
    void stepsNeedAStep() {
        assertThrows(IllegalArgumentException.class, () -> new ScoringRule.Steps(List.of()));
    }

    @Test
    void allPassNeedsEveryObservation() {
        ScoringRule.AllPass rule = new ScoringRule.AllPass(
                Criteria.against(Comparison.GREATER_THAN, Ratio.parse("0.9")), ONE, false);
        Observation good = Observation.of("a", Ratio.of(91, 100));
        Observation edge = Observation.of("b", Ratio.of(9, 10));
        assertEquals(0, ONE.compareTo(rule.points(Measurement.of(good, good))));
        assertEquals(0, BigDecimal.ZERO.compareTo(rule.points(Measurement.of(good, edge))));
        assertEquals(0, BigDecimal.ZERO.compareTo(rule.points(Measurement.of(edge, good))));
    }

    @Test
    void absentObservationsPassOnlyWhenTheRuleSaysSo() {
        Criterion c = Criteria.against(Comparison.GREATER_THAN, Ratio.parse("0.95"));
        Measurement bothAbsent = Measurement.of(Observation.absent("upheld_rate"), Observation.absent("won_rate"));
        assertEquals(0, ONE.compareTo(new ScoringRule.AllPass(c, ONE, true).points(bothAbsent)));
        assertEquals(0, BigDecimal.ZERO.compareTo(new ScoringRule.AllPass(c, ONE, false).points(bothAbsent)));
    }

    @Test
    void perObservationCountsPassingObservations() {
        ScoringRule.PerObservation rule = new ScoringRule.PerObservation(
                Criteria.againstComparison(Comparison.GREATER_THAN), ONE, 2);
        Observation above = Observation.against("2024", Ratio.parse("0.12"), Ratio.parse("0.11"));
        Observation equal = Observation.against("2023", Ratio.parse("0.11"), Ratio.parse("0.11"));
        assertEquals(0, TWO.compareTo(rule.points(Measurement.of(above, above))));
        assertEquals(0, ONE.compareTo(rule.points(Measurement.of(above, equal))));
        assertEquals(0, BigDecimal.ZERO.compareTo(rule.points(Measurement.of(equal, equal))));
        assertEquals(0, TWO.compareTo(rule.maxPoints()));
    }

    @Test
    void criterionWithoutThresholdComparesWithTheObservationsOwnValue() {
        Criterion c = Criteria.againstComparison(Comparison.GREATER_THAN);
        assertTrue(c.passes(Observation.against("x", Ratio.of(844, 1000), Ratio.parse("0.843"))));
        assertFalse(c.passes(Observation.against("x", Ratio.of(843, 1000), Ratio.parse("0.843"))));
        assertFalse(c.passes(Observation.absent("x")), "an absent observation never passes a criterion");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> c.passes(Observation.of("lonely", Ratio.of(1, 2))));
        assertTrue(e.getMessage().contains("lonely"), e.getMessage());
    }

    @Test
    void aThresholdTakesPrecedenceOverTheObservationsComparison() {
        Criterion c = Criteria.against(Comparison.GREATER_THAN, Ratio.parse("0.5"));
        assertTrue(c.passes(Observation.against("x", Ratio.of(6, 10), Ratio.parse("0.9"))));
    }
}
