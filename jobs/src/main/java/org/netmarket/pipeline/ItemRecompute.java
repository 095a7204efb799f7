package org.netmarket.pipeline;

import org.netmarket.config.UsageException;
import org.netmarket.edition.Edition;
import org.netmarket.rules.Reason;
import org.netmarket.scoring.EvaluationRollup;
import org.netmarket.scoring.ItemScore;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.warehouse.PublishedScores;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputing some items ({@code --items}) of published scores: the rows such a run replaces,
 * and the scorecards that combine the recomputed items with the others' published points, so
 * that categories and total stay the sum of their items.
 */
final class ItemRecompute {
    private ItemRecompute() {
    }

    /** Publishing only the recomputed items would leave a total without the items it adds up. */
    static void requirePublished(int year, Map<String, ?> published, List<String> regions) {
        List<String> unpublished = regions.stream().filter(r -> !published.containsKey(r)).toList();
        if (!unpublished.isEmpty()) {
            throw new UsageException(Reason.of("--items recomputes items of published scores, but nothing is published for "
                    + year + " in " + String.join(", ", unpublished) + ": score all items first (run without --items)",
                    "--items 只重算已发布评分中的部分项目，但 " + String.join("、", unpublished) + " 尚未发布 " + year
                            + " 年的评分：请先不带 --items 计算全部项目；" + UsageException.NOTHING_PUBLISHED_ZH));
        }
    }

    /** Item codes plus the codes of their indicators: the indicator_score rows an item recompute replaces. */
    static List<String> codesInScope(Edition edition, List<String> itemCodes) {
        Set<String> codes = new LinkedHashSet<>(itemCodes);
        for (String code : itemCodes) {
            codes.add(edition.item(code).indicatorCode());
        }
        return List.copyOf(codes);
    }

    /**
     * When only some items are recomputed, the other items keep their published points (from
     * {@code published}: region → item code → row, as {@link PublishedScores#read} returns them),
     * so the categories and total combine the new items with what is published.
     */
    static List<RegionScorecard> keepPublished(Edition edition, int year, List<RegionScorecard> fresh,
                                               Set<String> recomputed,
                                               Map<String, Map<String, PublishedScores.PublishedItem>> published) {
        requirePublished(year, published, fresh.stream().map(RegionScorecard::regionCode).toList());
        List<RegionScorecard> out = new ArrayList<>();
        for (RegionScorecard card : fresh) {
            Map<String, PublishedScores.PublishedItem> mine = published.get(card.regionCode());
            Map<String, ItemScore> items = new LinkedHashMap<>();
            for (ItemScore s : card.items()) {
                PublishedScores.PublishedItem p = mine.get(s.code());
                items.put(s.code(), recomputed.contains(s.code()) || p == null ? s
                        : new ItemScore(s.item(), p.status(), p.points(), null, null, p.reason()));
            }
            out.add(EvaluationRollup.rollUp(edition, card.regionCode(), year, items));
        }
        return out;
    }
}
