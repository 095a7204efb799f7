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

/** Item 5: growth of express parcels per year against the national express_volume_growth_rate. */
class ExpressVolumeGrowthTest {
    private static final ExpressVolumeGrowth ITEM = new ExpressVolumeGrowth();

    /** 2022: 100000, 2023: 130000 (+30%), 2024: 143000 (+10%). */
    private static FactsBuilder facts() {
        return FactsBuilder.year(2024)
                .yearOfMonths("express", COUNTY_A, 2022, "parcels", "100000")
                .yearOfMonths("express", COUNTY_A, 2023, "parcels", "130000")
                .yearOfMonths("express", COUNTY_A, 2024, "parcels", "143000")
                .national(2023, "express_volume_growth_rate", "0.3")
                .national(2024, "express_volume_growth_rate", "0.099")
                // Other national metrics must not be used.
                .national(2023, "online_retail_growth_rate", "0.01")
                .national(2024, "online_retail_growth_rate", "0.5");
    }

    @Test
    void parcelGrowthAgainstTheNationalExpressGrowth() {
        Measurement m = measure(ITEM, "5", facts().build(COUNTY_A));
        assertScored(m);
        // 143000/130000 - 1 = 0.1 > 0.099; 130000/100000 - 1 = 0.3 exactly (doubles: 0.30000000000000004), not > 0.3.
        assertObservation(m.observations().get(0), "2024", r("0.1"), r("0.099"));
        assertObservation(m.observations().get(1), "2023", r("0.3"), r("0.3"));
        assertPoints("5", "1", m);
        assertEquals(List.of("express", "national"), ITEM.extracts());
    }

    @Test
    void expressNotDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "5", facts().notDelivered("express").build(COUNTY_A)), "express was not delivered");
    }

    @Test
    void aConflictingNationalRateIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "5", facts().nationalConflict(2024, "express_volume_growth_rate").build(COUNTY_A)),
                "express_volume_growth_rate for 2024 has conflicting versions");
    }

    @Test
    void aZeroBaseIsADataError() {
        Measurement m = measure(ITEM, "5", FactsBuilder.year(2024)
                .yearOfMonths("express", COUNTY_A, 2022, "parcels", "100000")
                .yearOfMonths("express", COUNTY_A, 2023, "parcels", "0")
                .yearOfMonths("express", COUNTY_A, 2024, "parcels", "143000")
                .national(2023, "express_volume_growth_rate", "0.3")
                .national(2024, "express_volume_growth_rate", "0.099").build(COUNTY_A));
        assertStatus(DATA_ERROR, m, "parcel volume of 2023 is 0");
    }
}
