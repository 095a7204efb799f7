package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.items.ItemTesting.r;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;

/** Item 2: online-retail growth g(t) against the region's own total-retail growth G(t), per year. */
class OnlineVsTotalRetailGrowthTest {
    private static final OnlineVsTotalRetailGrowth ITEM = new OnlineVsTotalRetailGrowth();

    /** Online 12000 -> 14400 (+20%) -> 15984 (+11%); total 100000 -> 111000 (+11%) -> 123210 (+11%). */
    private static FactsBuilder facts() {
        return onlineRetail()
                .yearOfMonths("retail", COUNTY_A, 2022, "total_retail_yuan", "100000")
                .yearOfMonths("retail", COUNTY_A, 2023, "total_retail_yuan", "111000")
                .yearOfMonths("retail", COUNTY_A, 2024, "total_retail_yuan", "123210");
    }

    /** Online retail of the three years alone: 12000 -> 14400 -> 15984. */
    private static FactsBuilder onlineRetail() {
        return FactsBuilder.year(2024)
                .yearOfMonths("retail", COUNTY_A, 2022, "online_retail_yuan", "12000")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "14400")
                .yearOfMonths("retail", COUNTY_A, 2024, "online_retail_yuan", "15984");
    }

    @Test
    void onlineGrowthAgainstTotalGrowthWithoutNationalFigures() {
        Measurement m = measure(ITEM, "2", facts().nationalNotDelivered().build(COUNTY_A));
        assertScored(m);
        assertObservation(m.observations().get(0), "2024", r("0.11"), r("0.11"));
        assertObservation(m.observations().get(1), "2023", r("0.2"), r("0.11"));
        assertPoints("2", "1", m);
        assertEquals(List.of("retail"), ITEM.extracts());
    }

    @Test
    void aZeroTotalRetailBaseIsADataError() {
        Measurement m = measure(ITEM, "2", onlineRetail()
                .yearOfMonths("retail", COUNTY_A, 2022, "total_retail_yuan", "0")
                .yearOfMonths("retail", COUNTY_A, 2023, "total_retail_yuan", "111000")
                .yearOfMonths("retail", COUNTY_A, 2024, "total_retail_yuan", "123210").build(COUNTY_A));
        assertStatus(DATA_ERROR, m, "total retail of 2022 is 0");
    }

    @Test
    void aMissingTotalRetailMonthIsMissingData() {
        Measurement m = measure(ITEM, "2", onlineRetail()
                .yearOfMonths("retail", COUNTY_A, 2022, "total_retail_yuan", "100000")
                .yearOfMonths("retail", COUNTY_A, 2023, "total_retail_yuan", "111000")
                // December's total retail of 2024 was not delivered; its online retail was.
                .months("retail", COUNTY_A, 2024, "total_retail_yuan",
                        "10000", "10000", "10000", "10000", "10000", "10000", "10000", "10000", "10000", "10000", "10000")
                .build(COUNTY_A));
        assertStatus(MISSING_DATA, m, "11 of 12 months of 2024");
    }

    @Test
    void totalRetailNotDeliveredForAnyYearIsMissingData() {
        Measurement m = measure(ITEM, "2", onlineRetail()
                .build(COUNTY_A));
        // Only online_retail_yuan was delivered: every year lacks its total-retail months.
        assertStatus(MISSING_DATA, m, "0 of 12 months of 2024");
    }

    @Test
    void retailNotDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "2", facts().notDelivered("retail").build(COUNTY_A)), "retail was not delivered");
    }
}
