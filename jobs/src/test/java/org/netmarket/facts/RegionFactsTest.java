package org.netmarket.facts;

import org.junit.jupiter.api.Test;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.facts.FactsBuilder.COUNTY_B;
import static org.netmarket.facts.FactsBuilder.OTHER_CITY;
import static org.netmarket.facts.FactsBuilder.PROVINCE;

class RegionFactsTest {

    @Test
    void aConflictInACountyConcernsItsCityAndProvinceButNotItsSiblings() {
        FactsBuilder b = FactsBuilder.year(2024).delivered("case-clues").recordConflict("case-clues", COUNTY_A);
        Optional<Reason> atCounty = b.build(COUNTY_A).conflict("case-clues", 2024, 2024, null);
        assertTrue(atCounty.isPresent());
        assertEquals(Reason.of("case-clues has rows with conflicting versions in region " + COUNTY_A,
                "涉网案件线索（case-clues）中地区 " + COUNTY_A + " 的记录有相互冲突的版本"), atCounty.get());
        assertTrue(b.build(CITY).conflict("case-clues", 2024, 2024, null).isPresent(), "the city's counts include the county's records");
        assertTrue(b.build(PROVINCE).conflict("case-clues", 2024, 2024, null).isPresent());
        assertFalse(b.build(COUNTY_B).conflict("case-clues", 2024, 2024, null).isPresent(), "sibling county");
        assertFalse(b.build(OTHER_CITY).conflict("case-clues", 2024, 2024, null).isPresent(), "other city");
        assertFalse(b.build(COUNTY_A).conflict("dispatches", 2024, 2024, null).isPresent(), "another extract");
    }

    /** The records of a county set aside are counted in no region: the regions above it are told, not its siblings. */
    @Test
    void aCountySetAsideConcernsItsCityAndProvinceButNotItsSiblings() {
        FactsBuilder b = FactsBuilder.year(2024).regionSetAside(CITY, "330101", 9).delivered("case-clues");
        assertEquals("regions.csv line 9 (region 330101, below " + CITY + ") was set aside, so the rows of that region"
                + " cannot be counted in " + CITY + ": fix the row", b.build(CITY).regionsSetAsideBelow().orElseThrow().en());
        assertTrue(b.build(PROVINCE).regionsSetAsideBelow().orElseThrow().en().contains("below " + PROVINCE + ")"));
        assertFalse(b.build(COUNTY_A).regionsSetAsideBelow().isPresent(), "sibling county");
        assertFalse(b.build(OTHER_CITY).regionsSetAsideBelow().isPresent(), "other city");
    }

    /** A nightly run merges the rows in another order than a full run reads them: the city's reason must not follow it. */
    @Test
    void aCitysConflictNamesTheSameCountyWhicheverOrderItsRowsWereFoundIn() {
        List<Reason> reasons = new java.util.ArrayList<>();
        for (List<String> order : List.of(List.of(COUNTY_B, COUNTY_A), List.of(COUNTY_A, COUNTY_B))) {
            FactsBuilder b = FactsBuilder.year(2024).delivered("complaints");
            order.forEach(county -> b.recordConflict("complaints", county, 2024, "odr"));
            Reason r = b.build(CITY).conflict("complaints", 2024, 2024, "odr").orElseThrow();
            assertEquals("complaints has rows with conflicting versions in region " + COUNTY_A + ", 2024, odr", r.en(),
                    "rows found in the order " + order + ": the county first by its code");
            reasons.add(r);
        }
        assertEquals(reasons.get(0), reasons.get(1), "the Chinese reason too");
    }

