package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.Facts;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Ratio;

import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;

/** Item 18.2: reviews of Y lost for procedural violations; 1 point if there are none. */
class ProceduralViolationLossesTest {
    private static final ProceduralViolationLosses ITEM = new ProceduralViolationLosses();

    private static Measurement withLosses(long n) {
        return measure(ITEM, "18.2", FactsBuilder.year(2024).delivered("case-reviews")
                .count(CITY, Facts.PROCEDURAL_LOSSES, n).count(CITY, Facts.RECONSIDERATIONS, 10).build(CITY));
    }

    @Test
    void noCaseScoresOneCaseDoesNot() {
        Measurement none = withLosses(0);
        assertScored(none);
        assertObservation(none.headline(), "cases", Ratio.of(0), null);
        assertPoints("18.2", "1", none);
        assertObservation(withLosses(1).headline(), "cases", Ratio.of(1), null);
        assertPoints("18.2", "0", withLosses(1));
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "18.2", FactsBuilder.year(2024).build(CITY)), "case-reviews was not delivered");
    }

    @Test
    void aConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "18.2", FactsBuilder.year(2024).delivered("case-reviews")
                .recordConflict("case-reviews", COUNTY_A).build(CITY)), "conflicting versions");
    }

    @Test
    void aRegionWithoutAnyReviewRowIsNoRecords() {
        assertStatus(org.netmarket.rules.ItemStatus.NO_RECORDS, measure(ITEM, "18.2", FactsBuilder.year(2024)
                .delivered("case-reviews").noRows("case-reviews", CITY).build(CITY)), "case-reviews has no rows");
    }
}
