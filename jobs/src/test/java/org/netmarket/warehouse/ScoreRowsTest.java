package org.netmarket.warehouse;

import org.junit.jupiter.api.Test;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Indicator;
import org.netmarket.edition.TestEditions;
import org.netmarket.rules.ItemStatus;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.scoring.TestScorecards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rows of many scorecards, built on several cores: every card's rows, each card's in the
 * edition's order and the cards in the order given (what the history is written in).
 */
class ScoreRowsTest {
    private static final Edition EDITION = TestEditions.edition2022();
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    /** A region whose items are scored in full, but for item 4, missing when the region's code is odd. */
    private static RegionScorecard card(String region) {
        boolean odd = Integer.parseInt(region) % 2 == 1;
        return TestScorecards.card(EDITION, region, 2024, odd ? Map.of("4", ItemStatus.MISSING_DATA) : Map.of());
    }

    /** The indicator rows of one card as the edition lists them: an indicator, then its items. */
    private static List<String> editionOrder(String region) {
        List<String> out = new ArrayList<>();
        for (Indicator ind : EDITION.indicators()) {
            out.add(region + " " + ind.code());
            if (ind.hasSubItems()) {
                ind.items().forEach(it -> out.add(region + " " + it.code()));
            }
        }
        return out;
    }

    @Test
    void everyCardsRowsInTheCardsOrderEachInTheEditionsOrder() {
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            regions.add(String.valueOf(140801 + i * 7));
        }
        ScoreRows rows = ScoreRows.of(EDITION, regions.stream().map(ScoreRowsTest::card).toList(), AS_OF, List.of());

        List<String> expected = new ArrayList<>();
        regions.forEach(r -> expected.addAll(editionOrder(r)));
        assertEquals(expected, rows.indicators().stream().map(r -> r.regionCode() + " " + r.code()).toList());
        assertEquals(regions, rows.evaluations().stream().map(ScoreRows.EvaluationRow::regionCode).toList());
        assertEquals(regions.size() * EDITION.categories().size(), rows.categories().size());
        assertEquals(regions, rows.categories().stream().map(ScoreRows.CategoryRow::regionCode).distinct().toList());
        for (ScoreRows.EvaluationRow e : rows.evaluations()) {
            boolean odd = Integer.parseInt(e.regionCode()) % 2 == 1;
            assertEquals(odd ? 1 : 0, e.itemsNeedingAttention(), e.regionCode());
            assertEquals(odd ? new BigDecimal("98.0") : new BigDecimal("100.0"), e.totalPoints(), e.regionCode());
        }
    }
}
