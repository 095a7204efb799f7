package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.netmarket.edition.Edition;
import org.netmarket.edition.TestEditions;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.ItemStatus;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.scoring.TestScorecards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The warnings a run logs for the items needing attention: grouped by status, capped for a country. */
class NeedsAttentionLogTest {
    private static final Edition EDITION = TestEditions.edition2022();
    private static final RegionTree TREE = new RegionTree(List.of(
            new Region("140000", "山西省", null, "province", "central"),
            new Region("140800", "运城市", "140000", "city", "central"),
            new Region("140802", "盐湖区", "140800", "county", "central")));

    private static RegionScorecard card(String region, Map<String, ItemStatus> unscored) {
        return TestScorecards.card(EDITION, region, 2024, unscored);
    }

    @Test
    void oneLinePerRegionWithItsItemsByStatusInEditionOrder() {
        List<String> lines = NeedsAttentionLog.lines(List.of(
                card("140800", Map.of()),
                card("140802", Map.of("28", ItemStatus.NOT_ASSESSED, "4", ItemStatus.MISSING_DATA,
                        "10", ItemStatus.NOT_ASSESSED, "19.2", ItemStatus.NO_RECORDS))), TREE);
        assertEquals(List.of("140802 盐湖区 2024: 4 item(s) need attention (0 points until fixed): missing_data 4;"
                + " not_assessed 10, 28; no_records 19.2"), lines);
    }

    @Test
    void aCountryIsCutShortWithHowManyMore() {
        List<RegionScorecard> cards = new ArrayList<>();
        for (int i = 0; i < NeedsAttentionLog.REGIONS_SHOWN + 3; i++) {
            cards.add(card(String.valueOf(110100 + i), Map.of("1", ItemStatus.MISSING_DATA)));
        }
        List<String> lines = NeedsAttentionLog.lines(cards, TREE);
        assertEquals(NeedsAttentionLog.REGIONS_SHOWN + 1, lines.size());
        assertEquals("110100 2024: 1 item(s) need attention (0 points until fixed): missing_data 1", lines.get(0),
                "a region the tree does not name is shown by code");
        assertEquals("and 3 more region-year(s) with items needing attention (view bi_needs_attention lists them all)",
                lines.get(lines.size() - 1));
    }
}
