package org.netmarket.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "超过, GREATER_THAN",
            "大于, GREATER_THAN",
            "高于, GREATER_THAN",
            "greater_than, GREATER_THAN",
            "达到, AT_LEAST",
            "以上, AT_LEAST",
            "at_least, AT_LEAST",
            "reaches, AT_LEAST",
            "无, AT_MOST",
            "at_most, AT_MOST",
            "' Greater_Than ', GREATER_THAN"})
    void readsTheWordsOfTheIndicatorSystem(String word, Comparison expected) {
        assertEquals(expected, Comparison.fromWord(word));
    }

    @ParameterizedTest
    @ValueSource(strings = {"超出", "more", "", "=="})
    void rejectsUnknownWords(String word) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Comparison.fromWord(word));
        assertTrue(e.getMessage().contains("unknown comparison word '" + word + "'"), e.getMessage());
    }

    // value, bound, >, >=, <=   (超过 strict; 达到/以上 inclusive; 无 = at most)
    @ParameterizedTest(name = "{0} vs {1}: > {2}, >= {3}, <= {4}")
    @CsvSource({
            "0.15, 0.15, false, true, true",
            "0.1500000001, 0.15, true, true, false",
            "0.1499999999, 0.15, false, false, true",
            "-0.03, -0.039, true, true, false",
            "0, 0, false, true, true",
            "1, 0, true, true, false"})
    void decidesBoundariesExactly(String value, String bound, boolean gt, boolean ge, boolean le) {
        Ratio v = Ratio.parse(value);
        Ratio b = Ratio.parse(bound);
        assertEquals(gt, Comparison.GREATER_THAN.holds(v, b), value + " > " + bound);
        assertEquals(ge, Comparison.AT_LEAST.holds(v, b), value + " >= " + bound);
        assertEquals(le, Comparison.AT_MOST.holds(v, b), value + " <= " + bound);
    }

    @ParameterizedTest(name = "{0}/{1} vs {2}")
    @CsvSource({"3, 20, 0.15", "150, 1000, 0.15", "9, 10, 0.9", "19, 20, 0.95"})
    void aFractionEqualToTheThresholdDoesNotExceedIt(long n, long d, String threshold) {
        assertFalse(Comparison.GREATER_THAN.holds(Ratio.of(n, d), Ratio.parse(threshold)), n + "/" + d + " > " + threshold);
        assertTrue(Comparison.AT_LEAST.holds(Ratio.of(n, d), Ratio.parse(threshold)), n + "/" + d + " >= " + threshold);
    }
}
