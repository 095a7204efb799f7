package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.AssessmentFacts;
import org.netmarket.facts.EvaluationPeriod;
import org.netmarket.facts.FactSheet;
import org.netmarket.facts.NationalFigures;
import org.netmarket.facts.RecordFacts;
import org.netmarket.rules.Reason;
import org.netmarket.staging.QuarantinedRow;
import org.netmarket.staging.StagingArea;
import org.netmarket.warehouse.ScoreRows;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.facts.FactsBuilder.COUNTY_B;
import static org.netmarket.facts.FactsBuilder.OTHER_CITY;
import static org.netmarket.facts.FactsBuilder.PROVINCE;
import static org.netmarket.facts.FactsBuilder.TREE;

/**
 * Rows set aside count for the region they name and, where its items count the regions under it,
 * for every region above it; never for a sibling. Rows the row rules rejected are counted from
 * the quarantine and, on a merging night, the staging manifest; conflicting versions from the state.
 */
class RegionRowCountsTest {

    private static QuarantinedRow setAside(String extract, String file, long line, String region) {
        return new QuarantinedRow(extract, file, line, "raw", null, Reason.of("bad", "坏"), region);
    }

    private static StagingArea.StagedFile staged(String extract, Map<String, Long> setAsideByRegion) {
        return new StagingArea.StagedFile(extract, 100, 1L, "ab", 10L, 1L, 1L, "UTF-8", List.of(), setAsideByRegion);
    }

    @Test
    void aRowSetAsideCountsForItsRegionAndItsAncestors() {
        RegionRowCounts counts = new RegionRowCounts(TREE, List.of("complaints", "retail"));
        List.of(setAside("complaints", "complaints/a.csv", 2, COUNTY_A), setAside("complaints", "complaints/a.csv", 3, COUNTY_A),
                setAside("complaints", "complaints/b.csv", 4, COUNTY_B), setAside("retail", "retail/r.csv", 2, CITY)).forEach(counts);
        assertEquals(2L, counts.setAside("complaints", COUNTY_A));
        assertEquals(1L, counts.setAside("complaints", COUNTY_B));
        assertEquals(3L, counts.setAside("complaints", CITY));
        assertEquals(3L, counts.setAside("complaints", PROVINCE));
        assertEquals(0L, counts.setAside("complaints", OTHER_CITY), "a sibling city");
        // the city's own row: not its counties'
        assertEquals(1L, counts.setAside("retail", CITY));
        assertEquals(0L, counts.setAside("retail", COUNTY_A));
        assertEquals(1L, counts.setAside("retail", PROVINCE));
        // by file, each region's own: what the staging manifest keeps
        assertEquals(Map.of(COUNTY_A, 2L), counts.rejectedOf("complaints/a.csv"));
        assertEquals(Map.of(), counts.rejectedOf("complaints/c.csv"));
    }

    /**
     * What the items' reasons are given (rolled up once, read by regions scored in parallel): the
     * counts as {@link RegionRowCounts#setAside(String, String)} gives them, 0 for an extract whose
     * rows name no region, null for one whose counts are not known.
     */
    @Test
    void theRolledUpCountsAreTheLineagesAndSayWhatIsNotKnown() {
        RegionRowCounts counts = new RegionRowCounts(TREE, List.of("complaints", "retail"));
        List.of(setAside("complaints", "complaints/a.csv", 2, COUNTY_A), setAside("complaints", "complaints/b.csv", 4, COUNTY_B))
                .forEach(counts);
        counts.stagedEarlier(staged("retail", null));
        RegionEvaluator.SetAsideRows rolledUp = counts.rolledUp();
        assertEquals(2L, rolledUp.of("complaints", CITY));
        assertEquals(1L, rolledUp.of("complaints", COUNTY_A));
        assertEquals(0L, rolledUp.of("complaints", OTHER_CITY));
        assertNull(rolledUp.of("retail", CITY), "a file staged without its counts");
        assertEquals(0L, rolledUp.of("national", CITY), "rows that name no region");
    }

