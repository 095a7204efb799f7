package org.netmarket.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures an observation is published and printed with, as its rule judges it. */
class JudgedObservationTest {
    /** 19.2's rule: more than 90% completed, 1 point. */
    private static final ScoringRule ABOVE_90 = new ScoringRule.AllPass(
            Criteria.against(Comparison.GREATER_THAN, Ratio.parse("0.9")), BigDecimal.ONE, false);
    /** 18.1's rule: a review type with no decided reviews counts as met. */
    private static final ScoringRule ABOVE_95_ABSENT_MET = new ScoringRule.AllPass(
            Criteria.against(Comparison.GREATER_THAN, Ratio.parse("0.95")), BigDecimal.ONE, true);

    @Test
    void aRatioHasItsNumeratorDenominatorComparisonAndVerdict() {
        JudgedObservation j = JudgedObservation.of(Observation.of("completion_rate", Ratio.of(32, 36)), ABOVE_90);
        assertEquals("completion_rate", j.label());
        assertEquals(0, new BigDecimal("0.8888888889").compareTo(j.value()), j.value().toPlainString());
        assertEquals(new BigDecimal("32"), j.numerator());
        assertEquals(new BigDecimal("36"), j.denominator());
        assertEquals(0, new BigDecimal("0.9").compareTo(j.comparison()));
        assertEquals(Boolean.FALSE, j.met(), "32/36 is not above 90%");
        assertEquals(Boolean.TRUE, JudgedObservation.of(Observation.of("completion_rate", Ratio.of(33, 36)), ABOVE_90).met());
    }

    @Test
    void aSumsZerosAreNotPublished() {
        JudgedObservation j = JudgedObservation.of(Observation.of("2024", Ratio.of(new BigDecimal("277648566.920000000000"),
                new BigDecimal("3051083152.930000000000"))), ABOVE_90);
        assertEquals("277648566.92", j.numerator().toPlainString());
        assertEquals("3051083152.93", j.denominator().toPlainString());
    }

    @Test
    void aCountHasNoNumeratorOrDenominator() {
        JudgedObservation j = JudgedObservation.of(Observation.count("operators", 5), ABOVE_90);
        assertEquals(0, new BigDecimal(5).compareTo(j.value()));
        assertNull(j.numerator());
        assertNull(j.denominator());
    }

    @Test
    void nothingMeasuredHasNoValueAndTheVerdictTheRuleGivesIt() {
        JudgedObservation j = JudgedObservation.of(Observation.absent("won_rate"), ABOVE_95_ABSENT_MET);
        assertTrue(j.absent());
        assertNull(j.value());
        assertNull(j.numerator());
        assertEquals(Boolean.TRUE, j.met(), "no litigation decided counts as met");
    }
}
