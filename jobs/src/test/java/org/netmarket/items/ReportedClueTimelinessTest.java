package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.Facts;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_B;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.frac;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;
import static org.netmarket.rules.ItemStatus.NO_RECORDS;

/** Item 17.1: report clues of Y verified on time / all; 1 if > 95%. */
class ReportedClueTimelinessTest {
    private static final ReportedClueTimeliness ITEM = new ReportedClueTimeliness();

    private static FactsBuilder clues(long onTime, long all) {
        return FactsBuilder.year(2024).delivered("case-clues")
                .count(CITY, Facts.REPORT_CLUES_VERIFIED_ON_TIME, onTime).count(CITY, Facts.REPORT_CLUES, all)
                .count(CITY, Facts.ASSIGNED_CLUES, 50).count(CITY, Facts.ASSIGNED_CLUES_VERIFIED_ON_TIME, 1);
    }

    @Test
    void onTimeOverAllReportClues() {
        Measurement m = measure(ITEM, "17.1", clues(19, 20).build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "on_time_rate", frac(19, 20), null);
        assertPoints("17.1", "0", m); // exactly 95% is not 大于 95%
        assertPoints("17.1", "1", measure(ITEM, "17.1", clues(1901, 2000).build(CITY)));
    }

    @Test
    void noReportCluesIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "17.1", clues(0, 0).build(CITY)), "no report clues received in 2024");
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "17.1", FactsBuilder.year(2024).build(CITY)), "case-clues was not delivered");
    }

    @Test
    void aConflictIsADataError() {
        assertStatus(DATA_ERROR, measure(ITEM, "17.1", clues(19, 20).recordConflict("case-clues", COUNTY_B).build(CITY)),
                "case-clues has rows with conflicting versions");
    }
}
