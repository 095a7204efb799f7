package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

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

/** Item 6: s(t) = online_retail(t)/total_retail(t) against the national online_retail_share(t). */
class OnlineRetailShareTest {
    private static final OnlineRetailShare ITEM = new OnlineRetailShare();
    private static final String METRIC = "online_retail_share";

    /** 2024: online 0.1 + 0.2 yuan of total 2 yuan (= 0.15); 2023: 2801 of 10000. */
    private static FactsBuilder facts() {
        return FactsBuilder.year(2024)
                .months("retail", COUNTY_A, 2024, "online_retail_yuan", "0.1", "0.2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0")
                .months("retail", COUNTY_A, 2024, "total_retail_yuan", "1", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "2801")
                .yearOfMonths("retail", COUNTY_A, 2023, "total_retail_yuan", "10000")
                .national(2024, METRIC, "0.15")
                .national(2023, METRIC, "0.28");
    }

    @Test
    void shareOfEachYearAgainstTheNationalShare() {
        Measurement m = measure(ITEM, "6", facts().build(COUNTY_A));
        assertScored(m);
        // (0.1 + 0.2) / 2 = 0.15 exactly (doubles: 0.15000000000000002): equal, not 超过.
        assertObservation(m.observations().get(0), "2024", r("0.15"), r("0.15"));
        assertObservation(m.observations().get(1), "2023", frac(2801, 10000), r("0.28"));
        assertPoints("6", "1", m);
    }

    @Test
    void aZeroTotalIsADataError() {
        Measurement m = measure(ITEM, "6", facts()
                .yearOfMonths("retail", FactsBuilder.COUNTY_B, 2023, "online_retail_yuan", "0")
                .yearOfMonths("retail", FactsBuilder.COUNTY_B, 2023, "total_retail_yuan", "0")
                .yearOfMonths("retail", FactsBuilder.COUNTY_B, 2024, "online_retail_yuan", "0")
                .yearOfMonths("retail", FactsBuilder.COUNTY_B, 2024, "total_retail_yuan", "0")
                .build(FactsBuilder.COUNTY_B));
        assertStatus(DATA_ERROR, m, "total retail of 2024 is 0");
    }

    @Test
    void aMissingNationalShareIsMissingData() {
        Measurement m = measure(ITEM, "6", FactsBuilder.year(2024)
                .yearOfMonths("retail", COUNTY_A, 2024, "online_retail_yuan", "3")
                .yearOfMonths("retail", COUNTY_A, 2024, "total_retail_yuan", "20")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "3")
                .yearOfMonths("retail", COUNTY_A, 2023, "total_retail_yuan", "20")
                .national(2024, METRIC, "0.15").build(COUNTY_A));
        assertStatus(MISSING_DATA, m, "online_retail_share for 2023");
    }

    @Test
    void anIncompleteYearIsMissingData() {
        Measurement m = measure(ITEM, "6", FactsBuilder.year(2024)
                .yearOfMonths("retail", COUNTY_A, 2024, "online_retail_yuan", "3")
                .yearOfMonths("retail", COUNTY_A, 2024, "total_retail_yuan", "20")
                .months("retail", COUNTY_A, 2023, "online_retail_yuan", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1")
                .yearOfMonths("retail", COUNTY_A, 2023, "total_retail_yuan", "20")
                .national(2024, METRIC, "0.15").national(2023, METRIC, "0.15").build(COUNTY_A));
        assertStatus(MISSING_DATA, m, "11 of 12 months of 2023");
    }
}
