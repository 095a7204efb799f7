package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.AssessmentFacts;
import org.netmarket.facts.EvaluationPeriod;
import org.netmarket.facts.FactSheet;
import org.netmarket.facts.NationalFigures;
import org.netmarket.facts.RecordFacts;
import org.netmarket.rules.Reason;
import org.netmarket.staging.QuarantinedRow;
import org.netmarket.warehouse.ScoreRows;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.facts.FactsBuilder.COUNTY_B;
import static org.netmarket.facts.FactsBuilder.OTHER_CITY;
import static org.netmarket.facts.FactsBuilder.PROVINCE;
import static org.netmarket.facts.FactsBuilder.TREE;

/** Rows set aside count for the region they name and every region above it, never for a sibling. */
class RegionRowCountsTest {

    private static QuarantinedRow setAside(String extract, long line, String region) {
        return new QuarantinedRow(extract, extract + "/f.csv", line, "raw", null, Reason.of("bad", "坏"), region);
    }

    @Test
    void aRowSetAsideCountsForItsRegionAndItsAncestors() {
        RegionRowCounts counts = new RegionRowCounts(TREE, List.of("complaints", "retail"));
        List.of(setAside("complaints", 2, COUNTY_A), setAside("complaints", 3, COUNTY_A), setAside("complaints", 4, COUNTY_B),
                setAside("retail", 2, CITY)).forEach(counts);
        assertEquals(2, counts.setAside("complaints", COUNTY_A));
        assertEquals(1, counts.setAside("complaints", COUNTY_B));
        assertEquals(3, counts.setAside("complaints", CITY));
        assertEquals(3, counts.setAside("complaints", PROVINCE));
        assertEquals(0, counts.setAside("complaints", OTHER_CITY), "a sibling city");
        // the city's own row: not its counties'
        assertEquals(1, counts.setAside("retail", CITY));
        assertEquals(0, counts.setAside("retail", COUNTY_A));
        assertEquals(1, counts.setAside("retail", PROVINCE));
    }

    @Test
    void aRowNamingNoKnownRegionCountsForNone() {
        RegionRowCounts counts = new RegionRowCounts(TREE, List.of("complaints"));
        counts.accept(setAside("complaints", 2, null));
        counts.accept(setAside("complaints", 3, "999999"));
        for (String region : TREE.codes()) {
            assertEquals(0, counts.setAside("complaints", region), region);
        }
    }

    @Test
    void oneRowPerRegionAndExtractOfTheYear() {
        RegionRowCounts counts = new RegionRowCounts(TREE, List.of("complaints", "retail"));
        counts.accept(setAside("complaints", 2, COUNTY_A));
        // complaints counted (none in the other city), retail not delivered
        FactSheet sheet = new FactSheet(EvaluationPeriod.of(2024), TREE, new RecordFacts(), Map.of(), new NationalFigures(true),
                Map.of(), AssessmentFacts.collect(null, List.of()), Map.of("complaints", Map.of(CITY, 7L, COUNTY_A, 4L)));
        assertEquals(List.of(
                new ScoreRows.RegionRowsRow(CITY, 2024, "complaints", 7L, 1),
                new ScoreRows.RegionRowsRow(CITY, 2024, "retail", null, 0),
                new ScoreRows.RegionRowsRow(OTHER_CITY, 2024, "complaints", 0L, 0),
                new ScoreRows.RegionRowsRow(OTHER_CITY, 2024, "retail", null, 0)),
                counts.rows(sheet, List.of(TREE.get(CITY), TREE.get(OTHER_CITY))));
    }
}
