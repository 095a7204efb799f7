package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.facts.FactsBuilder.COUNTY_B;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.frac;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;

/** Item 7: online_market_employed / total_employed in year Y; band 3%-5%. */
class OnlineEmploymentShareTest {
    private static final OnlineEmploymentShare ITEM = new OnlineEmploymentShare();

    private static FactsBuilder employment(String region, String online, String total) {
        return FactsBuilder.year(2024)
                .put("employment", region, "2024", "online_market_employed", online)
                .put("employment", region, "2024", "total_employed", total);
    }

    @Test
    void shareOfYearY() {
        Measurement m = measure(ITEM, "7", employment(COUNTY_A, "3", "100")
                .put("employment", COUNTY_A, "2023", "online_market_employed", "90")
                .put("employment", COUNTY_A, "2023", "total_employed", "100").build(COUNTY_A));
        assertScored(m);
        assertObservation(m.headline(), "2024", frac(3, 100), null);
        assertPoints("7", "1", m); // exactly 3%
    }

    @Test
    void aCityIsMeasuredOnTheSumOfItsCountiesWhenBothHaveTheYear() {
        // 1 of 80 (1.25%) and 9 of 120 (7.5%): the share of the sums is 10 / 200, exactly 5%;
        // the mean of the counties' shares (4.375%) or either county alone would be another value.
        FactsBuilder b = employment(COUNTY_A, "1", "80")
                .put("employment", COUNTY_B, "2024", "online_market_employed", "9")
                .put("employment", COUNTY_B, "2024", "total_employed", "120");
        Measurement m = measure(ITEM, "7", b.build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "2024", frac(1, 20), null);
        assertEquals(0, new BigDecimal("10").compareTo(m.headline().value().numerator()), "numerator: 1 + 9");
        assertEquals(0, new BigDecimal("200").compareTo(m.headline().value().denominator()), "denominator: 80 + 120");
        assertEquals(Map.of("summed_from_children", "employment"), m.basis(), "the city had no row of its own");
        assertPoints("7", "2", m); // exactly 5%
    }

    @Test
    void aCityIsMissingWhenACountyLacksTheYear() {
        assertStatus(MISSING_DATA, measure(ITEM, "7", employment(COUNTY_A, "1", "50").build(CITY)), COUNTY_B + " lacks it");
    }

    @Test
    void theYearMissingIsMissingData() {
        Measurement m = measure(ITEM, "7", FactsBuilder.year(2024)
                .put("employment", COUNTY_A, "2023", "online_market_employed", "3")
                .put("employment", COUNTY_A, "2023", "total_employed", "100").build(COUNTY_A));
        assertStatus(MISSING_DATA, m, "has no row for region " + COUNTY_A + ", 2024");
    }

    @Test
    void zeroTotalEmploymentIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "7", employment(COUNTY_A, "0", "0").build(COUNTY_A)), "total employment of 2024 is 0");
    }

    @Test
    void aYearInConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "7", FactsBuilder.year(2024).aggregateConflict("employment", COUNTY_A, "2024")
                .build(COUNTY_A)), "conflicting");
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "7", employment(COUNTY_A, "3", "100").notDelivered("employment").build(COUNTY_A)),
                "employment was not delivered");
    }
}
