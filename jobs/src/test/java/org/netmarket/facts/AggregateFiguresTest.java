package org.netmarket.facts;

import org.junit.jupiter.api.Test;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.ReasonAssertions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.facts.FactsBuilder.COUNTY_B;
import static org.netmarket.facts.FactsBuilder.OTHER_CITY;
import static org.netmarket.facts.FactsBuilder.OTHER_COUNTY;
import static org.netmarket.facts.FactsBuilder.PROVINCE;
import static org.netmarket.facts.FactsBuilder.TREE;

/**
 * extracts.md, City-level figures: "a row for the region itself is used when present; otherwise the
 * sum over its children (for a month or year only when every child has a row for it)".
 * Tree: 330000 > {330100 > {330102, 330105}, 330200 > {330203}}.
 */
class AggregateFiguresTest {

    private static AggregateFigures express() {
        return new AggregateFigures("express", true, TREE);
    }

    private static void put(AggregateFigures a, String region, String period, String value) {
        a.put(region, period, "parcels", new BigDecimal(value));
    }

    private static void assertValue(String expected, Figure f) {
        assertTrue(f.isPresent(), () -> "expected " + expected + " but " + f.problem() + ": " + f.reason());
        assertEquals(0, new BigDecimal(expected).compareTo(f.value()), "expected " + expected + ", got " + f.value());
    }

    private static void assertProblem(ItemStatus expected, Figure f, String reasonPart) {
        assertEquals(expected, f.problem(), () -> "figure " + f);
        assertTrue(f.reason().en().contains(reasonPart), () -> "reason '" + f.reason() + "' should mention '" + reasonPart + "'");
        ReasonAssertions.assertSaysTheSameInChinese(f.reason());
    }

    // ---- own rows and sums over children ------------------------------------------------

    @Test
    void aRegionsOwnRowIsUsed() {
        AggregateFigures a = express();
        put(a, COUNTY_A, "2024-03", "1200");
        assertValue("1200", a.get(COUNTY_A, "2024-03", "parcels"));
    }

    @Test
    void aCityWithoutItsOwnRowIsTheSumOfItsCountiesWhenEveryCountyHasTheMonth() {
        AggregateFigures a = express();
        put(a, COUNTY_A, "2024-03", "1200");
        put(a, COUNTY_B, "2024-03", "800.5");
        assertValue("2000.5", a.get(CITY, "2024-03", "parcels"));
    }

    @Test
    void aCityIsMissingWhenOneCountyLacksTheMonth() {
        AggregateFigures a = express();
        put(a, COUNTY_A, "2024-03", "1200");
        put(a, COUNTY_B, "2024-04", "800");
        Figure f = a.get(CITY, "2024-03", "parcels");
        assertProblem(ItemStatus.MISSING_DATA, f, COUNTY_B);
        assertTrue(f.reason().en().contains(CITY) && f.reason().en().contains("2024-03"), f.reason().en());
        ReasonAssertions.assertSaysTheSameInChinese(f.reason());
    }

    @Test
    void aCitysOwnRowWinsOverTheSumOfItsCounties() {
        AggregateFigures a = express();
        put(a, CITY, "2024-03", "5000");
        put(a, COUNTY_A, "2024-03", "1200");
        put(a, COUNTY_B, "2024-03", "800");
        assertValue("5000", a.get(CITY, "2024-03", "parcels"));
    }

    @Test
    void aCitysOwnRowIsUsedEvenWhenACountyLacksTheMonth() {
        AggregateFigures a = express();
        put(a, CITY, "2024-03", "5000");
        put(a, COUNTY_A, "2024-03", "1200");
        assertValue("5000", a.get(CITY, "2024-03", "parcels"));
    }

