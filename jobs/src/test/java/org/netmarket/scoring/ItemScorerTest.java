package org.netmarket.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netmarket.edition.EditionException;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.edition.TestEditions;
import org.netmarket.rules.Assessment;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;
import org.netmarket.rules.Reason;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every computed item of the real 2022 edition scored at, just below and just above each of its
 * boundaries. Expected points come from the wording of indicators.md: 超过/大于/高于 strict,
 * 达到/以上 inclusive, bands [a, b) -> 1 and >= b -> 2, "无" = none at all.
 */
class ItemScorerTest {
    private static final Edition EDITION = TestEditions.edition2022();

    // ---- builders ------------------------------------------------------------------------

    private static Ratio r(String decimal) {
        return Ratio.parse(decimal);
    }

    private static Ratio frac(long numerator, long denominator) {
        return Ratio.of(numerator, denominator);
    }

    private static Ratio growth(String current, String previous) {
        return Ratio.growth(new BigDecimal(current), new BigDecimal(previous));
    }

    /** A value with the fixed threshold of the edition as its bound. */
    private static Measurement value(Ratio v) {
        return Measurement.of(Observation.of("value", v));
    }

    private static Measurement values(Ratio a, Ratio b) {
        return Measurement.of(Observation.of("first", a), Observation.of("second", b));
    }

    /** The last two years, Y first, each against its comparison value. */
    private static Measurement years(Ratio y, String againstY, Ratio y1, String againstY1) {
        return Measurement.of(Observation.against("2024", y, r(againstY)), Observation.against("2023", y1, r(againstY1)));
    }

    private static Measurement againstNational(Ratio v, String national) {
        return Measurement.of(Observation.against("rate", v, r(national)));
    }

    /** Item 26.1: the ODR on-time close rate against a national 0.9, the settlement rate against 0.6. */
    private static Measurement odr(Ratio onTime, Ratio settled) {
        return Measurement.of(Observation.against("on_time_close_rate", onTime, r("0.9")),
                Observation.against("settlement_rate", settled, r("0.6")));
    }

    private static Arguments row(String item, String why, Measurement m, String expectedPoints) {
        return Arguments.of(item, why, m, new BigDecimal(expectedPoints));
    }

    private static void assertPoints(String item, String why, Measurement m, BigDecimal expected) {
        ItemScore s = ItemScorer.computed(EDITION.item(item), m);
        assertEquals(ItemStatus.SCORED, s.status(), "item " + item + ": " + why);
        assertEquals(0, expected.compareTo(s.points()),
                "item " + item + ": " + why + " -> expected " + expected + " points, got " + s.points());
    }

    // ---- items 1, 5: growth per year vs the national growth (超过, 1 per year) -------------------

