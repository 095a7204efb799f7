package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.netmarket.config.UsageException;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.edition.TestEditions;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;
import org.netmarket.scoring.ItemScore;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.scoring.TestScorecards;
import org.netmarket.warehouse.PublishedScores.Basis;
import org.netmarket.warehouse.PublishedScores.PublishedItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recomputing some items: the others keep their published points, status and reason, and the
 * totals are rolled up again from the combination (pure Java; the warehouse side is covered by
 * the publishing tests).
 */
class ItemRecomputeTest {
    private static final Edition EDITION = TestEditions.edition2022();

    /** A fresh scorecard with every item at its maximum. */
    private static RegionScorecard freshFullMarks(String region) {
        return TestScorecards.card(EDITION, region, 2024, Map.of());
    }

    /** Published rows with every item at zero points and status no_records. */
    private static Map<String, PublishedItem> publishedZeros() {
        Map<String, PublishedItem> rows = new LinkedHashMap<>();
        for (Item item : EDITION.items()) {
            rows.put(item.code(), new PublishedItem(BigDecimal.ZERO, ItemStatus.NO_RECORDS,
                    Reason.of("published reason " + item.code(), "已发布的原因 " + item.code())));
        }
        return rows;
    }

    @Test
    void itemsNotRecomputedKeepWhatIsPublishedAndTheTotalAddsUp() {
        List<RegionScorecard> cards = ItemRecompute.keepPublished(EDITION, 2024, List.of(freshFullMarks("140802")),
                Set.of("1", "19.2"), Map.of("140802", publishedZeros()));
        RegionScorecard card = cards.get(0);
        ItemScore recomputed = card.item("19.2");
        assertEquals(ItemStatus.SCORED, recomputed.status());
        assertEquals(0, recomputed.points().compareTo(EDITION.item("19.2").maxPoints()), "19.2 keeps its fresh points");
        ItemScore kept = card.item("19.1");
        assertEquals(ItemStatus.NO_RECORDS, kept.status());
        assertEquals(0, kept.points().signum());
        assertEquals(Reason.of("published reason 19.1", "已发布的原因 19.1"), kept.reason());
        BigDecimal expected = EDITION.item("1").maxPoints().add(EDITION.item("19.2").maxPoints());
        assertEquals(0, expected.compareTo(card.totalPoints()), "total " + card.totalPoints() + " = items 1 + 19.2 only");
        assertEquals(0, expected.compareTo(card.indicator("1").points().add(card.indicator("19").points())),
                "indicators 1 and 19 carry the recomputed points");
    }

    @Test
    void anItemMissingFromThePublishedRowsKeepsItsFreshScore() {
        Map<String, PublishedItem> published = publishedZeros();
        published.remove("3");
        RegionScorecard card = ItemRecompute.keepPublished(EDITION, 2024, List.of(freshFullMarks("140802")),
                Set.of("1"), Map.of("140802", published)).get(0);
        assertEquals(0, card.item("3").points().compareTo(EDITION.item("3").maxPoints()));
    }

    @Test
    void aRegionWithNothingPublishedIsRefusedByName() {
        UsageException e = assertThrows(UsageException.class, () -> ItemRecompute.keepPublished(EDITION, 2024,
                List.of(freshFullMarks("140802"), freshFullMarks("140821")), Set.of("1"),
                Map.of("140802", publishedZeros())));
        assertTrue(e.getMessage().contains("nothing is published for 2024 in 140821"), e.getMessage());
        assertFalse(e.getMessage().contains("140802"), e.getMessage());
    }

    private static final Basis DECEMBER = new Basis("2022", LocalDate.of(2024, 12, 31));
    private static final Basis JUNE = new Basis("2022", LocalDate.of(2024, 6, 30));

    /** Some regions on the run's basis already: --as-of June would only move the refusal to them. */
    @Test
    void noOptionIsSuggestedThatWouldRefuseTheRegionsAlreadyOnTheRunsBasis() {
        UsageException e = assertThrows(UsageException.class,
                () -> ItemRecompute.requireSameBasis(2024, Map.of("140802", JUNE, "140800", DECEMBER), DECEMBER, true));
        assertTrue(e.getMessage().contains("2024 is published for 140802 as of 2024-06-30 with edition 2022, and this run"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" editions. Recompute every item (run without --items)"), e.getMessage());
    }

    /** A national year has thousands of regions: ten are named, with how many in all. */
    @Test
    void aRefusalNamesTenRegionsAndCountsTheRest() {
        Map<String, Basis> published = new HashMap<>();
        for (int i = 0; i < 25; i++) {
            published.put(String.valueOf(140801 + i), JUNE);
        }
        UsageException e = assertThrows(UsageException.class, () -> ItemRecompute.requireSameBasis(2024, published, DECEMBER, true));
        assertTrue(e.getMessage().contains("published for 140801, 140802, 140803, 140804, 140805, 140806, 140807, 140808,"
                + " 140809, 140810, … (25) as of 2024-06-30"), e.getMessage());
        assertTrue(e.getMessage().contains("Give --as-of 2024-06-30"), e.getMessage());
        assertTrue(e.messageZh().orElseThrow().contains("140810、… (25) 截至"), e.messageZh().orElseThrow());
    }

