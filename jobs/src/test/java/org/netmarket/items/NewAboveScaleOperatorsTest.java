package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmarket.edition.EditionException;
import org.netmarket.edition.Parameters;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.facts.CountedItems;
import org.netmarket.facts.Facts;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Ratio;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
        // Without the operators the sales have no region and are not counted: asking for their rows would fail.
        assertStatus(MISSING_DATA, measure(ITEM, "4", FactsBuilder.year(2024).deliveredNotCounted("operator-sales").build(CITY)),
                "operators was not delivered");
    }

    /** An edition without the threshold of the region's zone stops the item, naming the zone, instead of scoring 0. */
    @Test
    void aZoneWithoutAThresholdIsAnEditionErrorNamingIt() {
        Parameters withoutEast = new Parameters("4", Map.of(CountedItems.RECENT_YEARS, "2",
                CountedItems.aboveScaleThreshold("central"), "100000000", CountedItems.aboveScaleThreshold("west"), "50000000"));
        EditionException e = assertThrows(EditionException.class, () -> ITEM.measure(FactsBuilder.year(2024)
                .delivered("operators", "operator-sales").count(CITY, Facts.OPERATORS_NEW_ABOVE_SCALE, 3).build(CITY), withoutEast));
        assertTrue(e.getMessage().contains("'above_scale_threshold_yuan.east' is missing"), e.getMessage());
    }

    /** The edition must give a threshold for every zone regions.csv may name, so a missing one is refused on load. */
    @Test
    void theEditionMustGiveAThresholdForEveryZoneOfTheRegionsSchema() {
        List<String> zones = SchemaCatalog.load().get("regions").column("economic_zone").values();
        assertEquals(List.of("east", "central", "west"), zones);
        for (String zone : zones) {
            assertTrue(ITEM.requiredParameters().contains("above_scale_threshold_yuan." + zone), zone);
        }
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
