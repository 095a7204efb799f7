package org.netmarket.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.edition.TestEditions;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roll-up and pass/fail (2022: total >= 85 and every first-level category >= 75% of its maximum).
 * First-level maxima: development 20, regulation 25, service 20, innovation 20, support 15.
 */
class EvaluationRollupTest {
    private static final Edition EDITION = TestEditions.edition2022();

    /** Item scores for one region, every item at its maximum unless changed. */
    private static final class Scores {
        private final Edition edition;
        private final Map<String, ItemScore> byCode = new LinkedHashMap<>();

        Scores(Edition edition) {
            this.edition = edition;
            for (Item item : edition.items()) {
                byCode.put(item.code(), new ItemScore(item, ItemStatus.SCORED, item.maxPoints(), null, null, null));
            }
        }

        Scores points(String code, String points) {
            Item item = edition.item(code);
            byCode.put(code, new ItemScore(item, ItemStatus.SCORED, new BigDecimal(points), null, null, null));
            return this;
        }

        Scores status(String code, ItemStatus status) {
            Item item = edition.item(code);
            byCode.put(code, new ItemScore(item, status, BigDecimal.ZERO, null, null,
                    Reason.of("because " + status.code(), "因为 " + status.code())));
            return this;
        }

        /** The same points and statuses for the items of another edition with the same codes. */
        Scores under(Edition other) {
            Scores s = new Scores(other);
            byCode.forEach((code, score) -> s.byCode.put(code,
                    new ItemScore(other.item(code), score.status(), score.points(), null, null, score.reason())));
            return s;
        }

        RegionScorecard rollUp() {
            return EvaluationRollup.rollUp(edition, "330100", 2024, byCode);
        }
    }

