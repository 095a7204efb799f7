package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.facts.FactsBuilder.COUNTY_B;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.items.ItemTesting.r;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;

/** Item 8: ecommerce_tax / total_tax in year Y; band 3%-5%. */
class EcommerceTaxShareTest {
    private static final EcommerceTaxShare ITEM = new EcommerceTaxShare();

    @Test
    void aCitysShareFromItsCountiesIsExact() {
        // Counties: 0.1 of 6 and 0.7 of 10 yuan -> city 0.8 of 16 = exactly 5% -> 2 points.
        // (In doubles 0.1 + 0.7 = 0.7999999999999999 and the share falls below 5%.)
        Measurement m = measure(ITEM, "8", FactsBuilder.year(2024)
                .put("tax", COUNTY_A, "2024", "ecommerce_tax_yuan", "0.1").put("tax", COUNTY_A, "2024", "total_tax_yuan", "6")
                .put("tax", COUNTY_B, "2024", "ecommerce_tax_yuan", "0.7").put("tax", COUNTY_B, "2024", "total_tax_yuan", "10")
                .build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "2024", r("0.05"), null);
        assertPoints("8", "2", m);
        assertEquals(List.of("tax"), ITEM.extracts());
    }

    @Test
    void zeroTotalTaxIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "8", FactsBuilder.year(2024)
                .put("tax", COUNTY_A, "2024", "ecommerce_tax_yuan", "0").put("tax", COUNTY_A, "2024", "total_tax_yuan", "0")
                .build(COUNTY_A)), "total tax of 2024 is 0");
    }

    @Test
    void aMissingYearIsMissingDataAndWinsOverAConflict() {
        // County A in conflict for 2024, county B without a 2024 row: the city is missing_data.
        Measurement m = measure(ITEM, "8", FactsBuilder.year(2024).aggregateConflict("tax", COUNTY_A, "2024").build(CITY));
        assertStatus(MISSING_DATA, m, "has no row for region " + CITY + ", 2024 and not every child has one ("
                + COUNTY_B + " lacks it)");
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "8", FactsBuilder.year(2024).notDelivered("tax").build(COUNTY_A)),
                "tax was not delivered");
    }
}