    /** Which of a city's own figure and its counties' sum was scored is said: they may differ. */
    @Test
    void aFigureSaysWhetherItIsASumOfTheChildrensRows() {
        AggregateFigures a = express();
        put(a, COUNTY_A, "2024-03", "1200");
        put(a, COUNTY_B, "2024-03", "800");
        put(a, CITY, "2024-04", "5000");
        put(a, COUNTY_A, "2024-04", "1");
        put(a, COUNTY_B, "2024-04", "1");
        put(a, OTHER_CITY, "2024-04", "7");
        assertEquals(null, a.get(COUNTY_A, "2024-03", "parcels").summedFrom(), "a county's own row");
        assertEquals("express", a.get(CITY, "2024-03", "parcels").summedFrom(), "no row of the city's own");
        assertEquals(null, a.get(CITY, "2024-04", "parcels").summedFrom(), "the city's own row, though its counties have one");
        assertEquals("express", a.get(PROVINCE, "2024-04", "parcels").summedFrom(), "a province of its cities' figures");
        for (int m = 1; m <= 12; m++) {
            String month = String.format("2023-%02d", m);
            put(a, m == 12 ? CITY : COUNTY_A, month, "1");
            put(a, COUNTY_B, month, "1");
        }
        assertEquals("express", a.year(CITY, 2023, "parcels").summedFrom(), "eleven months summed, one its own");
        assertEquals(null, new AggregateFigures("express", true, TREE).get(CITY, "2023-01", "parcels").summedFrom(),
                "no rows at all: missing, not a sum");
    }

    @Test
    void sumsNestUpTheTree() {
        // Province = Hangzhou (sum of its counties) + Ningbo (own row; its county has none).
        AggregateFigures a = express();
        put(a, COUNTY_A, "2024", "10");
        put(a, COUNTY_B, "2024", "20");
        put(a, OTHER_CITY, "2024", "7");
        assertValue("37", a.get(PROVINCE, "2024", "parcels"));
        assertProblem(ItemStatus.MISSING_DATA, a.get(OTHER_COUNTY, "2024", "parcels"), OTHER_COUNTY);
    }

    @Test
    void decimalSumsOverCountiesAreExact() {
        AggregateFigures tax = new AggregateFigures("tax", true, TREE);
        tax.put(COUNTY_A, "2024", "ecommerce_tax_yuan", new BigDecimal("0.1"));
        tax.put(COUNTY_B, "2024", "ecommerce_tax_yuan", new BigDecimal("0.7"));
        assertValue("0.8", tax.get(CITY, "2024", "ecommerce_tax_yuan"));
    }

    @Test
    void aRowWithoutTheMeasureIsMissing() {
        AggregateFigures a = new AggregateFigures("retail", true, TREE);
        a.put(COUNTY_A, "2024-03", "online_retail_yuan", BigDecimal.TEN);
        assertProblem(ItemStatus.MISSING_DATA, a.get(COUNTY_A, "2024-03", "total_retail_yuan"), "total_retail_yuan");
    }

    @Test
    void notDeliveredIsMissingForEveryLookup() {
        AggregateFigures a = new AggregateFigures("express", false, TREE);
        a.put(COUNTY_A, "2024-03", "parcels", BigDecimal.TEN);
        assertProblem(ItemStatus.MISSING_DATA, a.get(COUNTY_A, "2024-03", "parcels"), "express was not delivered");
        assertProblem(ItemStatus.MISSING_DATA, a.year(COUNTY_A, 2024, "parcels"), "express was not delivered");
        assertProblem(ItemStatus.MISSING_DATA, a.latestOnOrBefore(COUNTY_A, LocalDate.of(2024, 12, 31), "parcels"),
                "express was not delivered");
    }

    // ---- conflicts ---------------------------------------------------------------------

    @Test
    void aConflictingRegionPeriodIsADataError() {
        AggregateFigures a = express();
        a.conflict(COUNTY_A, "2024-03");
        assertProblem(ItemStatus.DATA_ERROR, a.get(COUNTY_A, "2024-03", "parcels"), "conflicting");
    }

    @Test
    void aCountyInConflictMakesTheCitySumADataError() {
        AggregateFigures a = express();
        a.conflict(COUNTY_A, "2024-03");
        put(a, COUNTY_B, "2024-03", "800");
        assertEquals(ItemStatus.DATA_ERROR, a.get(CITY, "2024-03", "parcels").problem());
    }

