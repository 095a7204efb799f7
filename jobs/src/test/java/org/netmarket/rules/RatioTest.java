package org.netmarket.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatioTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void threeTwentiethsEqualsFifteenHundredths() {
        Ratio share = Ratio.of(3, 20);
        Ratio threshold = Ratio.parse("0.15");
        assertEquals(0, share.compareTo(threshold), "3/20 is exactly 0.15");
        assertEquals(threshold, share);
        assertEquals(threshold.hashCode(), share.hashCode(), "equal ratios must hash alike");
    }

    @Test
    void oneFiftyOfAThousandIsExactlyFifteenPercent() {
        assertEquals(0, Ratio.of(150, 1000).compareTo(Ratio.parse("0.15")));
        assertTrue(Ratio.of(151, 1000).compareTo(Ratio.parse("0.15")) > 0);
        assertTrue(Ratio.of(149, 1000).compareTo(Ratio.parse("0.15")) < 0);
    }

    @Test
    void growthIsExactWhereBinaryFloatingPointIsNot() {
        // 15984 / 14400 = 1.11 exactly, so the growth is exactly 0.11. In doubles,
        // 15984.0 / 14400.0 - 1 = 0.1100000000000001, which would wrongly exceed 0.11.
        Ratio g = Ratio.growth(d("15984"), d("14400"));
        assertEquals(Ratio.parse("0.11"), g);
        assertTrue(g.compareTo(Ratio.parse("0.11")) <= 0);
        assertTrue(g.compareTo(Ratio.parse("0.11")) >= 0);
        assertTrue(Ratio.growth(d("15985"), d("14400")).compareTo(Ratio.parse("0.11")) > 0);
    }

    @Test
    void decimalSumsStayExact() {
        // 0.1 + 0.2 yuan is 0.3 yuan; as a share of 2 yuan that is exactly 0.15
        // (doubles give 0.15000000000000002).
        Ratio share = Ratio.of(d("0.1").add(d("0.2")), d("2"));
        assertEquals(Ratio.parse("0.15"), share);
        // 13/10 - 1 is exactly 0.3 (doubles give 0.30000000000000004).
        assertEquals(Ratio.parse("0.3"), Ratio.growth(d("13"), d("10")));
    }

    @Test
    void distinguishesValuesCloserThanADoubleCan() {
        // 1 + 1e-17 and 1 are the same double; the indicator system still has to tell them apart.
        assertTrue(Ratio.parse("1.00000000000000001").compareTo(Ratio.of(1)) > 0);
        assertTrue(Ratio.of(100000000000000001L, 100000000000000000L).compareTo(Ratio.of(1, 1)) > 0);
        assertTrue(Ratio.growth(d("100000000000000001"), d("100000000000000000")).compareTo(Ratio.of(0)) > 0,
                "a growth of 1e-17 is still growth");
        assertTrue(Ratio.of(843000000000000001L, 1000000000000000000L).compareTo(Ratio.parse("0.843")) > 0);
        assertTrue(Ratio.of(842999999999999999L, 1000000000000000000L).compareTo(Ratio.parse("0.843")) < 0);
    }

    @ParameterizedTest(name = "growth {0} over {1} = {2}")
    @CsvSource({
            "970, 1000, -0.03",
            "961, 1000, -0.039",
            "1000, 1000, 0",
            "0, 500, -1",
            "2000, 1000, 1"})
    void growthIsCurrentOverPreviousMinusOne(String current, String previous, String expected) {
        assertEquals(Ratio.parse(expected), Ratio.growth(d(current), d(previous)));
    }

    @Test
    void negativeGrowthComparesCorrectly() {
        // -3% is above the national -3.9%; -4% is below it.
        Ratio national = Ratio.parse("-0.039");
        assertTrue(Ratio.growth(d("970"), d("1000")).compareTo(national) > 0);
        assertTrue(Ratio.growth(d("960"), d("1000")).compareTo(national) < 0);
        assertEquals(national, Ratio.growth(d("961"), d("1000")));
    }

    @Test
    void crossMultipliesRatiosWithDifferentDenominators() {
        assertTrue(Ratio.of(2, 3).compareTo(Ratio.of(666, 1000)) > 0);
        assertTrue(Ratio.of(1, 3).compareTo(Ratio.of(333333, 1000000)) > 0);
        assertEquals(Ratio.of(1, 3), Ratio.of(7, 21));
        assertNotEquals(Ratio.of(1, 3), Ratio.parse("0.3333333333"), "differs beyond the display scale");
    }

    @Test
    void denominatorMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Ratio.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Ratio.of(1, -2));
        assertThrows(IllegalArgumentException.class, () -> Ratio.growth(d("5"), BigDecimal.ZERO),
                "a zero base has no growth");
    }

    @Test
    void parseTrimsAndKeepsTheLiteralExact() {
        assertEquals(Ratio.of(15, 100), Ratio.parse(" 0.15 "));
        assertThrows(NumberFormatException.class, () -> Ratio.parse("15%"));
    }

    @ParameterizedTest(name = "{0}/{1} displays as {2}")
    @CsvSource({
            "1, 3, 0.3333333333",
            "2, 3, 0.6666666667",
            "3, 20, 0.15",
            "150, 1000, 0.15",
            "0, 7, 0",
            "5, 1, 5"})
    void toDecimalIsRoundedForDisplay(long n, long den, String shown) {
        assertEquals(shown, Ratio.of(n, den).toDecimal().toPlainString());
    }

    @Test
    void toDecimalIsNotUsedToDecide() {
        // 1/3 and 0.3333333333 display alike but are different numbers.
        assertEquals(Ratio.of(1, 3).toDecimal(), Ratio.parse("0.3333333333").toDecimal());
        assertTrue(Ratio.of(1, 3).compareTo(Ratio.parse("0.3333333333")) > 0);
    }

    @Test
    void toStringShowsTheFraction() {
        assertEquals("3/20", Ratio.of(3, 20).toString());
        assertEquals("0.15", Ratio.parse("0.15").toString());
    }
}
