package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.Facts;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

import java.time.LocalDate;
import java.util.List;

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

/** Item 3: active operators at the as-of date / market entities (latest as_of_date <= as-of); band 8%-15%. */
class OperatorShareOfMarketEntitiesTest {
    private static final OperatorShareOfMarketEntities ITEM = new OperatorShareOfMarketEntities();

    private static FactsBuilder facts() {
        return FactsBuilder.year(2024).delivered("operators")
                .count(CITY, Facts.OPERATORS_ACTIVE, 150)
                .put("market-entities", CITY, "2024-06-30", "market_entities", "2000")
                .put("market-entities", CITY, "2024-12-31", "market_entities", "1000")
                .put("market-entities", CITY, "2025-01-31", "market_entities", "500");
    }

    @Test
    void activeOperatorsOverTheLatestMarketEntitiesOnOrBeforeTheAsOfDate() {
        Measurement m = measure(ITEM, "3", facts().build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "share", frac(150, 1000), null); // 2024-12-31 snapshot, not 2025-01-31
        assertPoints("3", "2", m); // exactly 15%
        assertEquals(List.of("operators", "market-entities"), ITEM.extracts());
    }

    @Test
    void anEarlierAsOfDateUsesAnEarlierSnapshot() {
        Measurement m = measure(ITEM, "3", facts().asOf(LocalDate.of(2024, 12, 30)).build(CITY));
        assertObservation(m.headline(), "share", frac(150, 2000), null);
        assertPoints("3", "0", m); // 7.5%
    }

    @Test
    void marketEntitiesFromCountiesAtTheSameDate() {
        Measurement m = measure(ITEM, "3", FactsBuilder.year(2024).delivered("operators")
                .count(CITY, Facts.OPERATORS_ACTIVE, 80)
                .put("market-entities", COUNTY_A, "2024-12-31", "market_entities", "600")
                .put("market-entities", COUNTY_B, "2024-12-31", "market_entities", "400").build(CITY));
        assertObservation(m.headline(), "share", frac(80, 1000), null);
        assertPoints("3", "1", m); // exactly 8%
    }

    @Test
    void operatorsNotDeliveredIsMissingData() {
        FactsBuilder b = FactsBuilder.year(2024).count(CITY, Facts.OPERATORS_ACTIVE, 150)
                .put("market-entities", CITY, "2024-12-31", "market_entities", "1000");
        assertStatus(MISSING_DATA, measure(ITEM, "3", b.build(CITY)), "operators was not delivered");
    }

    @Test
    void noMarketEntitiesSnapshotIsMissingData() {
        Measurement m = measure(ITEM, "3", FactsBuilder.year(2024).delivered("operators")
                .count(CITY, Facts.OPERATORS_ACTIVE, 150)
                .put("market-entities", CITY, "2025-01-31", "market_entities", "1000").build(CITY));
        assertStatus(MISSING_DATA, m, "on or before 2024-12-31");
    }

    @Test
    void zeroMarketEntitiesIsADataError() {
        Measurement m = measure(ITEM, "3", FactsBuilder.year(2024).delivered("operators")
                .count(CITY, Facts.OPERATORS_ACTIVE, 0)
                .put("market-entities", CITY, "2024-12-31", "market_entities", "0").build(CITY));
        assertStatus(DATA_ERROR, m, "market entities at 2024-12-31 is 0");
    }

    @Test
    void conflictingOperatorsAreADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "3", facts().recordConflict("operators", COUNTY_B).build(CITY)),
                "operators has rows with conflicting versions in region " + COUNTY_B);
    }

    /**
     * The city's own market-entity row stands, but the operators counted for it leave out those
     * of a county whose regions.csv row was set aside: a data error naming the row, not a share
     * computed without them.
     */
    @Test
    void aCountySetAsideIsADataErrorOfTheCityEvenWithItsOwnEntityRow() {
        assertScored(measure(ITEM, "3", facts().build(CITY)));
        FactsBuilder b = FactsBuilder.year(2024).regionSetAside(CITY, "330101", 9).delivered("operators")
                .count(CITY, Facts.OPERATORS_ACTIVE, 150).put("market-entities", CITY, "2024-12-31", "market_entities", "1000");
        assertStatus(DATA_ERROR, measure(ITEM, "3", b.build(CITY)), "regions.csv line 9 (region 330101, below " + CITY + ")");
    }

    @Test
    void missingMarketEntitiesWinOverConflictingOperators() {
        Measurement m = measure(ITEM, "3", FactsBuilder.year(2024).delivered("operators")
                .recordConflict("operators", COUNTY_A).notDelivered("market-entities").build(CITY));
        assertStatus(MISSING_DATA, m, "market-entities was not delivered");
    }

    @Test
    void aRegionWithoutOperatorRowsIsNoRecordsUnlessEntitiesAreMissing() {
        FactsBuilder b = FactsBuilder.year(2024).delivered("operators").noRows("operators", CITY)
                .put("market-entities", CITY, "2024-12-31", "market_entities", "1000");
        assertStatus(org.netmarket.rules.ItemStatus.NO_RECORDS, measure(ITEM, "3", b.build(CITY)), "operators has no rows");
        // missing_data takes precedence over no_records
        assertStatus(org.netmarket.rules.ItemStatus.MISSING_DATA, measure(ITEM, "3", FactsBuilder.year(2024)
                .delivered("operators").noRows("operators", CITY).build(CITY)), "market-entities");
    }

    @Test
    void zeroMarketEntitiesWinOverNoOperatorRows() {
        // missing_data > data_error > no_records: a zero base is a data error even without operators
        Measurement m = measure(ITEM, "3", FactsBuilder.year(2024).delivered("operators").noRows("operators", CITY)
                .put("market-entities", CITY, "2024-12-31", "market_entities", "0").build(CITY));
        assertStatus(DATA_ERROR, m, "market entities at 2024-12-31 is 0");
    }
}