    @Test
    void aCitysOwnRowIsUsedEvenWhenACountyIsInConflict() {
        AggregateFigures a = express();
        put(a, CITY, "2024-03", "5000");
        a.conflict(COUNTY_A, "2024-03");
        assertValue("5000", a.get(CITY, "2024-03", "parcels"));
    }

    @Test
    void aMissingCountyWinsOverAConflictingOneFirstInOrder() {
        // 330102 in conflict, 330105 without the month: both apply; missing_data comes first.
        AggregateFigures a = express();
        a.conflict(COUNTY_A, "2024-03");
        assertEquals(ItemStatus.MISSING_DATA, a.get(CITY, "2024-03", "parcels").problem());
    }

    @Test
    void aMissingCountyWinsOverAConflictingOneLastInOrder() {
        // 330102 without the month, 330105 in conflict.
        AggregateFigures a = express();
        a.conflict(COUNTY_B, "2024-03");
        assertEquals(ItemStatus.MISSING_DATA, a.get(CITY, "2024-03", "parcels").problem());
    }

    // ---- a county whose regions.csv row was set aside --------------------------------------

    /** {@link FactsBuilder#TREE} knowing 330101, a county of the city whose row regions.csv had but the run set aside (line 9). */
    private static final RegionTree WITH_A_COUNTY_SET_ASIDE = TREE.withSetAside(Map.of(CITY, Map.of("330101", 9L)));

    /** The province and the city alone: no county left in the tree. */
    private static final RegionTree WITHOUT_COUNTIES = new RegionTree(List.of(TREE.get(PROVINCE), TREE.get(CITY)));

    private static AggregateFigures expressWithACountySetAside() {
        return new AggregateFigures("express", true, WITH_A_COUNTY_SET_ASIDE);
    }

    @Test
    void aCitySummedWithoutACountySetAsideIsADataError() {
        AggregateFigures a = expressWithACountySetAside();
        put(a, COUNTY_A, "2024-03", "1200");
        put(a, COUNTY_B, "2024-03", "800");
        put(a, OTHER_CITY, "2024-03", "700");
        assertProblem(ItemStatus.DATA_ERROR, a.get(CITY, "2024-03", "parcels"), "express: regions.csv line 9 (region 330101, below "
                + CITY + ") was set aside");
        assertProblem(ItemStatus.DATA_ERROR, a.get(PROVINCE, "2024-03", "parcels"), "330101");
        assertValue("1200", a.get(COUNTY_A, "2024-03", "parcels"));
    }

    /** A city whose every county was set aside lacks its figure because of them: said so, not as a missing row. */
    @Test
    void aCityWhoseEveryCountyIsSetAsideIsADataErrorNamingThem() {
        AggregateFigures a = new AggregateFigures("express", true,
                WITHOUT_COUNTIES.withSetAside(Map.of(CITY, Map.of(COUNTY_A, 4L, COUNTY_B, 5L))));
        assertProblem(ItemStatus.DATA_ERROR, a.get(CITY, "2024-03", "parcels"), "express: regions.csv lines 4 (region " + COUNTY_A
                + ") and 5 (region " + COUNTY_B + "), below " + CITY);
        assertEquals(ItemStatus.MISSING_DATA, new AggregateFigures("express", true, WITHOUT_COUNTIES)
                .get(CITY, "2024-03", "parcels").problem(), "without counties set aside: missing");
    }

    /** A county in conflict and one set aside: both data errors; the conflict, found first, is said. */
    @Test
    void aCountyInConflictIsSaidBeforeACountySetAside() {
        AggregateFigures a = expressWithACountySetAside();
        a.conflict(COUNTY_A, "2024-03");
        put(a, COUNTY_B, "2024-03", "800");
        assertProblem(ItemStatus.DATA_ERROR, a.get(CITY, "2024-03", "parcels"), "conflicting");
    }

