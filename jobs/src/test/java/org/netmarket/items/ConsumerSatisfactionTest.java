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
import static org.netmarket.items.ItemTesting.r;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;
import static org.netmarket.rules.ItemStatus.NO_RECORDS;

/** Item 25.3: (satisfied + basically satisfied) / rated complaints of Y against the national satisfaction rate. */
class ConsumerSatisfactionTest {
    private static final ConsumerSatisfaction ITEM = new ConsumerSatisfaction();
    private static final String METRIC = "consumer_satisfaction_rate";

    private static FactsBuilder ratings(long satisfied, long rated) {
        return FactsBuilder.year(2024).delivered("complaints")
                .count(CITY, Facts.COMPLAINTS_SATISFIED, satisfied).count(CITY, Facts.COMPLAINTS_RATED, rated)
                .count(CITY, Facts.COMPLAINTS, 2000) // unrated complaints are not in the rate
                .national(2024, METRIC, "0.81");
    }

    @Test
    void satisfiedOverRatedAgainstTheNationalRate() {
        Measurement m = measure(ITEM, "25.3", ratings(811, 1000).build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "satisfaction_rate", frac(811, 1000), r("0.81"));
        assertPoints("25.3", "1", m);
        assertPoints("25.3", "0", measure(ITEM, "25.3", ratings(81, 100).build(CITY))); // equal is not 高于
    }

    @Test
    void noRatedComplaintsIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "25.3", ratings(0, 0).build(CITY)), "no rated complaints in 2024");
    }

    @Test
    void aMissingNationalRateIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "25.3", ratings(811, 1000).nationalNotDelivered().build(CITY)),
                "national figures were not delivered");
    }

    @Test
    void aConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "25.3", ratings(811, 1000).recordConflict("complaints", COUNTY_A).build(CITY)),
                "conflicting versions");
    }
}
