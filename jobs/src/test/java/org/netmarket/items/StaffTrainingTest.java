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

/** Item 38.2: every staff member trained (hours > 0) and every one with >= 50 hours in Y. */
class StaffTrainingTest {
    private static final StaffTraining ITEM = new StaffTraining();

    private static Measurement training(long trained, long atLeast50, long staff) {
        return measure(ITEM, "38.2", FactsBuilder.year(2024).delivered("training")
                .count(CITY, Facts.STAFF_TRAINED, trained).count(CITY, Facts.STAFF_MIN_HOURS, atLeast50)
                .count(CITY, Facts.STAFF, staff).build(CITY));
    }

    @Test
    void coverageAndMinimumHoursMustBothReach100Percent() {
        Measurement m = training(10, 10, 10);
        assertScored(m);
        assertObservation(m.observations().get(0), "coverage", frac(10, 10), null);
        assertObservation(m.observations().get(1), "min_hours_share", frac(10, 10), null);
        assertPoints("38.2", "1", m);
        assertPoints("38.2", "0", training(9, 9, 10));   // one untrained
        assertPoints("38.2", "0", training(10, 9, 10));  // one below 50 hours
    }

    @Test
    void noStaffRowsIsNoRecords() {
        assertStatus(NO_RECORDS, training(0, 0, 0), "no training rows for 2024");
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "38.2", FactsBuilder.year(2024).build(CITY)), "training was not delivered");
    }

    @Test
    void aConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "38.2", FactsBuilder.year(2024).delivered("training")
                .recordConflict("training", COUNTY_A).count(CITY, Facts.STAFF, 3).build(CITY)), "conflicting versions");
    }
}
