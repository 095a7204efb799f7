package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.edition.Edition;
import org.netmarket.edition.TestEditions;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.extract.ValidationContext;
import org.netmarket.facts.AssessmentFacts;
import org.netmarket.facts.FactBuilder;
import org.netmarket.facts.FactSheet;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;
import org.netmarket.scoring.ItemScore;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.staging.DataDirectory;
import org.netmarket.staging.ExtractReader;
import org.netmarket.staging.LoadedExtract;
import org.netmarket.testing.SharedSpark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.facts.FactsBuilder.COUNTY_B;
import static org.netmarket.facts.FactsBuilder.OTHER_COUNTY;

/**
 * Assessed items as {@link RegionEvaluator} scores them from the assessments extract: a key
 * (region_code, year, item) delivered twice with the same assessed_at and different points is a
 * conflict, and indicators.md gives the item data_error with 0 points; the region's other items
 * and the other regions' assessments of the same item are scored as delivered. The rows are read
 * by {@link ExtractReader}, so the conflict is the one the reader finds, not one written into the
 * facts by hand; the other facts are {@link FactsBuilder}'s (nothing record-level delivered).
 */
class RegionEvaluatorTest {
    @TempDir
    Path data;

    private static final String HEADER = "region_code,year,item,points,evidence,assessor,assessed_at";

    private AssessmentFacts assessments(String... rows) throws IOException {
        return assessments(List.of(2024), rows);
    }

