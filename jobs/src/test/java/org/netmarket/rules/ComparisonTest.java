package org.netmarket.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "greater_than, GREATER_THAN",
            "at_least, AT_LEAST",
            "at_most, AT_MOST",
            "' Greater_Than ', GREATER_THAN"})
    void readsTheKeysEveryEditionMayWrite(String key, Comparison expected) {
        assertEquals(Optional.of(expected), Comparison.fromKey(key));
        assertEquals(key.trim().toLowerCase(Locale.ROOT), expected.key());
    }

    /** The words are the edition's (comparison_words), so no word of the 2022 edition is known here. */
    @ParameterizedTest
    @ValueSource(strings = {"超过", "以上", "无", "reaches", ">=", "", "at-least"})
    void knowsNoWordsOnlyKeys(String word) {
        assertEquals(Optional.empty(), Comparison.fromKey(word));
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
