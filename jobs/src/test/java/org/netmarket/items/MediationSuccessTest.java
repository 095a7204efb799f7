package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.Facts;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

import java.util.List;

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

/** Item 25.2: success / (success + failed) over complaints of Y against the national mediation success rate. */
class MediationSuccessTest {
    private static final MediationSuccess ITEM = new MediationSuccess();
    private static final String METRIC = "complaint_mediation_success_rate";

    private static FactsBuilder mediation(long success, long failed) {
        return FactsBuilder.year(2024).delivered("complaints")
                .count(CITY, Facts.MEDIATION_SUCCESS, success).count(CITY, Facts.MEDIATION_FAILED, failed)
                .count(CITY, Facts.COMPLAINTS, 5000); // complaints without mediation are not in the rate
    }

    @Test
    void successOverMediatedAgainstTheNationalRate() {
        Measurement m = measure(ITEM, "25.2", mediation(843, 157).national(2024, METRIC, "0.843").build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "success_rate", frac(843, 1000), r("0.843"));
        assertPoints("25.2", "0", m); // equal is not 大于
        assertPoints("25.2", "1", measure(ITEM, "25.2", mediation(844, 156).national(2024, METRIC, "0.843").build(CITY)));
        assertEquals(List.of("complaints", "national"), ITEM.extracts());
    }

    @Test
    void noMediatedComplaintsIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "25.2", mediation(0, 0).national(2024, METRIC, "0.843").build(CITY)),
                "no mediated complaints in 2024");
    }

    @Test
    void aMissingNationalRateIsMissingDataAndWinsOverNoRecords() {
        assertStatus(MISSING_DATA, measure(ITEM, "25.2", mediation(0, 0).national(2023, METRIC, "0.8").build(CITY)),
                "complaint_mediation_success_rate for 2024");
    }

    @Test
    void aMissingNationalRateWinsOverConflictingComplaints() {
        assertStatus(MISSING_DATA, measure(ITEM, "25.2", mediation(843, 157).recordConflict("complaints", COUNTY_A)
                .nationalNotDelivered().build(CITY)), "national figures were not delivered");
    }

    @Test
    void aConflictingNationalRateIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "25.2", mediation(843, 157).national(2024, METRIC, "0.8")
                .nationalConflict(2024, METRIC).build(CITY)), "conflicting versions");
    }

    @Test
    void complaintsNotDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "25.2", FactsBuilder.year(2024).national(2024, METRIC, "0.8").build(CITY)),
                "complaints was not delivered");
    }
}
