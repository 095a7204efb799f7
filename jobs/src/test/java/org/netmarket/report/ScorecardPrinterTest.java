package org.netmarket.report;

import org.junit.jupiter.api.Test;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.edition.TestEditions;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.ItemStatus;
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
        String failing = print(null, card(true));
        assertTrue(failing.contains("*"), failing);
        assertTrue(failing.contains("(* below 75% of the category's maximum)"), failing);
        assertFalse(print(null, card(false)).contains("(* below"), "no category is marked");
    }
}