    private static void assertPoints(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void fullMarksAreOneHundredAndPass() {
        RegionScorecard card = new Scores(EDITION).rollUp();
        assertPoints("100", card.totalPoints(), "total");
        assertTrue(card.passed());
        assertTrue(card.needsAttention().isEmpty());
        assertTrue(card.failingCategories().isEmpty());
        assertEquals("2022", card.editionId());
        assertEquals("330100", card.regionCode());
        assertEquals(2024, card.evalYear());
        assertEquals(75, card.items().size());
        assertEquals(41, card.indicators().size());
        assertEquals(15, card.categories().size(), "5 first-level + 10 second-level");
    }

    /** Exactly 85 with development at exactly 15 of 20 (75%): both conditions met with equality. */
    private static Scores exactly85WithDevelopmentAt75Percent() {
        return new Scores(EDITION)
                .points("1", "0").points("2", "0").points("10", "1")        // development 20-2-2-1 = 15 (75%)
                .points("11.3", "0").points("16", "1").points("17.3", "0")  // regulation 25-1-2-1 = 21
                .points("20.1", "0").points("20.2", "0").points("20.3", "0") // service 20-3 = 17
                .points("28", "0");                                          // innovation 20-3 = 17
        // support 15: 15 + 21 + 17 + 17 + 15 = 85
    }

    @Test
    void totalExactly85WithACategoryAtExactly75PercentPasses() {
        RegionScorecard card = exactly85WithDevelopmentAt75Percent().rollUp();
        assertPoints("85", card.totalPoints(), "total");
        assertPoints("15", card.category("development").points(), "development");
        assertTrue(card.category("development").meetsShare(), "15 of 20 is exactly 75%");
        assertTrue(card.passed(), "85 and every first-level category >= 75%");
        assertTrue(card.failingCategories().isEmpty());
    }

    @Test
    void total84Point5FailsWithEveryCategoryAtOrAbove75Percent() {
        RegionScorecard card = exactly85WithDevelopmentAt75Percent().points("41.2", "0.5").rollUp();
        assertPoints("84.5", card.totalPoints(), "total");
        assertPoints("14.5", card.category("support").points(), "support");
        card.categories().stream().filter(c -> c.category().isFirstLevel())
                .forEach(c -> assertTrue(c.meetsShare(), c.code() + " meets 75%"));
        assertFalse(card.passed(), "84.5 < 85");
        assertTrue(card.failingCategories().isEmpty());
    }

    @Test
    void total84Point5FailsWithEveryCategoryStrictlyAbove75Percent() {
        RegionScorecard card = new Scores(EDITION)
                .points("1", "0").points("2", "0")                                  // development 20-2-2 = 16 (80%)
                .points("11.3", "0").points("16", "0").points("17.3", "0")          // regulation 25-1-3-1 = 20 (80%)
                .points("20.1", "0").points("20.2", "0").points("20.3", "0")        // service 20-3 = 17 (85%)
                .points("28", "0")                                                  // innovation 20-3 = 17 (85%)
                .points("41.2", "0.5")                                              // support 15-0.5 = 14.5 (96.7%)
                .rollUp();
        assertPoints("16", card.category("development").points(), "development");
        assertPoints("20", card.category("regulation").points(), "regulation");
        assertPoints("17", card.category("service").points(), "service");
        assertPoints("17", card.category("innovation").points(), "innovation");
        assertPoints("14.5", card.category("support").points(), "support");
        assertPoints("84.5", card.totalPoints(), "total");
        assertFalse(card.passed(), "84.5 < 85, however far above 75% every category is");
        assertTrue(card.failingCategories().isEmpty());
    }

    @Test
    void total85Point5WithACategoryAtExactly75PercentPasses() {
        // Item 16 at 1.5 instead of 1: regulation 21.5, total 85 + 0.5 = 85.5, development still 15 of 20.
        RegionScorecard card = exactly85WithDevelopmentAt75Percent().points("16", "1.5").rollUp();
        assertPoints("85.5", card.totalPoints(), "total");
        assertPoints("15", card.category("development").points(), "development");
        assertTrue(card.passed(), "85.5 >= 85 and every first-level category >= 75%");
        assertTrue(card.failingCategories().isEmpty());
    }

    @Test
    void total85WithACategoryBelow75PercentFails() {
        RegionScorecard card = new Scores(EDITION)
                .points("1", "0").points("2", "0").points("10", "0.5")       // development 14.5 of 20 = 72.5%
                .points("11.3", "0").points("17.3", "0")                     // regulation 23
                .points("28", "0").points("32", "1.5")                       // innovation 15.5 (77.5%)
                .points("38.1", "0").points("39.1", "0").points("39.2", "0") // support 12 (80%)
                .rollUp();                                                   // 14.5+23+20+15.5+12 = 85
        assertPoints("85", card.totalPoints(), "total");
        assertFalse(card.category("development").meetsShare());
        assertFalse(card.passed(), "development is below 75% of 20");
        assertEquals(List.of("development"), card.failingCategories().stream().map(CategoryScore::code).toList());
    }

    /**
     * Where 75% of a maximum is not reachable in half points (regulation: 18.75 of 25; support:
     * 11.25 of 15), the half point below it fails the category and the half point above passes it,
     * with every other category full and the total far above 85: the share is compared exactly,
     * not rounded to the points a region can have.
     */
    @ParameterizedTest(name = "{0} at {1} of {2}: meets 75% = {3}")
    @CsvSource({
            "regulation, 18.5, 25, false",
            "regulation, 19,   25, true",
            "support,    11,   15, false",
            "support,    11.5, 15, true"})
    void aCategoryWhose75PercentFallsBetweenHalfPointsIsJudgedExactly(String category, String points, String max,
                                                                       boolean meets) {
        BigDecimal target = new BigDecimal(points);
        Scores scores = new Scores(EDITION);
        // Items of the category taken down in edition order, each by at most its maximum, until it holds the target.
        BigDecimal left = new BigDecimal(max).subtract(target);
        for (Item item : EDITION.items()) {
            if (left.signum() == 0) {
                break;
            }
            if (EDITION.firstLevelOf(EDITION.indicator(item.indicatorCode())).code().equals(category)) {
                BigDecimal cut = left.min(item.maxPoints());
                scores.points(item.code(), item.maxPoints().subtract(cut).toPlainString());
                left = left.subtract(cut);
            }
        }
        RegionScorecard card = scores.rollUp();
        assertPoints(points, card.category(category).points(), category);
        assertPoints(new BigDecimal(100).subtract(new BigDecimal(max)).add(target).toPlainString(), card.totalPoints(), "total");
        assertEquals(meets, card.category(category).meetsShare(), category + " " + points + " of " + max);
        assertEquals(meets, card.passed(), "the total is above 85: the category decides");
        assertEquals(meets ? List.of() : List.of(category), card.failingCategories().stream().map(CategoryScore::code).toList());
    }

    @Test
    void indicatorPointsAreTheSumOfItsItemsAndCategoriesSumUp() {
        RegionScorecard card = new Scores(EDITION)
                .points("11.1", "1").points("11.2", "0").points("11.3", "0.5") // indicator 11: 1.5
                .points("12.2", "0.5")                                         // indicator 12: 2.5
                .points("3", "1").points("4", "0")                             // development.scale: 10-1-2 = 7
                .rollUp();
        assertPoints("1.5", card.indicator("11").points(), "indicator 11 = 1 + 0 + 0.5");
        assertPoints("2.5", card.indicator("12").points(), "indicator 12");
        assertPoints("1", card.indicator("3").points(), "indicator 3 (its own single item)");
        assertPoints("7", card.category("development.scale").points(), "development.scale = 2+2+1+0+2");
        assertPoints("10", card.category("development.quality").points(), "development.quality");
        assertPoints("17", card.category("development").points(), "development = 7 + 10");
        // regulation.supervision: 15 - 1.5 (indicator 11) - 0.5 (indicator 12) = 13
        assertPoints("13", card.category("regulation.supervision").points(), "regulation.supervision");
        assertPoints("23", card.category("regulation").points(), "regulation = 13 + 10");
        assertPoints("95", card.totalPoints(), "total = 100 - 3 - 2");
        assertEquals(List.of("11.1", "11.2", "11.3"), card.indicator("11").items().stream().map(ItemScore::code).toList());
    }

    @Test
    void needsAttentionListsExactlyTheNonScoredItemsInEditionOrder() {
        RegionScorecard card = new Scores(EDITION)
                .status("17.2", ItemStatus.DATA_ERROR)
                .status("3", ItemStatus.DATA_ERROR)
                .status("11.3", ItemStatus.NOT_ASSESSED)
                .status("11.2", ItemStatus.NO_RECORDS)
                .status("17.1", ItemStatus.MISSING_DATA)
                .points("10", "0") // scored with 0 points: not "needs attention"
                .rollUp();
        assertEquals(List.of("3", "11.2", "11.3", "17.1", "17.2"),
                card.needsAttention().stream().map(ItemScore::code).toList());
        assertPoints("92", card.totalPoints(), "100 - 2 (3) - 1 - 1 (11.2, 11.3) - 1 - 1 (17.1, 17.2) - 2 (10) = 92");
    }

    @Test
    void indicatorStatusIsTheMostSevereOfItsItems() {
        RegionScorecard card = new Scores(EDITION)
                .status("11.2", ItemStatus.NO_RECORDS).status("11.3", ItemStatus.NOT_ASSESSED)
                .status("17.1", ItemStatus.MISSING_DATA).status("17.2", ItemStatus.DATA_ERROR)
                .status("18.1", ItemStatus.NO_RECORDS).status("18.2", ItemStatus.DATA_ERROR)
                .status("3", ItemStatus.DATA_ERROR)
                .rollUp();
        assertEquals(ItemStatus.NO_RECORDS, card.indicator("11").status(), "scored + no_records + not_assessed");
        assertEquals(ItemStatus.MISSING_DATA, card.indicator("17").status(), "missing_data + data_error + scored");
        assertEquals(ItemStatus.DATA_ERROR, card.indicator("18").status(), "no_records + data_error");
        assertEquals(ItemStatus.DATA_ERROR, card.indicator("3").status(), "whole-indicator item");
        assertEquals(ItemStatus.SCORED, card.indicator("12").status(), "all items scored");
        assertPoints("1", card.indicator("11").points(), "only 11.1 scores");
        assertPoints("1", card.indicator("17").points(), "only 17.3 scores");
    }

    @Test
    void anIndicatorsReasonNamesEachItemThatIsNotScored() {
        RegionScorecard card = new Scores(EDITION)
                .status("11.2", ItemStatus.NO_RECORDS).status("11.3", ItemStatus.NOT_ASSESSED)
                .status("3", ItemStatus.DATA_ERROR)
                .rollUp();
        assertEquals(Reason.of("11.2: because no_records; 11.3: because not_assessed",
                "11.2：因为 no_records；11.3：因为 not_assessed"), card.indicator("11").reason());
        assertEquals(Reason.of("3: because data_error", "3：因为 data_error"), card.indicator("3").reason(), "whole-indicator item");
        assertEquals(null, card.indicator("12").reason(), "all items scored");
    }

    @Test
    void aMissingItemScoreIsAnError() {
        Map<String, ItemScore> scores = new LinkedHashMap<>();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EvaluationRollup.rollUp(EDITION, "330100", 2024, scores));
        assertTrue(e.getMessage().contains("no score for item 1"), e.getMessage());
    }

    @Test
    void aCategoryAt76PercentPassesUnder2022ButFailsUnderTheRevisedEdition() {
        Edition revised = TestEditions.revised();
        // regulation 19 of 25 = 76%: >= 75% (2022) but < 80% (revised); total 94.
        Scores scores = new Scores(EDITION).points("16", "0")                      // 25 - 3
                .points("13.1", "0").points("13.2", "0").points("13.3", "0");      //    - 3 = 19
        RegionScorecard under2022 = scores.rollUp();
        assertPoints("19", under2022.category("regulation").points(), "regulation");
        assertPoints("94", under2022.totalPoints(), "total");
        assertTrue(under2022.passed(), "2022: 94 >= 85 and 76% >= 75%");

        RegionScorecard underRevised = scores.under(revised).rollUp();
        assertEquals(revised.id(), underRevised.editionId());
        assertPoints("94", underRevised.totalPoints(), "same points");
        assertFalse(underRevised.passed(), "revised: 76% < 80%");
        assertEquals(List.of("regulation"), underRevised.failingCategories().stream().map(CategoryScore::code).toList());
    }
}