    @Test
    void aConflictConcernsOnlyTheCohortYearsAndPopulationOfItsRows() {
        FactsBuilder b = FactsBuilder.year(2024).delivered("dispatches")
                .recordConflict("dispatches", COUNTY_A, 2023, "monitoring_lead");
        RegionFacts county = b.build(COUNTY_A);
        assertEquals(Optional.of(Reason.of("dispatches has rows with conflicting versions in region " + COUNTY_A + ", 2023, monitoring_lead",
                        "监管平台派发事项（dispatches）中地区 " + COUNTY_A + "、2023 年、monitoring_lead 的记录有相互冲突的版本")),
                county.conflict("dispatches", 2023, 2023, "monitoring_lead"));
        assertTrue(county.conflict("dispatches", 2022, 2024, "monitoring_lead").isPresent(), "a range holding 2023");
        assertTrue(county.conflict("dispatches", 2023, 2023, null).isPresent(), "every population");
        assertFalse(county.conflict("dispatches", 2024, 2024, "monitoring_lead").isPresent(), "the year after");
        assertFalse(county.conflict("dispatches", 2022, 2022, "monitoring_lead").isPresent(), "the year before");
        assertFalse(county.conflict("dispatches", 2023, 2023, "identity_claim").isPresent(), "another population");
    }

    @Test
    void aConflictWithoutCohortConcernsEveryYearAndPopulation() {
        RegionFacts county = FactsBuilder.year(2024).delivered("operators").recordConflict("operators", COUNTY_A, null, null)
                .build(COUNTY_A);
        assertTrue(county.conflict("operators", 2024, 2024, null).isPresent());
        assertTrue(county.conflict("operators", 1990, 1990, "anything").isPresent());
    }

    @Test
    void countsAndDeliveryAreTheRegions() {
        FactsBuilder b = FactsBuilder.year(2024).delivered("dispatches")
                .count(CITY, Facts.IDENTITY_CLAIMS, 30).count(COUNTY_A, Facts.IDENTITY_CLAIMS, 10);
        assertEquals(30, b.build(CITY).count(Facts.IDENTITY_CLAIMS));
        assertEquals(10, b.build(COUNTY_A).count(Facts.IDENTITY_CLAIMS));
        assertEquals(0, b.build(COUNTY_B).count(Facts.IDENTITY_CLAIMS));
        assertTrue(b.build(CITY).delivered("dispatches"));
        assertFalse(b.build(CITY).delivered("training"));
    }

    @Test
    void lookupsUseTheRegionAndThePeriod() {
        FactsBuilder b = FactsBuilder.year(2024).asOf(LocalDate.of(2024, 6, 30))
                .put("tax", CITY, "2024", "ecommerce_tax_yuan", "12.5")
                .yearOfMonths("retail", COUNTY_A, 2023, "online_retail_yuan", "14400")
                .put("market-entities", CITY, "2024-03-31", "market_entities", "900")
                .put("market-entities", CITY, "2024-09-30", "market_entities", "950")
                .national(2024, "online_retail_share", "0.27");
        RegionFacts city = b.build(CITY);
        assertEquals(2024, city.year());
        assertEquals(LocalDate.of(2024, 6, 30), city.asOf());
        assertEquals(0, new BigDecimal("12.5").compareTo(city.yearly("tax", "ecommerce_tax_yuan", 2024).value()));
        assertEquals(0, new BigDecimal("900").compareTo(city.snapshot("market-entities", "market_entities").value()),
                "latest snapshot on or before 2024-06-30");
        assertEquals(0, new BigDecimal("14400").compareTo(b.build(COUNTY_A).yearOfMonths("retail", "online_retail_yuan", 2023).value()));
        assertEquals(ItemStatus.MISSING_DATA, b.build(COUNTY_B).yearOfMonths("retail", "online_retail_yuan", 2023).problem());
        assertEquals(0, new BigDecimal("0.27").compareTo(city.national("online_retail_share", 2024).value()));
        assertEquals(CITY, city.region().code());
    }

    @Test
    void anUnknownAggregateExtractIsAProgrammingError() {
        RegionFacts f = FactsBuilder.year(2024).build(CITY);
        assertThrows(IllegalArgumentException.class, () -> f.yearly("sales", "x", 2024));
    }
}