    @Test
    void conflictingVersionsCountFromTheStateNotFromTheNightsQuarantine() {
        // A night's quarantine lists a conflict its files took part in, rows staged before included;
        // the state lists every conflict once, those no file of the night touched too.
        RegionRowCounts counts = new RegionRowCounts(TREE, List.of("dispatches"));
        counts.accept(new QuarantinedRow("dispatches", "dispatches/old.csv", 2, null, "completed_at",
                Reason.of(QuarantinedRow.CONFLICTING_VERSIONS + "this row and another (dispatches/new.csv line 2) ...",
                        "版本冲突：……"), COUNTY_A));
        assertEquals(0L, counts.setAside("dispatches", COUNTY_A));
        assertEquals(Map.of(), counts.rejectedOf("dispatches/old.csv"), "not a rejection the manifest keeps");
        counts.conflicts("dispatches", Map.of(COUNTY_A, 3L, COUNTY_B, 2L));
        assertEquals(3L, counts.setAside("dispatches", COUNTY_A));
        assertEquals(5L, counts.setAside("dispatches", CITY));
    }

    @Test
    void anAssessmentSetAsideCountsForItsRegionAlone() {
        // a city's assessed items are the city's, not its counties'
        RegionRowCounts counts = new RegionRowCounts(TREE, List.of("assessments"));
        counts.accept(setAside("assessments", "assessments/a.csv", 2, COUNTY_A));
        assertEquals(1L, counts.setAside("assessments", COUNTY_A));
        assertEquals(0L, counts.setAside("assessments", CITY));
        assertEquals(0L, counts.setAside("assessments", PROVINCE));
    }

    @Test
    void aRowNamingNoKnownRegionCountsForNone() {
        RegionRowCounts counts = new RegionRowCounts(TREE, List.of("complaints"));
        counts.accept(setAside("complaints", "complaints/a.csv", 2, null));
        counts.accept(setAside("complaints", "complaints/a.csv", 3, "999999"));
        for (String region : TREE.codes()) {
            assertEquals(0L, counts.setAside("complaints", region), region);
        }
        assertEquals(Map.of(), counts.rejectedOf("complaints/a.csv"));
    }

    @Test
    void aMergingNightAddsTheRowsSetAsideFromTheFilesStagedBefore() {
        RegionRowCounts counts = new RegionRowCounts(TREE, List.of("complaints", "dispatches"));
        counts.accept(setAside("complaints", "complaints/new.csv", 2, COUNTY_A));
        counts.stagedEarlier(staged("complaints", Map.of(COUNTY_A, 2L, COUNTY_B, 1L, "999999", 5L)));
        assertEquals(3L, counts.setAside("complaints", COUNTY_A));
        assertEquals(4L, counts.setAside("complaints", CITY), "a region no longer in regions.csv counts for none");
        // a file staged by an older job version: its rows by region are unknown, and so is the sum
        counts.stagedEarlier(staged("dispatches", null));
        assertNull(counts.setAside("dispatches", COUNTY_A));
        assertEquals(Map.of(COUNTY_A, 1L), counts.rejectedOf("complaints/new.csv"), "the night's own rows only");
    }

    @Test
    void oneRowPerRegionAndExtractOfTheYear() {
        RegionRowCounts counts = new RegionRowCounts(TREE, List.of("complaints", "retail"));
        counts.accept(setAside("complaints", "complaints/a.csv", 2, COUNTY_A));
        // complaints counted (none in the other city), retail not delivered
        FactSheet sheet = new FactSheet(EvaluationPeriod.of(2024), TREE, new RecordFacts(), Map.of(), new NationalFigures(true),
                Map.of(), new AssessmentFacts(false), Map.of("complaints", Map.of(CITY, 7L, COUNTY_A, 4L)));
        assertEquals(List.of(
                new ScoreRows.RegionRowsRow(CITY, 2024, "complaints", 7L, 1L),
                new ScoreRows.RegionRowsRow(CITY, 2024, "retail", null, 0L),
                new ScoreRows.RegionRowsRow(OTHER_CITY, 2024, "complaints", 0L, 0L),
                new ScoreRows.RegionRowsRow(OTHER_CITY, 2024, "retail", null, 0L)),
                counts.rows(sheet, List.of(TREE.get(CITY), TREE.get(OTHER_CITY)), counts.rolledUp()));
    }
}
