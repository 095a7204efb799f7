package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.Facts;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.frac;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;
import static org.netmarket.rules.ItemStatus.NO_RECORDS;

/**
 * Item 18.1: upheld / reconsiderations and won / litigations decided in Y, both > 95%; a type
 * with no decided reviews counts as met, no decided review at all is no_records.
 */
class ReviewOutcomesTest {
    private static final ReviewOutcomes ITEM = new ReviewOutcomes();

    private static FactsBuilder reviews(long upheld, long reconsiderations, long won, long litigations) {
        return FactsBuilder.year(2024).delivered("case-reviews")
                .count(CITY, Facts.RECONSIDERATIONS_UPHELD, upheld).count(CITY, Facts.RECONSIDERATIONS, reconsiderations)
                .count(CITY, Facts.LITIGATIONS_WON, won).count(CITY, Facts.LITIGATIONS, litigations);
    }

    @Test
    void bothRates() {
        Measurement m = measure(ITEM, "18.1", reviews(20, 20, 21, 22).build(CITY));
        assertScored(m);
        assertObservation(m.observations().get(0), "upheld_rate", frac(20, 20), null);
        assertObservation(m.observations().get(1), "won_rate", frac(21, 22), null);
        assertPoints("18.1", "1", m); // 100% and 95.45%
        assertPoints("18.1", "0", measure(ITEM, "18.1", reviews(19, 20, 21, 22).build(CITY))); // upheld exactly 95%
    }

    @Test
    void aTypeWithoutDecidedReviewsCountsAsMet() {
        Measurement m = measure(ITEM, "18.1", reviews(24, 25, 0, 0).build(CITY));
        assertScored(m);
        Observation won = m.observations().get(1);
        assertEquals("won_rate", won.label());
        assertTrue(won.absent(), "no litigation decided");
        assertPoints("18.1", "1", m); // 96% and no litigation
        assertPoints("18.1", "0", measure(ITEM, "18.1", reviews(0, 0, 19, 20).build(CITY))); // none, and won 95%
    }

    /**
     * Rows, but no review of either type decided in the year: nothing in the rate's cohort, which
     * extracts.md makes no_records like no rows at all; one decided review of either type is enough
     * for the absent other type to count as met.
     */
    @Test
    void noReviewDecidedInTheYearIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "18.1", reviews(0, 0, 0, 0).build(CITY)),
                "no reconsideration or litigation of region " + CITY + " decided in 2024: nothing to count");
        assertPoints("18.1", "1", measure(ITEM, "18.1", reviews(1, 1, 0, 0).build(CITY)));
        assertPoints("18.1", "1", measure(ITEM, "18.1", reviews(0, 0, 1, 1).build(CITY)));
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "18.1", FactsBuilder.year(2024).build(CITY)), "case-reviews was not delivered");
    }

    @Test
    void aConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "18.1", reviews(0, 0, 0, 0).recordConflict("case-reviews", COUNTY_A).build(CITY)),
                "conflicting versions");
    }

    @Test
    void aRegionWithoutAnyReviewRowIsNoRecords() {
        // extracts.md: a delivered extract with no rows for the region gives its items no_records
        assertStatus(NO_RECORDS, measure(ITEM, "18.1", reviews(0, 0, 0, 0).noRows("case-reviews", CITY).build(CITY)),
                "case-reviews has no rows for region " + CITY);
    }
}
