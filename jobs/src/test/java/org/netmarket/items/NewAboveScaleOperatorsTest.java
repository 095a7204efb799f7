package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmarket.facts.Facts;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Ratio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;

/** Item 4: the number of new above-scale operators (counted by Spark); 1 -> 1 point, >= 2 -> 2. */
class NewAboveScaleOperatorsTest {
    private static final NewAboveScaleOperators ITEM = new NewAboveScaleOperators();

    private static Measurement withCount(long n) {
        return measure(ITEM, "4", FactsBuilder.year(2024).delivered("operators", "operator-sales")
                .count(CITY, Facts.OPERATORS_NEW_ABOVE_SCALE, n).build(CITY));
    }

    @Test
    void theCountIsTheValue() {
        Measurement m = withCount(3);
        assertScored(m);
        assertObservation(m.headline(), "operators", Ratio.of(3), null);
        assertPoints("4", "2", m);
        assertPoints("4", "1", withCount(1));
        assertPoints("4", "0", withCount(0));
    }

    /** The threshold a count was made under follows the scored region's zone: the lineage says both. */
    @Test
    void theZoneAndItsThresholdAreTheMeasurementsBasisScoredOrNot() {
        assertEquals(java.util.Map.of("economic_zone", "east", "above_scale_threshold_yuan", "200000000"),
                withCount(3).basis());
        Measurement missing = measure(ITEM, "4", FactsBuilder.year(2024).delivered("operators").build(CITY));
        assertEquals("200000000", missing.basis().get("above_scale_threshold_yuan"));
    }

    @Test
    void bothExtractsMustBeDelivered() {
        assertStatus(MISSING_DATA, measure(ITEM, "4", FactsBuilder.year(2024).delivered("operators").build(CITY)),
                "operator-sales was not delivered");
        assertStatus(MISSING_DATA, measure(ITEM, "4", FactsBuilder.year(2024).delivered("operator-sales").build(CITY)),
                "operators was not delivered");
    }

    /** Y = 2024 with two recent years: sales of 2022 (the year before 2023), 2023 and 2024 decide. */
    @ParameterizedTest
    @CsvSource({"2021, scored", "2022, data_error", "2023, data_error", "2024, data_error", "2025, scored"})
    void conflictingSalesAreADataErrorWhenOfTheYearsTheItemLooksAt(int year, String status) {
        var m = measure(ITEM, "4", FactsBuilder.year(2024).delivered("operators", "operator-sales")
                .recordConflict("operator-sales", COUNTY_A, year, null).count(CITY, Facts.OPERATORS_NEW_ABOVE_SCALE, 2)
                .count(CITY, Facts.rowsOf("operator-sales"), 5).count(CITY, Facts.rowsOf("operators"), 5).build(CITY));
        if (status.equals("scored")) {
            assertPoints("4", "2", m);
        } else {
            assertStatus(DATA_ERROR, m, "operator-sales has rows with conflicting versions in region " + COUNTY_A + ", " + year);
        }
    }

    @Test
    void notDeliveredWinsOverAConflict() {
        assertStatus(MISSING_DATA, measure(ITEM, "4", FactsBuilder.year(2024).delivered("operators")
                .recordConflict("operators", COUNTY_A).build(CITY)), "operator-sales was not delivered");
    }

    @Test
    void aRegionWhoseOperatorsHaveNoSalesRowsIsNoRecords() {
        assertStatus(org.netmarket.rules.ItemStatus.NO_RECORDS, measure(ITEM, "4", FactsBuilder.year(2024)
                .delivered("operators", "operator-sales").noRows("operator-sales", CITY).build(CITY)),
                "operator-sales has no rows for region " + CITY);
    }
}
