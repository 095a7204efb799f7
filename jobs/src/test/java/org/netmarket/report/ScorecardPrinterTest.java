package org.netmarket.report;

import org.junit.jupiter.api.Test;
import org.netmarket.edition.Category;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.edition.TestEditions;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;
import org.netmarket.rules.Reason;
import org.netmarket.scoring.EvaluationRollup;
import org.netmarket.scoring.ItemScore;
import org.netmarket.scoring.RegionScorecard;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printed scorecard says what date it counted to, and explains a mark only when it shows one. */
class ScorecardPrinterTest {
    private static final Edition EDITION = TestEditions.edition2022();
    private static final RegionTree REGIONS = new RegionTree(List.of(new Region("140802", "盐湖区", null, "county", "central")));

    /** 盐湖区's card of 2024 with every item at its maximum, or with item 1 (development) at 0 and 7 missing. */
    private static RegionScorecard card(boolean failingDevelopment) {
        Map<String, ItemScore> items = new LinkedHashMap<>();
        for (Item item : EDITION.items()) {
            boolean zero = failingDevelopment && (item.code().equals("1") || item.code().equals("2") || item.code().equals("3"));
            items.put(item.code(), new ItemScore(item, ItemStatus.SCORED, zero ? BigDecimal.ZERO : item.maxPoints(), null, null, null));
        }
        return EvaluationRollup.rollUp(EDITION, "140802", 2024, items);
    }

    private static String print(LocalDate asOf, RegionScorecard card) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ScorecardPrinter(EDITION, REGIONS, asOf).print(List.of(card), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theHeaderSaysTheDateTheFactsWereCountedTo() {
        assertTrue(print(null, card(false)).contains("Scorecard 2024 as of 2024-12-31 — edition 2022"), "the year's end by default");
        String midYear = print(LocalDate.of(2024, 6, 30), card(false));
        assertTrue(midYear.contains("Scorecard 2024 as of 2024-06-30 — edition 2022"), midYear);
    }

    @Test
    void theFootnoteOfTheMarkIsPrintedOnlyUnderACardThatShowsIt() {
        assertTrue(print(null, card(true)).contains("(* below 75% of the category's maximum)"), print(null, card(true)));
        assertFalse(print(null, card(false)).contains("(* below"), "no category is marked");
    }

    /** The mark sits on exactly the categories below 75% of their maximum, judged here from the points. */
    @Test
    void theMarkSitsOnEveryCategoryBelowItsShareAndOnNoOther() {
        for (boolean failingDevelopment : new boolean[] {true, false}) {
            RegionScorecard card = card(failingDevelopment);
            List<String> cells = categoryCells(print(null, card));
            List<Category> firsts = EDITION.firstLevelCategories();
            assertEquals(firsts.size(), cells.size(), "one cell per first-level category: " + cells);
            int marked = 0;
            for (int i = 0; i < firsts.size(); i++) {
                Category c = firsts.get(i);
                BigDecimal points = card.category(c.code()).points();
                boolean below = points.multiply(new BigDecimal(4)).compareTo(c.maxPoints().multiply(new BigDecimal(3))) < 0;
                marked += below ? 1 : 0;
                assertEquals(below, cells.get(i).endsWith("*"),
                        c.code() + " at " + points + " of " + c.maxPoints() + " printed as '" + cells.get(i) + "'");
                assertEquals(0, new BigDecimal(cells.get(i).replace("*", "")).compareTo(points), c.code() + ": " + cells.get(i));
            }
            assertEquals(failingDevelopment ? 1 : 0, marked, "the cards are built with development failing or nothing failing");
        }
    }

    /**
     * An analyst recomputing some items sees each of them, and only them, with what it measured
     * against what (the 2022 edition's 19.1 and 19.2 must exceed 90%), or why it was not scored.
     */
    @Test
    void theItemsRecomputedAreListedWithWhatTheyMeasured() {
        Map<String, ItemScore> items = new LinkedHashMap<>();
        for (Item item : EDITION.items()) {
            items.put(item.code(), new ItemScore(item, ItemStatus.SCORED, item.maxPoints(), null, null, null));
        }
        items.put("19.1", new ItemScore(EDITION.item("19.1"), ItemStatus.SCORED, BigDecimal.ONE,
                Measurement.of(Observation.of("on_time_rate", Ratio.of(76, 78))), null, null));
        items.put("19.2", new ItemScore(EDITION.item("19.2"), ItemStatus.SCORED, BigDecimal.ZERO,
                Measurement.of(Observation.of("completion_rate", Ratio.of(32, 36))), null, null));
        Reason missing = Reason.of("employment has no row for region 140802, 2024", "就业数据（employment）中没有地区 140802 2024 年的记录");
        items.put("7", new ItemScore(EDITION.item("7"), ItemStatus.MISSING_DATA, BigDecimal.ZERO,
                Measurement.unscored(ItemStatus.MISSING_DATA, missing), null, missing));
        RegionScorecard card = EvaluationRollup.rollUp(EDITION, "140802", 2024, items);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ScorecardPrinter(EDITION, REGIONS, null).printItems(List.of(card), List.of("7", "19.1", "19.2"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();

        assertEquals("Items recomputed (7, 19.1, 19.2):", lines.get(0));
        assertEquals("140802 盐湖区 — 2024:", lines.get(1));
        assertEquals(5, lines.size(), "the three items recomputed and no other: " + lines);
        String onTime = "0.9743589744"; // 76/78 = 0.97435897435897…, to 10 places
        String completed = "0.8888888889"; // 32/36
        assertTrue(lines.get(2).matches(" +7 +0\\.0 / 2\\.0 +missing_data +" + Pattern.quote(missing.en())), lines.get(2));
        assertTrue(lines.get(3).matches(" +19\\.1 +1\\.0 / 1\\.0 +scored +on_time_rate: " + Pattern.quote(onTime + " (76/78) vs 0.9 met")),
                lines.get(3));
        assertTrue(lines.get(4).matches(" +19\\.2 +0\\.0 / 1\\.0 +scored +completion_rate: "
                + Pattern.quote(completed + " (32/36) vs 0.9 not met")), lines.get(4));
    }

    /** The category cells of 盐湖区's line: the words between its result and its count of items needing attention. */
    private static List<String> categoryCells(String printed) {
        String line = printed.lines().filter(l -> l.startsWith("140802 ")).findFirst().orElseThrow(() -> new AssertionError(printed));
        List<String> words = List.of(line.trim().split(" +"));
        int result = Math.max(words.indexOf("PASS"), words.indexOf("FAIL"));
        assertTrue(result > 0, line);
        return words.subList(result + 1, words.size() - 1);
    }
}
