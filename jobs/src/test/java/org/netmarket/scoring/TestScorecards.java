package org.netmarket.scoring;

import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Scorecards for tests that need one without facts: every item at its maximum but the ones named. */
public final class TestScorecards {
    private TestScorecards() {
    }

    /**
     * The region's card of the year with every item of the edition scored at its maximum, but
     * the items of {@code unscored}: 0 points with that status and a reason ("why", "原因").
     */
    public static RegionScorecard card(Edition edition, String region, int year, Map<String, ItemStatus> unscored) {
        Map<String, ItemScore> items = new LinkedHashMap<>();
        for (Item item : edition.items()) {
            ItemStatus status = unscored.getOrDefault(item.code(), ItemStatus.SCORED);
            boolean scored = status == ItemStatus.SCORED;
            items.put(item.code(), new ItemScore(item, status, scored ? item.maxPoints() : BigDecimal.ZERO, null, null,
                    scored ? null : Reason.of("why", "原因")));
        }
        return EvaluationRollup.rollUp(edition, region, year, items);
    }
}
