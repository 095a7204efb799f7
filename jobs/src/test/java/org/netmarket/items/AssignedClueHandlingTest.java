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
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;
import static org.netmarket.rules.ItemStatus.NO_RECORDS;

/** Item 17.2: superior_assigned clues of Y, on time by verified_at and completed by closed_at; both > 90%. */
class AssignedClueHandlingTest {
    private static final AssignedClueHandling ITEM = new AssignedClueHandling();

    private static FactsBuilder clues(long onTime, long closed, long all) {
        return FactsBuilder.year(2024).delivered("case-clues")
                .count(CITY, Facts.ASSIGNED_CLUES_VERIFIED_ON_TIME, onTime).count(CITY, Facts.ASSIGNED_CLUES_CLOSED, closed)
                .count(CITY, Facts.ASSIGNED_CLUES, all)
                .count(CITY, Facts.REPORT_CLUES, 3).count(CITY, Facts.REPORT_CLUES_VERIFIED_ON_TIME, 0);
    }

    @Test
    void bothRatesAreObserved() {
        Measurement m = measure(ITEM, "17.2", clues(91, 92, 100).build(CITY));
        assertScored(m);
        assertEquals(2, m.observations().size());
        assertObservation(m.observations().get(0), "on_time_rate", frac(91, 100), null);
        assertObservation(m.observations().get(1), "completion_rate", frac(92, 100), null);
        assertPoints("17.2", "1", m);
    }

    @Test
    void bothMustExceedNinetyPercent() {
        assertPoints("17.2", "0", measure(ITEM, "17.2", clues(90, 100, 100).build(CITY)));
        assertPoints("17.2", "0", measure(ITEM, "17.2", clues(100, 90, 100).build(CITY)));
    }

    @Test
    void noAssignedCluesIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "17.2", clues(0, 0, 0).build(CITY)), "no superior-assigned clues received in 2024");
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "17.2", FactsBuilder.year(2024).build(CITY)), "case-clues was not delivered");
    }

    @Test
    void aConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "17.2", clues(91, 92, 100).recordConflict("case-clues", COUNTY_A).build(CITY)),
                "conflicting versions");
    }
}
