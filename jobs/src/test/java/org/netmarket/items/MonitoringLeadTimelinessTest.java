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

/** Item 19.1: monitoring_lead dispatches of Y verified on time / all; 1 if > 90%. */
class MonitoringLeadTimelinessTest {
    private static final MonitoringLeadTimeliness ITEM = new MonitoringLeadTimeliness();

    static FactsBuilder leads(long verifiedOnTime, long completed, long all) {
        return FactsBuilder.year(2024).delivered("dispatches")
                .count(CITY, Facts.MONITORING_LEADS_VERIFIED_ON_TIME, verifiedOnTime)
                .count(CITY, Facts.MONITORING_LEADS_COMPLETED, completed)
                .count(CITY, Facts.MONITORING_LEADS, all)
                .count(CITY, Facts.IDENTITY_CLAIMS, 5).count(CITY, Facts.IDENTITY_CLAIMS_COMPLETED, 5);
    }

    @Test
    void verifiedOnTimeOverAllLeads() {
        Measurement m = measure(ITEM, "19.1", leads(9, 3, 10).build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "on_time_rate", frac(9, 10), null);
        assertPoints("19.1", "0", m); // exactly 90%
        assertPoints("19.1", "1", measure(ITEM, "19.1", leads(901, 0, 1000).build(CITY)));
    }

    @Test
    void noLeadsIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "19.1", leads(0, 0, 0).build(CITY)), "no monitoring-lead dispatches in 2024");
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "19.1", FactsBuilder.year(2024).build(CITY)), "dispatches was not delivered");
    }

    @Test
    void aConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "19.1", leads(9, 9, 10).recordConflict("dispatches", COUNTY_A).build(CITY)),
                "conflicting versions");
    }
}