    private AssessmentFacts assessments(List<Integer> years, String... rows) throws IOException {
        Path file = data.resolve("assessments/assessments-2024.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        Edition edition = TestEditions.edition2022();
        DataDirectory dir = DataDirectory.of(data.toString(), SharedSpark.session().sparkContext().hadoopConfiguration());
        LoadedExtract extract = new ExtractReader(SharedSpark.session(), dir).read(SchemaCatalog.load().get("assessments"),
                new ValidationContext(Set.copyOf(FactsBuilder.TREE.codes()), edition));
        return FactBuilder.collectAssessments(extract, years);
    }

    /** A year nobody assessed yet is told apart (one warning instead of every item of every region). */
    @Test
    void aYearIsAssessedWhenAnyRegionHasAnAssessmentOfItEvenAConflictingOne() throws IOException {
        AssessmentFacts facts = assessments(List.of(2022, 2023, 2024),
                COUNTY_A + ",2024,10,2,report A,expert 1,2025-01-10 09:00:00",
                COUNTY_B + ",2022,10,2,report A,expert 1,2023-01-10 09:00:00",
                COUNTY_B + ",2022,10,1,report B,expert 2,2023-01-10 09:00:00");
        assertTrue(facts.hasYear(2024));
        assertTrue(facts.hasYear(2022), "only a conflict: assessed, though not scorable");
        assertFalse(facts.hasYear(2023));
    }

    @Test
    void aConflictingAssessmentIsADataErrorWithNoPointsAndTheOtherAssessmentsAreScored() throws IOException {
        FactSheet sheet = FactsBuilder.year(2024).sheet(assessments(
                // COUNTY_A's item 10 twice at the same assessed_at, 2 and 1.5 points: a conflict.
                COUNTY_A + ",2024,10,2,report A,expert 1,2025-01-10 09:00:00",
                COUNTY_A + ",2024,10,1.5,report B,expert 2,2025-01-10 09:00:00",
                COUNTY_A + ",2024,11.3,1,interfaces,expert 1,2025-01-10 09:00:00",
                COUNTY_B + ",2024,10,1.5,report C,expert 1,2025-01-10 09:00:00",
                // OTHER_COUNTY's item 10 twice one second apart: not a conflict, the later one (1) wins.
                OTHER_COUNTY + ",2024,10,2,report D,expert 1,2025-01-10 09:00:00",
                OTHER_COUNTY + ",2024,10,1,report E,expert 2,2025-01-10 09:00:01"));
        Edition edition = TestEditions.edition2022();

        ItemScore conflicted = RegionEvaluator.evaluate(edition, sheet, FactsBuilder.TREE.get(COUNTY_A)).item("10");
        assertEquals(ItemStatus.DATA_ERROR, conflicted.status());
        assertPoints("0", conflicted);
        assertEquals(Reason.of("the assessment of item 10 has conflicting versions (two rows with the same assessed_at but"
                + " different values, in quarantine.csv); both were set aside",
                "第 10 项的评估打分有相互冲突的版本（assessed_at 相同而内容不同的两行，见 quarantine.csv），两行均已隔离"),
                conflicted.reason());
        assertNull(conflicted.assessment(), "neither version is used");

        assertScored("1", RegionEvaluator.evaluate(edition, sheet, FactsBuilder.TREE.get(COUNTY_A)).item("11.3"));
        assertScored("1.5", RegionEvaluator.evaluate(edition, sheet, FactsBuilder.TREE.get(COUNTY_B)).item("10"));
        assertScored("1", RegionEvaluator.evaluate(edition, sheet, FactsBuilder.TREE.get(OTHER_COUNTY)).item("10"));
        // The city has no row of its own: an assessed item is not summed from the counties.
        assertEquals(ItemStatus.NOT_ASSESSED,
                RegionEvaluator.evaluate(edition, sheet, FactsBuilder.TREE.get(CITY)).item("10").status());
    }

    @Test
    void withoutTheAssessmentsFolderEveryAssessedItemIsMissingData() {
        FactSheet sheet = FactsBuilder.year(2024).sheet(new AssessmentFacts(false));
        RegionScorecard card = RegionEvaluator.evaluate(TestEditions.edition2022(), sheet, FactsBuilder.TREE.get(COUNTY_A));
        List<ItemScore> assessed = card.items().stream().filter(s -> !s.item().isComputed()).toList();
        assertFalse(assessed.isEmpty());
        for (ItemScore s : assessed) {
            assertEquals(ItemStatus.MISSING_DATA, s.status(), s.code());
            assertPoints("0", s);
            assertEquals(Reason.of("the assessments extract was not delivered", "专家评估打分（assessments）未报送"), s.reason(),
                    s.code());
        }
    }

    /**
     * A computed item that lacks its input or records names the rows of its extracts set aside
     * about the region (a month missing because its row was rejected); a scored item, an extract
     * without rows set aside and one whose count is not known say nothing of it.
     */
    @Test
    void anItemWithoutItsInputNamesTheRowsOfItsExtractsSetAside() {
        // Nothing but empty aggregate extracts delivered: every computed item is missing_data.
        FactSheet sheet = FactsBuilder.year(2024).sheet(new AssessmentFacts(false));
        RegionEvaluator.SetAsideRows setAside = (extract, region) -> switch (extract) {
            case "retail" -> region.equals(COUNTY_A) ? 3L : 0L;
            case "complaints" -> null;
            default -> 0L;
        };
        RegionScorecard card = RegionEvaluator.evaluate(TestEditions.edition2022(), sheet, FactsBuilder.TREE.get(COUNTY_A), setAside);
        ItemScore retail = card.item("1");
        assertEquals(ItemStatus.MISSING_DATA, retail.status());
        assertTrue(retail.reason().en().endsWith("; 3 rows of retail about " + COUNTY_A + " or a region below it were set aside"
                + " (see the quarantine report)"), retail.reason().en());
        assertTrue(retail.reason().zh().endsWith("；零售额数据（retail）中有 3 行涉及地区 " + COUNTY_A + " 或其下级地区的数据被隔离（见隔离报告）"),
                retail.reason().zh());
        RegionScorecard without = RegionEvaluator.evaluate(TestEditions.edition2022(), sheet, FactsBuilder.TREE.get(COUNTY_A));
        assertEquals(without.item("1").reason().en() + "; 3 rows of retail about " + COUNTY_A
                + " or a region below it were set aside (see the quarantine report)", retail.reason().en(), "only added to");
        assertEquals(without.item("25.1").reason(), card.item("25.1").reason(), "complaints: not known, not said");
        assertEquals(without.item("5").reason(), card.item("5").reason(), "express: none set aside");
        assertFalse(RegionEvaluator.evaluate(TestEditions.edition2022(), sheet, FactsBuilder.TREE.get(COUNTY_B), setAside)
                .item("1").reason().en().contains("set aside"), "another county's rows");
        assertEquals(without.item("10").reason(), card.item("10").reason(), "an assessed item");
    }

    private static void assertScored(String points, ItemScore score) {
        assertEquals(ItemStatus.SCORED, score.status(), score.code() + ": " + score.reason());
        assertPoints(points, score);
    }

    private static void assertPoints(String points, ItemScore score) {
        assertEquals(0, new BigDecimal(points).compareTo(score.points()), score.code() + " points " + score.points());
    }
}
