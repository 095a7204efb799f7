package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.Facts;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

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

/** Item 25.1: complaints of Y (both channels), initial review on time and closed on time; both > 95%. */
class ComplaintTimelinessTest {
    private static final ComplaintTimeliness ITEM = new ComplaintTimeliness();

    private static FactsBuilder complaints(long reviewedOnTime, long closedOnTime, long all) {
        return FactsBuilder.year(2024).delivered("complaints")
                .count(CITY, Facts.COMPLAINTS_REVIEWED_ON_TIME, reviewedOnTime)
                .count(CITY, Facts.COMPLAINTS_CLOSED_ON_TIME, closedOnTime)
                .count(CITY, Facts.COMPLAINTS, all);
    }

    @Test
    void bothRatesOverAllComplaints() {
        Measurement m = measure(ITEM, "25.1", complaints(96, 97, 100).build(CITY));
        assertScored(m);
        assertObservation(m.observations().get(0), "initial_review_on_time_rate", frac(96, 100), null);
        assertObservation(m.observations().get(1), "closed_on_time_rate", frac(97, 100), null);
        assertPoints("25.1", "1", m);
        assertPoints("25.1", "0", measure(ITEM, "25.1", complaints(95, 100, 100).build(CITY)));
        assertPoints("25.1", "0", measure(ITEM, "25.1", complaints(100, 95, 100).build(CITY)));
    }

    @Test
    void noComplaintsIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "25.1", complaints(0, 0, 0).build(CITY)), "no complaints received in 2024");
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "25.1", FactsBuilder.year(2024).build(CITY)), "complaints was not delivered");
    }

    @Test
    void aConflictWinsOverNoRecords() {
        assertStatus(DATA_ERROR, measure(ITEM, "25.1", complaints(0, 0, 0).recordConflict("complaints", COUNTY_A).build(CITY)),
                "conflicting versions");
    }
}