    static Stream<Arguments> growthVsNational() {
        List<Arguments> rows = new ArrayList<>();
        for (String item : List.of("1", "5")) {
            rows.add(row(item, "15984/14400-1 is exactly 0.11, equal to national 0.11 in both years: not 超过",
                    years(growth("15984", "14400"), "0.11", growth("15984", "14400"), "0.11"), "0"));
            rows.add(row(item, "15985/14400-1 just above national 0.11 in Y only",
                    years(growth("15985", "14400"), "0.11", growth("15984", "14400"), "0.11"), "1"));
            rows.add(row(item, "just above national 0.11 in Y-1 only",
                    years(growth("15984", "14400"), "0.11", growth("15985", "14400"), "0.11"), "1"));
            rows.add(row(item, "15983/14400-1 just below national 0.11 in both years",
                    years(growth("15983", "14400"), "0.11", growth("15983", "14400"), "0.11"), "0"));
            rows.add(row(item, "above national in both years",
                    years(growth("15985", "14400"), "0.11", growth("120", "100"), "0.19"), "2"));
            rows.add(row(item, "13/10-1 is exactly 0.3 (binary: 0.30000000000000004) vs national 0.3",
                    years(growth("13", "10"), "0.3", growth("13", "10"), "0.3"), "0"));
            rows.add(row(item, "negative growth -3% beats national -3.9% in both years",
                    years(growth("970", "1000"), "-0.039", growth("970", "1000"), "-0.039"), "2"));
            rows.add(row(item, "negative growth 961/1000-1 = -3.9% equals national -3.9% in both years",
                    years(growth("961", "1000"), "-0.039", growth("961", "1000"), "-0.039"), "0"));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "item {0}: {1} -> {3}")
    @MethodSource("growthVsNational")
    void growthAgainstTheNationalRate(String item, String why, Measurement m, BigDecimal expected) {
        assertPoints(item, why, m, expected);
    }

    // ---- item 2: online growth vs the region's own total-retail growth (超过, per year) -----------

    static Stream<Arguments> onlineVsTotalGrowth() {
        // Total retail growth 111/100 - 1 = 0.11 exactly.
        String same = "0.11";
        return Stream.of(
                row("2", "online 15984/14400-1 = 0.11 equals total growth 0.11 in both years",
                        Measurement.of(Observation.against("2024", growth("15984", "14400"), growth("111", "100")),
                                Observation.against("2023", growth("15984", "14400"), growth("111", "100"))), "0"),
                row("2", "online just above total growth in Y, equal in Y-1",
                        years(growth("15985", "14400"), same, growth("15984", "14400"), same), "1"),
                row("2", "online just below total growth in both years",
                        years(growth("15983", "14400"), same, growth("15983", "14400"), same), "0"),
                row("2", "online above total growth in both years",
                        years(growth("15985", "14400"), same, growth("112", "100"), same), "2"),
                row("2", "online shrinks less than total: -1% vs -2%",
                        years(growth("99", "100"), "-0.02", growth("99", "100"), "-0.02"), "2"));
    }

    @ParameterizedTest(name = "item {0}: {1} -> {3}")
    @MethodSource("onlineVsTotalGrowth")
    void onlineGrowthAgainstTotalGrowth(String item, String why, Measurement m, BigDecimal expected) {
        assertPoints(item, why, m, expected);
    }

    // ---- item 6: online share of retail vs the national share (超过, per year) ----------------

    static Stream<Arguments> shareVsNational() {
        Ratio pointThreeOfTwo = Ratio.of(new BigDecimal("0.1").add(new BigDecimal("0.2")), new BigDecimal("2"));
        return Stream.of(
                row("6", "3/20 is exactly national 0.15 in both years", years(frac(3, 20), "0.15", frac(150, 1000), "0.15"), "0"),
                row("6", "(0.1+0.2)/2 is exactly 0.15 (binary 0.15000000000000002) vs 0.15",
                        years(pointThreeOfTwo, "0.15", pointThreeOfTwo, "0.15"), "0"),
                row("6", "151/1000 above 0.15 in Y only", years(frac(151, 1000), "0.15", frac(149, 1000), "0.15"), "1"),
                row("6", "above in Y-1 only", years(frac(149, 1000), "0.15", frac(151, 1000), "0.15"), "1"),
                row("6", "149/1000 below 0.15 in both years", years(frac(149, 1000), "0.15", frac(149, 1000), "0.15"), "0"),
                row("6", "above the national share in both years",
                        years(frac(2801, 10000), "0.28", frac(2701, 10000), "0.27"), "2"));
    }

    @ParameterizedTest(name = "item {0}: {1} -> {3}")
    @MethodSource("shareVsNational")
    void shareAgainstTheNationalShare(String item, String why, Measurement m, BigDecimal expected) {
        assertPoints(item, why, m, expected);
    }

    // ---- items 3, 7, 8, 9: bands [a, b) -> 1, >= b -> 2 (比值区间均含本数) ----------------------

    static Stream<Arguments> bands() {
        return Stream.of(
                // item 3: 8%-15%
                row("3", "0 operators", value(frac(0, 1000)), "0"),
                row("3", "79 of 1000 is below 8%", value(frac(79, 1000)), "0"),
                row("3", "7999 of 100000 is just below 8%", value(frac(7999, 100000)), "0"),
                row("3", "15% less 1e-18 stays in the lower band", value(frac(149999999999999999L, 1000000000000000000L)), "1"),
                row("3", "80 of 1000 is exactly 8%", value(frac(80, 1000)), "1"),
                row("3", "2 of 25 is exactly 8%", value(frac(2, 25)), "1"),
                row("3", "81 of 1000", value(frac(81, 1000)), "1"),
                row("3", "149 of 1000 is just below 15%", value(frac(149, 1000)), "1"),
                row("3", "150 of 1000 is exactly 15% and scores 2", value(frac(150, 1000)), "2"),
                row("3", "3 of 20 is exactly 15%", value(frac(3, 20)), "2"),
                row("3", "151 of 1000", value(frac(151, 1000)), "2"),
                // item 7: 3%-5%
                row("7", "299 of 10000 is below 3%", value(frac(299, 10000)), "0"),
                row("7", "300 of 10000 is exactly 3%", value(frac(300, 10000)), "1"),
                row("7", "301 of 10000", value(frac(301, 10000)), "1"),
                row("7", "499 of 10000 is below 5%", value(frac(499, 10000)), "1"),
                row("7", "1 of 20 is exactly 5%", value(frac(1, 20)), "2"),
                row("7", "501 of 10000", value(frac(501, 10000)), "2"),
                // item 8: 3%-5%, money with decimals
                row("8", "2.99 of 100 yuan", value(Ratio.of(new BigDecimal("2.99"), new BigDecimal("100"))), "0"),
                row("8", "3.3 of 110 yuan is exactly 3%", value(Ratio.of(new BigDecimal("3.3"), new BigDecimal("110"))), "1"),
                row("8", "3.01 of 100 yuan", value(Ratio.of(new BigDecimal("3.01"), new BigDecimal("100"))), "1"),
                row("8", "4.99 of 100 yuan", value(Ratio.of(new BigDecimal("4.99"), new BigDecimal("100"))), "1"),
                row("8", "(0.1+0.7) of 16 yuan is exactly 5% (binary: 0.049999999999999996)",
                        value(Ratio.of(new BigDecimal("0.1").add(new BigDecimal("0.7")), new BigDecimal("16"))), "2"),
                row("8", "5.01 of 100 yuan", value(Ratio.of(new BigDecimal("5.01"), new BigDecimal("100"))), "2"),
                // item 9: 30%-50%
                row("9", "299 of 1000 is below 30%", value(frac(299, 1000)), "0"),
                row("9", "3 of 10 is exactly 30%", value(frac(3, 10)), "1"),
                row("9", "301 of 1000", value(frac(301, 1000)), "1"),
                row("9", "499 of 1000 is below 50%", value(frac(499, 1000)), "1"),
                row("9", "1 of 2 is exactly 50%", value(frac(1, 2)), "2"),
                row("9", "501 of 1000", value(frac(501, 1000)), "2"),
                row("9", "every operator survived", value(frac(40, 40)), "2"));
    }

    @ParameterizedTest(name = "item {0}: {1} -> {3}")
    @MethodSource("bands")
    void bandsIncludeBothEnds(String item, String why, Measurement m, BigDecimal expected) {
        assertPoints(item, why, m, expected);
    }

    // ---- item 4: count of new above-scale operators (1 -> 1, >= 2 -> 2) ------------------------

    static Stream<Arguments> newAboveScale() {
        return Stream.of(
                row("4", "no new above-scale operator", value(Ratio.of(0)), "0"),
                row("4", "1 operator", value(Ratio.of(1)), "1"),
                row("4", "2 operators", value(Ratio.of(2)), "2"),
                row("4", "3 operators (at most 2 points)", value(Ratio.of(3)), "2"));
    }

    @ParameterizedTest(name = "item {0}: {1} -> {3}")
    @MethodSource("newAboveScale")
    void newAboveScaleOperators(String item, String why, Measurement m, BigDecimal expected) {
        assertPoints(item, why, m, expected);
    }

    // ---- single-rate items with a fixed threshold -----------------------------------------

    static Stream<Arguments> singleRates() {
        return Stream.of(
                // 11.1: users 超过 50% of staffed supervisors
                row("11.1", "5 users of 10 staff is exactly 50%", value(frac(5, 10)), "0"),
                row("11.1", "6 users of 10 staff", value(frac(6, 10)), "1"),
                row("11.1", "4 users of 10 staff", value(frac(4, 10)), "0"),
                row("11.1", "4 users of 7 staff exceed 3.5", value(frac(4, 7)), "1"),
                row("11.1", "3 users of 7 staff", value(frac(3, 7)), "0"),
                row("11.1", "499 users of 1000 staff is just below 50%", value(frac(499, 1000)), "0"),
                row("11.1", "500 users of 1000 staff is exactly 50%", value(frac(500, 1000)), "0"),
                row("11.1", "501 users of 1000 staff is just above 50%", value(frac(501, 1000)), "1"),
                row("11.1", "7 users of 14 staff is exactly 50%", value(frac(7, 14)), "0"),
                row("11.1", "50000000001 of 100000000000 exceeds 50% (0.5 when rounded to 10 decimals)",
                        value(frac(50000000001L, 100000000000L)), "1"),
                row("11.1", "49999999999 of 100000000000 is below 50% (0.5 when rounded to 10 decimals)",
                        value(frac(49999999999L, 100000000000L)), "0"),
                row("11.1", "500000000000000001 of 1000000000000000001 exceeds 50% (binary: 5e17/1e18 = 0.5)",
                        value(frac(500000000000000001L, 1000000000000000001L)), "1"),
                row("11.1", "500000000000000000 of 999999999999999999 exceeds 50% (binary: 0.5)",
                        value(frac(500000000000000000L, 999999999999999999L)), "1"),
                row("11.1", "499999999999999999 of 999999999999999999 is below 50% (binary: 0.5)",
                        value(frac(499999999999999999L, 999999999999999999L)), "0"),
                // 11.2: 达到 100%
                row("11.2", "20 of 20 identity claims completed", value(frac(20, 20)), "1"),
                row("11.2", "19 of 20 completed", value(frac(19, 20)), "0"),
                row("11.2", "999 of 1000 completed", value(frac(999, 1000)), "0"),
                row("11.2", "1 of 1 completed", value(frac(1, 1)), "1"),
                // 17.1: 大于 95%
                row("17.1", "19 of 20 is exactly 95%", value(frac(19, 20)), "0"),
                row("17.1", "95 of 100 is exactly 95%", value(frac(95, 100)), "0"),
                row("17.1", "1901 of 2000 is just above 95%", value(frac(1901, 2000)), "1"),
                row("17.1", "1899 of 2000 is just below 95%", value(frac(1899, 2000)), "0"),
                row("17.1", "all on time", value(frac(7, 7)), "1"),
                // 19.1 and 19.2: 大于 90%
                row("19.1", "9 of 10 is exactly 90%", value(frac(9, 10)), "0"),
                row("19.1", "901 of 1000", value(frac(901, 1000)), "1"),
                row("19.1", "899 of 1000", value(frac(899, 1000)), "0"),
                row("19.2", "90 of 100 is exactly 90%", value(frac(90, 100)), "0"),
                row("19.2", "91 of 100", value(frac(91, 100)), "1"),
                row("19.2", "89 of 100", value(frac(89, 100)), "0"),
                // 18.2: 无 — none at all
                row("18.2", "no case lost for procedural violations", value(Ratio.of(0)), "1"),
                row("18.2", "1 case", value(Ratio.of(1)), "0"),
                row("18.2", "2 cases", value(Ratio.of(2)), "0"));
    }

    @ParameterizedTest(name = "item {0}: {1} -> {3}")
    @MethodSource("singleRates")
    void singleRateItems(String item, String why, Measurement m, BigDecimal expected) {
        assertPoints(item, why, m, expected);
    }

    // ---- two-observation items: both must pass ---------------------------------------------

    static Stream<Arguments> bothMustPass() {
        return Stream.of(
                // 17.2: on time and completed, both 大于 90%
                row("17.2", "91% and 91%", values(frac(91, 100), frac(91, 100)), "1"),
                row("17.2", "on time exactly 90%", values(frac(90, 100), frac(91, 100)), "0"),
                row("17.2", "completed exactly 90%", values(frac(91, 100), frac(9, 10)), "0"),
                row("17.2", "89% on time, all completed", values(frac(89, 100), frac(1, 1)), "0"),
                row("17.2", "all on time, completed 899/1000 just below 90%", values(frac(1, 1), frac(899, 1000)), "0"),
                row("17.2", "90.1% and 90.1%", values(frac(901, 1000), frac(901, 1000)), "1"),
                // 25.1: initial review and close on time, both 超过 95%
                row("25.1", "96% and 96%", values(frac(96, 100), frac(96, 100)), "1"),
                row("25.1", "initial review exactly 95%", values(frac(95, 100), frac(1, 1)), "0"),
                row("25.1", "closed on time exactly 95%", values(frac(1, 1), frac(19, 20)), "0"),
                row("25.1", "95.1% and 95.1%", values(frac(951, 1000), frac(951, 1000)), "1"),
                row("25.1", "94.9% and 100%", values(frac(949, 1000), frac(1, 1)), "0"),
                row("25.1", "100% and closed on time 949/1000 just below 95%", values(frac(1, 1), frac(949, 1000)), "0"),
                // 38.2: coverage 达到 100% and everyone >= 50 hours
                row("38.2", "everyone trained, everyone at least 50 hours", values(frac(10, 10), frac(10, 10)), "1"),
                row("38.2", "one of 10 untrained", values(frac(9, 10), frac(9, 10)), "0"),
                row("38.2", "everyone trained, one below 50 hours", values(frac(10, 10), frac(9, 10)), "0"),
                row("38.2", "nobody trained", values(frac(0, 10), frac(0, 10)), "0"));
    }

    @ParameterizedTest(name = "item {0}: {1} -> {3}")
    @MethodSource("bothMustPass")
    void twoObservationItems(String item, String why, Measurement m, BigDecimal expected) {
        assertPoints(item, why, m, expected);
    }

    // ---- 18.1: upheld and won rates 超过 95%, a review type with no decided reviews counts as met --

    static Stream<Arguments> reviewOutcomes() {
        Observation noReconsiderations = Observation.absent("upheld_rate");
        Observation noLitigations = Observation.absent("won_rate");
        return Stream.of(
                // The rule alone: the item measures no_records before any rule when neither type
                // was decided in the year (ReviewOutcomesTest), a reading README gives.
                row("18.1", "the rule with both types absent", Measurement.of(noReconsiderations, noLitigations), "1"),
                row("18.1", "upheld 96%, no litigation",
                        Measurement.of(Observation.of("upheld_rate", frac(96, 100)), noLitigations), "1"),
                row("18.1", "no reconsideration, won 96%",
                        Measurement.of(noReconsiderations, Observation.of("won_rate", frac(96, 100))), "1"),
                row("18.1", "upheld exactly 95%, no litigation",
                        Measurement.of(Observation.of("upheld_rate", frac(95, 100)), noLitigations), "0"),
                row("18.1", "no reconsideration, won 19 of 20 = 95%",
                        Measurement.of(noReconsiderations, Observation.of("won_rate", frac(19, 20))), "0"),
                row("18.1", "upheld 949/1000 just below 95%, no litigation",
                        Measurement.of(Observation.of("upheld_rate", frac(949, 1000)), noLitigations), "0"),
                row("18.1", "no reconsideration, won 949/1000 just below 95%",
                        Measurement.of(noReconsiderations, Observation.of("won_rate", frac(949, 1000))), "0"),
                row("18.1", "upheld 96%, won exactly 95%",
                        Measurement.of(Observation.of("upheld_rate", frac(96, 100)), Observation.of("won_rate", frac(95, 100))), "0"),
                row("18.1", "upheld 21 of 22 (95.45%), won 1 of 1",
                        Measurement.of(Observation.of("upheld_rate", frac(21, 22)), Observation.of("won_rate", frac(1, 1))), "1"),
                row("18.1", "upheld 951/1000, won 951/1000",
                        Measurement.of(Observation.of("upheld_rate", frac(951, 1000)), Observation.of("won_rate", frac(951, 1000))), "1"));
    }

    @ParameterizedTest(name = "item {0}: {1} -> {3}")
    @MethodSource("reviewOutcomes")
    void reviewOutcomeRates(String item, String why, Measurement m, BigDecimal expected) {
        assertPoints(item, why, m, expected);
    }

    // ---- 25.2, 25.3, 26.1: against national rates (大于 / 高于 / 超过) ---------------------------

    static Stream<Arguments> nationalRates() {
        return Stream.of(
                row("25.2", "843 of 1000 equals national 0.843", againstNational(frac(843, 1000), "0.843"), "0"),
                row("25.2", "844 of 1000 above 0.843", againstNational(frac(844, 1000), "0.843"), "1"),
                row("25.2", "842 of 1000 below 0.843", againstNational(frac(842, 1000), "0.843"), "0"),
                row("25.2", "3 of 20 equals national 0.15", againstNational(frac(3, 20), "0.15"), "0"),
                row("25.2", "above national 0.843 by 1e-18 (the same double)",
                        againstNational(frac(843000000000000001L, 1000000000000000000L), "0.843"), "1"),
                row("25.2", "below national 0.843 by 1e-18 (the same double)",
                        againstNational(frac(842999999999999999L, 1000000000000000000L), "0.843"), "0"),
                row("25.3", "81 of 100 equals national 0.81", againstNational(frac(81, 100), "0.81"), "0"),
                row("25.3", "811 of 1000 above 0.81", againstNational(frac(811, 1000), "0.81"), "1"),
                row("25.3", "809 of 1000 below 0.81", againstNational(frac(809, 1000), "0.81"), "0"),
                row("26.1", "on-time 91% > 90% and settled 61% > 60%", odr(frac(91, 100), frac(61, 100)), "1"),
                row("26.1", "on-time 9/10 equals national 0.9", odr(frac(9, 10), frac(61, 100)), "0"),
                row("26.1", "settled 3/5 equals national 0.6", odr(frac(91, 100), frac(3, 5)), "0"),
                row("26.1", "both just above: on-time 901/1000 and settled 601/1000", odr(frac(901, 1000), frac(601, 1000)), "1"),
                row("26.1", "on-time 899/1000 just below 0.9, settled above", odr(frac(899, 1000), frac(601, 1000)), "0"),
                row("26.1", "settled 599/1000 just below 0.6, on-time above", odr(frac(901, 1000), frac(599, 1000)), "0"),
                row("26.1", "both just below", odr(frac(899, 1000), frac(599, 1000)), "0"));
    }

    @ParameterizedTest(name = "item {0}: {1} -> {3}")
    @MethodSource("nationalRates")
    void ratesAgainstNationalRates(String item, String why, Measurement m, BigDecimal expected) {
        assertPoints(item, why, m, expected);
    }

    // ---- the tables above cover every computed item of the edition ------------------------

    @Test
    void everyComputedItemHasABoundaryTable() {
        List<Supplier<Stream<Arguments>>> tables = List.of(ItemScorerTest::growthVsNational,
                ItemScorerTest::onlineVsTotalGrowth, ItemScorerTest::shareVsNational, ItemScorerTest::bands,
                ItemScorerTest::newAboveScale, ItemScorerTest::singleRates, ItemScorerTest::bothMustPass,
                ItemScorerTest::reviewOutcomes, ItemScorerTest::nationalRates);
        Set<String> covered = tables.stream().flatMap(Supplier::get).map(a -> (String) a.get()[0])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> computed = EDITION.computedItems().stream().map(Item::code).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "11.1", "11.2", "17.1", "17.2",
                "18.1", "18.2", "19.1", "19.2", "25.1", "25.2", "25.3", "26.1", "38.2")), computed);
        assertEquals(computed, covered);
    }

    // ---- statuses other than scored --------------------------------------------------------

    static Stream<Arguments> unscoredStatuses() {
        List<Arguments> rows = new ArrayList<>();
        for (Item item : EDITION.computedItems()) {
            for (ItemStatus s : List.of(ItemStatus.MISSING_DATA, ItemStatus.DATA_ERROR, ItemStatus.NO_RECORDS)) {
                rows.add(Arguments.of(item.code(), s));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "item {0} with {1} scores 0")
    @MethodSource("unscoredStatuses")
    void everyNonScoredStatusGivesZeroPoints(String code, ItemStatus status) {
        // Even observations that would pass every rule (a value far above any bound) are not scored.
        Observation great = Observation.against("v", Ratio.of(1000), Ratio.of(0));
        Reason reason = Reason.of("reason for " + code, "原因 " + code);
        Measurement m = Measurement.unscored(status, reason, List.of(great, great));
        ItemScore s = ItemScorer.computed(EDITION.item(code), m);
        assertEquals(status, s.status(), "item " + code);
        assertEquals(0, BigDecimal.ZERO.compareTo(s.points()), "item " + code + " with " + status);
        assertEquals(reason, s.reason());
        assertTrue(s.needsAttention());
        assertSame(m, s.measurement());
    }

    @Test
    void aScoredItemKeepsItsMeasurementAndNeedsNoAttention() {
        Measurement m = value(frac(150, 1000));
        ItemScore s = ItemScorer.computed(EDITION.item("3"), m);
        assertFalse(s.needsAttention());
        assertSame(m, s.measurement());
        assertNull(s.reason());
        assertEquals("3", s.code());
        assertEquals(0, new BigDecimal("2").compareTo(s.maxPoints()));
    }

    /** An edition whose rule scores two years while its parameters make the item measure three would exceed the maximum. */
    @Test
    void aPerObservationItemMeasuredAnotherNumberOfTimesThanItsRuleScoresIsTheEditionsError() {
        Measurement three = Measurement.of(Observation.against("2024", growth("120", "100"), r("0.1")),
                Observation.against("2023", growth("120", "100"), r("0.1")), Observation.against("2022", growth("120", "100"), r("0.1")));
        EditionException e = assertThrows(EditionException.class, () -> ItemScorer.computed(EDITION.item("1"), three));
        assertEquals("item 1 measured 3 observations but its edition's rule scores 2 (rule.per_observation.observations"
                + " and the item's parameters disagree)", e.getMessage());
        Measurement one = Measurement.of(Observation.against("2024", growth("120", "100"), r("0.1")));
        assertThrows(EditionException.class, () -> ItemScorer.computed(EDITION.item("1"), one), "its maximum out of reach");
    }

    @Test
    void unscoredDecidedBeforeMeasuring() {
        ItemScore s = ItemScorer.unscored(EDITION.item("17.1"), ItemStatus.DATA_ERROR,
                Reason.of("case-clues in conflict", "涉网案件线索（case-clues）有冲突"));
        assertEquals(ItemStatus.DATA_ERROR, s.status());
        assertEquals(0, BigDecimal.ZERO.compareTo(s.points()));
        assertEquals(ItemStatus.DATA_ERROR, s.measurement().status());
    }

    // ---- assessed items --------------------------------------------------------------------

    @Test
    void assessedItemTakesTheAssessmentsPoints() {
        Assessment a = new Assessment("33.1", new BigDecimal("2"), "People's Daily report", "panel",
                LocalDateTime.of(2025, 3, 1, 10, 0));
        ItemScore s = ItemScorer.assessed(EDITION.item("33.1"), a);
        assertEquals(ItemStatus.SCORED, s.status());
        assertEquals(0, new BigDecimal("2").compareTo(s.points()));
        assertSame(a, s.assessment());
    }

    @Test
    void assessedItemWithoutARowIsNotAssessed() {
        ItemScore s = ItemScorer.assessed(EDITION.item("10"), null);
        assertEquals(ItemStatus.NOT_ASSESSED, s.status());
        assertEquals(0, BigDecimal.ZERO.compareTo(s.points()));
        assertEquals(Reason.of("no assessment row for item 10", "没有第 10 项的评估打分记录"), s.reason());
        assertTrue(s.needsAttention());
    }

    @Test
    void anAssessedItemDecidedBeforeScoringHasNeitherMeasurementNorAssessment() {
        ItemScore s = ItemScorer.unscored(EDITION.item("10"), ItemStatus.MISSING_DATA, Reason.of("not delivered", "未报送"));
        assertEquals(ItemStatus.MISSING_DATA, s.status());
        assertEquals(0, BigDecimal.ZERO.compareTo(s.points()));
        assertNull(s.measurement(), "an assessed item has no measurement");
        assertNull(s.assessment());
    }

    @Test
    void computedAndAssessedAreNotMixedUp() {
        assertThrows(IllegalArgumentException.class, () -> ItemScorer.computed(EDITION.item("10"), value(Ratio.of(1))));
        assertThrows(IllegalArgumentException.class, () -> ItemScorer.assessed(EDITION.item("3"), null));
    }
}