    @Test
    void aCitysOwnRowIsUsedEvenWhenACountyIsSetAside() {
        AggregateFigures a = expressWithACountySetAside();
        put(a, CITY, "2024-03", "5000");
        assertValue("5000", a.get(CITY, "2024-03", "parcels"));
    }

    @Test
    void aMissingCountyWinsOverACountySetAside() {
        AggregateFigures a = expressWithACountySetAside();
        put(a, COUNTY_A, "2024-03", "1200");
        assertEquals(ItemStatus.MISSING_DATA, a.get(CITY, "2024-03", "parcels").problem());
    }

    @Test
    void aCitysSnapshotSummedWithoutACountySetAsideIsADataError() {
        AggregateFigures a = new AggregateFigures("market-entities", true, WITH_A_COUNTY_SET_ASIDE);
        a.put(COUNTY_A, "2024-12-31", "market_entities", new BigDecimal("600"));
        a.put(COUNTY_B, "2024-12-31", "market_entities", new BigDecimal("400"));
        assertProblem(ItemStatus.DATA_ERROR, a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 31), "market_entities"),
                "region 330101, below " + CITY);
    }

    // ---- 12-month years ------------------------------------------------------------------

    private static void twelveMonths(AggregateFigures a, String region, int year, String each) {
        for (int m = 1; m <= 12; m++) {
            put(a, region, String.format("%04d-%02d", year, m), each);
        }
    }

    @Test
    void aYearIsTheSumOfItsTwelveMonths() {
        AggregateFigures a = express();
        twelveMonths(a, COUNTY_A, 2024, "100.25");
        assertValue("1203", a.year(COUNTY_A, 2024, "parcels"));
    }

    @Test
    void elevenMonthsAreAnIncompleteYear() {
        AggregateFigures a = express();
        for (int m = 1; m <= 12; m++) {
            if (m != 2) {
                put(a, COUNTY_A, String.format("2024-%02d", m), "100");
            }
        }
        Figure f = a.year(COUNTY_A, 2024, "parcels");
        assertProblem(ItemStatus.MISSING_DATA, f, "11 of 12 months of 2024");
        assertTrue(f.reason().en().contains("missing 2024-02"), f.reason().en());
        ReasonAssertions.assertSaysTheSameInChinese(f.reason());
    }

    /** A county added to regions.csv before its figures holds up the city's sum: the reason names it. */
    @Test
    void anIncompleteYearOfACitySummedFromItsCountiesNamesTheCountiesLackingMonths() {
        AggregateFigures a = express();
        twelveMonths(a, COUNTY_A, 2024, "100");
        put(a, COUNTY_B, "2024-01", "5");
        Figure city = a.year(CITY, 2024, "parcels");
        assertProblem(ItemStatus.MISSING_DATA, city, "has 1 of 12 months of 2024 (missing 2024-02, ");
        assertTrue(city.reason().en().endsWith("2024-12; without its own rows a month is the sum of its children's only when "
                + "every child has it: " + COUNTY_B + " lacks 11 of them)"), city.reason().en());
        assertTrue(city.reason().zh().startsWith("快递业务量数据（express）中地区 " + CITY + " 2024 年只有 1 个月的数据（缺 2024-02、"),
                city.reason().zh());
        assertTrue(city.reason().zh().endsWith("2024-12；本级没有数据时，某月须每个下级地区都有数据才能加总：" + COUNTY_B + " 缺 11 个月）"),
                city.reason().zh());
        // A month the city has its own row for is not summed: its children's lack of it is not counted.
        put(a, CITY, "2024-02", "105");
        Figure own = a.year(CITY, 2024, "parcels");
        assertTrue(own.reason().en().endsWith(COUNTY_B + " lacks 10 of them)"), "months 3-12 are still sums: " + own.reason());
        assertTrue(own.reason().en().contains("has 2 of 12 months"), own.reason().en());
        assertTrue(own.reason().zh().endsWith(COUNTY_B + " 缺 10 个月）"), own.reason().zh());
        // A county has no children to name.
        Figure county = a.year(COUNTY_B, 2024, "parcels");
        assertTrue(county.reason().en().endsWith("2024-12)"), county.reason().en());
        assertTrue(county.reason().zh().endsWith("2024-12）"), county.reason().zh());
    }

    @Test
    void aMonthInConflictMakesTheYearADataError() {
        AggregateFigures a = express();
        twelveMonths(a, COUNTY_A, 2024, "100");
        a.conflict(COUNTY_A, "2024-07");
        assertEquals(ItemStatus.DATA_ERROR, a.year(COUNTY_A, 2024, "parcels").problem());
    }

    @Test
    void aMissingMonthWinsOverAMonthInConflict() {
        AggregateFigures a = express();
        for (int m = 1; m <= 11; m++) {
            put(a, COUNTY_A, String.format("2024-%02d", m), "100");
        }
        a.conflict(COUNTY_A, "2024-03");
        assertEquals(ItemStatus.MISSING_DATA, a.year(COUNTY_A, 2024, "parcels").problem());
    }

    @Test
    void aCitysYearFromCountiesNeedsEveryCountyInEveryMonth() {
        AggregateFigures a = express();
        twelveMonths(a, COUNTY_A, 2024, "100");
        for (int m = 1; m <= 11; m++) {
            put(a, COUNTY_B, String.format("2024-%02d", m), "50");
        }
        assertProblem(ItemStatus.MISSING_DATA, a.year(CITY, 2024, "parcels"), "2024-12");
        AggregateFigures b = express();
        twelveMonths(b, COUNTY_A, 2024, "100");
        twelveMonths(b, COUNTY_B, 2024, "50");
        assertValue("1800", b.year(CITY, 2024, "parcels"));
    }

    // ---- snapshots: latest on or before the as-of date ----------------------------------

    @Test
    void theLatestSnapshotOnOrBeforeTheAsOfDateIsUsed() {
        AggregateFigures a = new AggregateFigures("market-entities", true, TREE);
        a.put(COUNTY_A, "2024-06-30", "market_entities", new BigDecimal("1000"));
        a.put(COUNTY_A, "2024-12-31", "market_entities", new BigDecimal("1200"));
        a.put(COUNTY_A, "2025-01-31", "market_entities", new BigDecimal("1300"));
        assertValue("1200", a.latestOnOrBefore(COUNTY_A, LocalDate.of(2024, 12, 31), "market_entities"));
        assertValue("1000", a.latestOnOrBefore(COUNTY_A, LocalDate.of(2024, 12, 30), "market_entities"));
        assertValue("1000", a.latestOnOrBefore(COUNTY_A, LocalDate.of(2024, 6, 30), "market_entities"));
        assertValue("1300", a.latestOnOrBefore(COUNTY_A, LocalDate.of(2025, 6, 30), "market_entities"));
        assertProblem(ItemStatus.MISSING_DATA, a.latestOnOrBefore(COUNTY_A, LocalDate.of(2024, 6, 29), "market_entities"),
                "on or before 2024-06-29");
    }

    @Test
    void aCitysSnapshotIsSummedFromCountiesAtTheSameDate() {
        AggregateFigures a = new AggregateFigures("market-entities", true, TREE);
        a.put(COUNTY_A, "2024-12-31", "market_entities", new BigDecimal("1000"));
        a.put(COUNTY_B, "2024-12-31", "market_entities", new BigDecimal("500"));
        assertValue("1500", a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 31), "market_entities"));
    }

    @Test
    void aCitysOwnSnapshotWinsOverTheSumAtTheSameDate() {
        AggregateFigures a = new AggregateFigures("market-entities", true, TREE);
        a.put(CITY, "2024-12-31", "market_entities", new BigDecimal("9000"));
        a.put(COUNTY_A, "2024-12-31", "market_entities", new BigDecimal("1000"));
        a.put(COUNTY_B, "2024-12-31", "market_entities", new BigDecimal("500"));
        assertValue("9000", a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 31), "market_entities"));
    }

    @Test
    void aCitysSnapshotSumsEachCountysLatestSnapshot() {
        // Counties report on days of their own: each county's latest row on or before the as-of
        // date goes into the city's sum.
        AggregateFigures a = new AggregateFigures("market-entities", true, TREE);
        a.put(COUNTY_A, "2024-06-30", "market_entities", new BigDecimal("900"));
        a.put(COUNTY_B, "2024-06-30", "market_entities", new BigDecimal("400"));
        a.put(COUNTY_A, "2024-12-31", "market_entities", new BigDecimal("1000"));
        a.put(COUNTY_B, "2024-12-30", "market_entities", new BigDecimal("500"));
        assertValue("1500", a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 31), "market_entities"));
        assertValue("1400", a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 30), "market_entities"));
        assertValue("1300", a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 29), "market_entities"));
        a.put(COUNTY_B, "2024-12-31", "market_entities", new BigDecimal("510"));
        assertValue("1510", a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 31), "market_entities"));
        a.conflict(COUNTY_A, "2024-12-31");
        assertEquals(ItemStatus.DATA_ERROR, a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 31), "market_entities").problem());
        assertValue("1400", a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 30), "market_entities"));
    }

    @Test
    void aCitysSnapshotIsMissingWhenACountyHasNoneByTheAsOfDate() {
        AggregateFigures a = new AggregateFigures("market-entities", true, TREE);
        a.put(COUNTY_A, "2024-12-31", "market_entities", new BigDecimal("1000"));
        a.put(COUNTY_B, "2025-01-31", "market_entities", new BigDecimal("500"));
        assertProblem(ItemStatus.MISSING_DATA, a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 31), "market_entities"),
                COUNTY_B + " lacks it");
        assertValue("1500", a.latestOnOrBefore(CITY, LocalDate.of(2025, 1, 31), "market_entities"));
        // A missing county wins over a conflicting one, as for months and years.
        a.conflict(COUNTY_A, "2024-12-31");
        assertEquals(ItemStatus.MISSING_DATA, a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 31), "market_entities").problem());
    }

    @Test
    void aCitysOwnSnapshotIsUsedEvenWhenItsCountiesReportedLater() {
        // "A row for the region itself is used when present": the city's own latest row on or
        // before the as-of date, however recent its counties' rows are.
        AggregateFigures a = new AggregateFigures("market-entities", true, TREE);
        a.put(CITY, "2024-06-30", "market_entities", new BigDecimal("9000"));
        a.put(COUNTY_A, "2024-12-31", "market_entities", new BigDecimal("1000"));
        a.put(COUNTY_B, "2024-12-31", "market_entities", new BigDecimal("500"));
        assertValue("9000", a.latestOnOrBefore(CITY, LocalDate.of(2024, 12, 31), "market_entities"));
        // Before its own first row the city is its counties' sum, and they have none yet.
        assertProblem(ItemStatus.MISSING_DATA, a.latestOnOrBefore(CITY, LocalDate.of(2024, 6, 29), "market_entities"),
                "on or before 2024-06-29");
        a.put(COUNTY_A, "2024-06-01", "market_entities", new BigDecimal("800"));
        a.put(COUNTY_B, "2024-06-02", "market_entities", new BigDecimal("300"));
        assertValue("1100", a.latestOnOrBefore(CITY, LocalDate.of(2024, 6, 29), "market_entities"));
    }

    @Test
    void theLatestSnapshotInConflictIsADataError() {
        AggregateFigures a = new AggregateFigures("platform-accounts", true, TREE);
        a.put(COUNTY_A, "2024-06-30", "platform_users", new BigDecimal("10"));
        a.conflict(COUNTY_A, "2024-12-31");
        assertEquals(ItemStatus.DATA_ERROR, a.latestOnOrBefore(COUNTY_A, LocalDate.of(2024, 12, 31), "platform_users").problem());
        assertValue("10", a.latestOnOrBefore(COUNTY_A, LocalDate.of(2024, 12, 30), "platform_users"));
    }
}
