package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.Facts;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.frac;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.items.ItemTesting.r;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;
import static org.netmarket.rules.ItemStatus.NO_RECORDS;

/**
 * Item 26.1: ODR complaints of Y, on-time close rate against the national odr_on_time_close_rate
 * and settled / closed against the national odr_settlement_rate; 1 if both greater.
 */
class OdrPerformanceTest {
    private static final OdrPerformance ITEM = new OdrPerformance();

    private static FactsBuilder odr(long onTime, long all, long settled, long closed) {
        return FactsBuilder.year(2024).delivered("complaints")
                .count(CITY, Facts.ODR_CLOSED_ON_TIME, onTime).count(CITY, Facts.ODR_COMPLAINTS, all)
                .count(CITY, Facts.ODR_SETTLED, settled).count(CITY, Facts.ODR_CLOSED, closed)
                .count(CITY, Facts.COMPLAINTS, 900).count(CITY, Facts.COMPLAINTS_CLOSED_ON_TIME, 1)
                .national(2024, "odr_on_time_close_rate", "0.9")
                .national(2024, "odr_settlement_rate", "0.6");
    }

    @Test
    void bothRatesAgainstTheirNationalRates() {
        Measurement m = measure(ITEM, "26.1", odr(91, 100, 58, 95).build(CITY));
        assertScored(m);
        assertEquals(2, m.observations().size());
        assertObservation(m.observations().get(0), "on_time_close_rate", frac(91, 100), r("0.9"));
        assertObservation(m.observations().get(1), "settlement_rate", frac(58, 95), r("0.6")); // 0.6105...
        assertPoints("26.1", "1", m);
    }

    @Test
    void eachRateEqualToItsNationalRateFails() {
        assertPoints("26.1", "0", measure(ITEM, "26.1", odr(90, 100, 58, 95).build(CITY)));  // on time exactly 0.9
        assertPoints("26.1", "0", measure(ITEM, "26.1", odr(91, 100, 57, 95).build(CITY)));  // settled 57/95 = 0.6
    }

    @Test
    void eachRateJustBelowItsNationalRateFailsBesideTheOtherAbove() {
        assertPoints("26.1", "0", measure(ITEM, "26.1", odr(899, 1000, 58, 95).build(CITY)));  // on time 0.899
        assertPoints("26.1", "0", measure(ITEM, "26.1", odr(91, 100, 599, 1000).build(CITY))); // settled 0.599
        assertPoints("26.1", "1", measure(ITEM, "26.1", odr(901, 1000, 601, 1000).build(CITY))); // both just above
    }

    @Test
    void noOdrComplaintsIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "26.1", odr(0, 0, 0, 0).build(CITY)), "no ODR complaints received in 2024");
    }

    @Test
    void noClosedOdrComplaintsIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "26.1", odr(0, 12, 0, 0).build(CITY)), "no closed ODR complaints of 2024");
    }

    @Test
    void eitherNationalRateMissingIsMissingData() {
        Measurement m = measure(ITEM, "26.1", FactsBuilder.year(2024).delivered("complaints")
                .count(CITY, Facts.ODR_COMPLAINTS, 10).count(CITY, Facts.ODR_CLOSED, 10)
                .national(2024, "odr_on_time_close_rate", "0.9").build(CITY));
        assertStatus(MISSING_DATA, m, "odr_settlement_rate for 2024");
    }

    @Test
    void aMissingNationalRateWinsOverNoRecords() {
        assertStatus(MISSING_DATA, measure(ITEM, "26.1", FactsBuilder.year(2024).delivered("complaints").build(CITY)),
                "odr_on_time_close_rate for 2024");
    }

    @Test
    void aConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "26.1", odr(91, 100, 58, 95).recordConflict("complaints", COUNTY_A).build(CITY)),
                "conflicting versions");
    }
}