    @Test
    void theYearsPublishedBasisOrAYearNotYetPublishedIsAllowed() {
        assertDoesNotThrow(() -> ItemRecompute.requireSameBasis(2024, Map.of("140802", DECEMBER, "140821", DECEMBER), DECEMBER, true),
                "items as of the date the year was published with");
        assertDoesNotThrow(() -> ItemRecompute.requireSameBasis(2024, Map.of(), JUNE, true),
                "a year with no published scores has no basis to keep");
    }

    /** Items cut off at June 30 beside items cut off at December 31 would make one total of both. */
    @Test
    void itemsAsOfAnotherDateThanThePublishedYearAreRefusedWithTheDateToGive() {
        UsageException e = assertThrows(UsageException.class,
                () -> ItemRecompute.requireSameBasis(2024, Map.of("140821", JUNE, "140802", JUNE), DECEMBER, true));
        assertEquals("--items recomputes items of published scores, but 2024 is published for 140802, 140821 as of 2024-06-30"
                + " with edition 2022, and this run scores as of 2024-12-31 with edition 2022: one total would mix items of"
                + " different cut-off dates or editions. Give --as-of 2024-06-30, or recompute every item (run without --items)",
                e.getMessage());
        assertEquals(Optional.of("--items 只重算已发布评分中的部分项目，但 2024 年已发布的评分中，140802、140821 截至 2024-06-30、采用 2022 版，"
                + "本次运行截至 2024-12-31、采用 2022 版，同一总分将混合不同截止日期或版本的项目：请给出 --as-of 2024-06-30，或不带 --items 重算全部项目；"
                + "本次运行未发布任何结果"), e.messageZh());
    }

    /** Backfill scores every year as of December 31 and has no --as-of: a run of the year alone does. */
    @Test
    void aBackfillIsToldToRecomputeTheYearAloneWithTheDateToGive() {
        UsageException e = assertThrows(UsageException.class,
                () -> ItemRecompute.requireSameBasis(2024, Map.of("140802", JUNE), DECEMBER, false));
        assertTrue(e.getMessage().endsWith(" editions. Recompute every item (run without --items), or this year alone with"
                + " run --year 2024 --as-of 2024-06-30 and these --items: a backfill scores every year as of December 31"),
                e.getMessage());
        assertTrue(e.messageZh().orElseThrow().endsWith("请不带 --items 重算全部项目，或用 run --year 2024 --as-of 2024-06-30"
                + " 单独重算这些项目：backfill 按每年 12 月 31 日计分；本次运行未发布任何结果"), e.messageZh().orElseThrow());
        assertTrue(assertThrows(UsageException.class, () -> ItemRecompute.requireSameBasis(2024, Map.of("140802", JUNE),
                new Basis("2025", DECEMBER.asOf()), false)).getMessage().endsWith(" editions. Recompute every item (run"
                + " without --items), or this year alone with run --year 2024 --as-of 2024-06-30 --edition 2022 and these"
                + " --items: a backfill scores every year as of December 31"));
    }

    @Test
    void itemsOfAnotherEditionAreRefusedWithTheEditionToGive() {
        UsageException e = assertThrows(UsageException.class, () -> ItemRecompute.requireSameBasis(2024,
                Map.of("140802", JUNE), new Basis("2025", JUNE.asOf()), true));
        assertTrue(e.getMessage().endsWith("Give --edition 2022, or recompute every item (run without --items)"), e.getMessage());
    }

    /** An edition published from an analyst's file has no id that --edition loads: the file is what to give. */
    @Test
    void itemsOfAnEditionPublishedFromAFileAreRefusedAskingForThatFile() {
        UsageException e = assertThrows(UsageException.class, () -> ItemRecompute.requireSameBasis(2024,
                Map.of("140802", new Basis("2022b", JUNE.asOf())), JUNE, true));
        assertTrue(e.getMessage().endsWith("Give --edition FILE (the edition file of id 2022b), or recompute every item (run without"
                + " --items)"), e.getMessage());
        assertTrue(e.messageZh().orElseThrow().contains("请给出 --edition FILE（标识为 2022b 的版本文件），或不带 --items 重算全部项目"),
                e.messageZh().orElseThrow());
    }

    /** Regions published on different bases have no one option that matches them all. */
    @Test
    void regionsPublishedOnSeveralOtherBasesAreNamedWithEach() {
        UsageException e = assertThrows(UsageException.class, () -> ItemRecompute.requireSameBasis(2024,
                Map.of("140802", JUNE, "140821", new Basis("2025", LocalDate.of(2024, 12, 31))), DECEMBER, true));
        assertTrue(e.getMessage().contains("2024 is published for 140802 as of 2024-06-30 with edition 2022; "
                + "140821 as of 2024-12-31 with edition 2025, and this run"), e.getMessage());
        assertTrue(e.getMessage().endsWith(": one total would mix items of different cut-off dates or editions. "
                + "Recompute every item (run without --items)"), e.getMessage());
    }

    @Test
    void theRowsReplacedAreTheItemsAndTheirIndicators() {
        assertEquals(List.of("19.2", "26.1", "19", "26"), ItemRecompute.codesInScope(EDITION, List.of("19.2", "26.1")));
        assertEquals(List.of("3"), ItemRecompute.codesInScope(EDITION, List.of("3")), "a whole-indicator item is its indicator");
    }
}
