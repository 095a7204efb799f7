package org.netmarket.items;

import org.junit.jupiter.api.Test;
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
import static org.netmarket.items.MonitoringLeadTimelinessTest.leads;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;
import static org.netmarket.rules.ItemStatus.NO_RECORDS;

/** Item 19.2: monitoring_lead dispatches of Y completed (by the as-of date) / all; 1 if > 90%. */
class MonitoringLeadCompletionTest {
    private static final MonitoringLeadCompletion ITEM = new MonitoringLeadCompletion();

    @Test
    void completedOverAllLeads() {
        Measurement m = measure(ITEM, "19.2", leads(3, 91, 100).build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "completion_rate", frac(91, 100), null);
        assertPoints("19.2", "1", m);
        assertPoints("19.2", "0", measure(ITEM, "19.2", leads(100, 90, 100).build(CITY))); // exactly 90%
    }

    @Test
    void noLeadsIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "19.2", leads(0, 0, 0).build(CITY)), "no monitoring-lead dispatches in 2024");
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "19.2", FactsBuilder.year(2024).build(CITY)), "dispatches was not delivered");
    }

    @Test
    void aConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "19.2", leads(9, 9, 10).recordConflict("dispatches", COUNTY_A).build(CITY)),
                "conflicting versions");
    }
}
