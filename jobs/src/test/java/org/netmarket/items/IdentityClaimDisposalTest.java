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

/** Item 11.2: identity_claim dispatches of Y, completed / all; 1 if 100%. */
class IdentityClaimDisposalTest {
    private static final IdentityClaimDisposal ITEM = new IdentityClaimDisposal();

    private static FactsBuilder claims(long completed, long all) {
        return FactsBuilder.year(2024).delivered("dispatches")
                .count(CITY, Facts.IDENTITY_CLAIMS_COMPLETED, completed).count(CITY, Facts.IDENTITY_CLAIMS, all)
                // Monitoring leads are another population and must not count here.
                .count(CITY, Facts.MONITORING_LEADS, 7).count(CITY, Facts.MONITORING_LEADS_COMPLETED, 1);
    }

    @Test
    void completedOverAll() {
        Measurement m = measure(ITEM, "11.2", claims(20, 20).build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "completion_rate", frac(20, 20), null);
        assertPoints("11.2", "1", m);
        assertPoints("11.2", "0", measure(ITEM, "11.2", claims(19, 20).build(CITY)));
    }

    @Test
    void noClaimsIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "11.2", claims(0, 0).build(CITY)), "no identity-claim dispatches in 2024");
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "11.2", FactsBuilder.year(2024).build(CITY)), "dispatches was not delivered");
    }

    @Test
    void aConflictBelowTheCityIsADataErrorAndWinsOverNoRecords() {
        assertStatus(DATA_ERROR, measure(ITEM, "11.2", claims(0, 0).recordConflict("dispatches", COUNTY_A).build(CITY)),
                "dispatches has rows with conflicting versions in region " + COUNTY_A);
    }
}
