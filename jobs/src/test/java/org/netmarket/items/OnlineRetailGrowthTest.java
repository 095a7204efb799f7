package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.facts.FactsBuilder.COUNTY_B;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.items.ItemTesting.r;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;

/**
 * Item 1: g(t) = online_retail(t)/online_retail(t-1) - 1 for t = 2023, 2024 (12-month years)
 * against the national online_retail_growth_rate(t); 1 point per year with g > national.
 */
class OnlineRetailGrowthTest {
    private static final OnlineRetailGrowth ITEM = new OnlineRetailGrowth();
    private static final String METRIC = "online_retail_growth_rate";

    /** 2022: 12000, 2023: 14400 (+20%), 2024: 15984 (+11% exactly); national 19% and 11%. */
    private static FactsBuilder facts() {
        return FactsBuilder.year(2024)
                .yearOfMonths("retail", COUNTY_A, 2022, "online_retail_yuan", "12000")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "14400")
                .yearOfMonths("retail", COUNTY_A, 2024, "online_retail_yuan", "15984")
                .national(2023, METRIC, "0.19")
                .national(2024, METRIC, "0.11");
    }

    @Test
    void growthOfEachOfTheLastTwoYearsAgainstTheNationalRate() {
        Measurement m = measure(ITEM, "1", facts().build(COUNTY_A));
        assertScored(m);
        assertEquals(2, m.observations().size());
        // 15984/14400 - 1 = 0.11 exactly (doubles: 0.1100000000000001); 14400/12000 - 1 = 0.2.
        assertObservation(m.observations().get(0), "2024", r("0.11"), r("0.11"));
        assertObservation(m.observations().get(1), "2023", r("0.2"), r("0.19"));
        // 2024 equals the national rate (not 超过), 2023 exceeds it: 1 point.
        assertPoints("1", "1", m);
        assertEquals(List.of("retail", "national"), ITEM.extracts());
    }

    @Test
    void negativeGrowthAboveANegativeNationalRateScores() {
        // 2024: 13968/14400 - 1 = -0.03 > -0.039.
        Measurement m = measure(ITEM, "1", FactsBuilder.year(2024)
                .yearOfMonths("retail", COUNTY_A, 2022, "online_retail_yuan", "12000")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "14400")
                .yearOfMonths("retail", COUNTY_A, 2024, "online_retail_yuan", "13968")
                .national(2023, METRIC, "0.2").national(2024, METRIC, "-0.039").build(COUNTY_A));
        assertObservation(m.observations().get(0), "2024", r("-0.03"), r("-0.039"));
        assertPoints("1", "1", m);
    }

    @Test
    void aCityWithoutRowsIsMeasuredOnTheSumOfItsCounties() {
        // The counties grow differently (A: +25% then 0; B: +17.5% then +16.85%), so that only the
        // growth of the sums, 14400/12000 - 1 and 15984/14400 - 1, gives 0.2 and 0.11: one county
        // alone or the mean of the counties' growths would not.
        Measurement m = measure(ITEM, "1", FactsBuilder.year(2024).national(2023, METRIC, "0.19").national(2024, METRIC, "0.1")
                .yearOfMonths("retail", COUNTY_A, 2022, "online_retail_yuan", "4000")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "5000")
                .yearOfMonths("retail", COUNTY_A, 2024, "online_retail_yuan", "5000")
                .yearOfMonths("retail", COUNTY_B, 2022, "online_retail_yuan", "8000")
                .yearOfMonths("retail", COUNTY_B, 2023, "online_retail_yuan", "9400")
                .yearOfMonths("retail", COUNTY_B, 2024, "online_retail_yuan", "10984")
                .build(CITY));
        assertScored(m);
        assertObservation(m.observations().get(0), "2024", r("0.11"), r("0.1"));
        assertObservation(m.observations().get(1), "2023", r("0.2"), r("0.19"));
        assertEquals(0, new BigDecimal("1584").compareTo(m.observations().get(0).value().numerator()), "2024 numerator: 15984 - 14400");
        assertEquals(0, new BigDecimal("14400").compareTo(m.observations().get(0).value().denominator()), "2024 denominator: the 2023 sum");
        assertEquals(Map.of("summed_from_children", "retail"), m.basis(), "the city had no rows of its own");
        assertPoints("1", "2", m);
    }

    @Test
    void elevenMonthsOfAYearAreMissingData() {
        FactsBuilder b = FactsBuilder.year(2024)
                .months("retail", COUNTY_A, 2022, "online_retail_yuan", "1000", "1000", "1000", "1000", "1000", "1000",
                        "1000", "1000", "1000", "1000", "1000")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "14400")
                .yearOfMonths("retail", COUNTY_A, 2024, "online_retail_yuan", "15984")
                .national(2023, METRIC, "0.19").national(2024, METRIC, "0.11");
        Measurement m = measure(ITEM, "1", b.build(COUNTY_A));
        assertStatus(MISSING_DATA, m, "11 of 12 months of 2022");
        assertPoints("1", "0", m);
    }

    @Test
    void aZeroBaseYearIsADataError() {
        Measurement m = measure(ITEM, "1", FactsBuilder.year(2024)
                .yearOfMonths("retail", COUNTY_A, 2022, "online_retail_yuan", "0")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "14400")
                .yearOfMonths("retail", COUNTY_A, 2024, "online_retail_yuan", "15984")
                .national(2023, METRIC, "0.19").national(2024, METRIC, "0.11").build(COUNTY_A));
        assertStatus(DATA_ERROR, m, "online retail of 2022 is 0");
        assertEquals("2022 年网络零售额为 0，增长率没有基数", m.reason().zh());
    }

    @Test
    void aMissingNationalRateIsMissingData() {
        Measurement m = measure(ITEM, "1", FactsBuilder.year(2024)
                .yearOfMonths("retail", COUNTY_A, 2022, "online_retail_yuan", "12000")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "14400")
                .yearOfMonths("retail", COUNTY_A, 2024, "online_retail_yuan", "15984")
                .national(2024, METRIC, "0.11").build(COUNTY_A));
        assertStatus(MISSING_DATA, m, "online_retail_growth_rate for 2023");
    }

    @Test
    void nationalFiguresNotDeliveredAreMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "1", facts().nationalNotDelivered().build(COUNTY_A)),
                "national figures were not delivered");
    }

    @Test
    void retailNotDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "1", facts().notDelivered("retail").build(COUNTY_A)), "retail was not delivered");
    }

    @Test
    void aMonthInConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "1", facts().aggregateConflict("retail", COUNTY_A, "2023-05").build(COUNTY_A)),
                "2023-05");
    }

    @Test
    void missingDataWinsOverAConflict() {
        Measurement m = measure(ITEM, "1", FactsBuilder.year(2024)
                .yearOfMonths("retail", COUNTY_A, 2022, "online_retail_yuan", "12000")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "14400")
                .months("retail", COUNTY_A, 2024, "online_retail_yuan", "1", "1", "1")         // 3 months
                .aggregateConflict("retail", COUNTY_A, "2023-05")                              // conflict
                .national(2023, METRIC, "0.19").national(2024, METRIC, "0.11").build(COUNTY_A));
        assertStatus(MISSING_DATA, m, "3 of 12 months of 2024");
        assertStatus(MISSING_DATA, m, "conflicting versions for region 330102, 2023-05");
    }
}
