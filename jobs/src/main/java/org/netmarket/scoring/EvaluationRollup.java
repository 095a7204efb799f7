package org.netmarket.scoring;

import org.netmarket.edition.Category;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Indicator;
import org.netmarket.edition.Item;
import org.netmarket.rules.ItemStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rolls item scores up the edition's tree: indicator = sum of its items; second-level category
 * = sum of its indicators; first-level = sum of its second-level categories; total = sum of
 * first-level; passed = the edition's pass rule (2022: total >= 85 and every first-level
 * category >= 75% of its maximum), decided exactly.
 */
public final class EvaluationRollup {
    private EvaluationRollup() {
    }

    /**
     * @param itemScores a score for every item of the edition, by item code
     */
    public static RegionScorecard rollUp(Edition edition, String regionCode, int evalYear, Map<String, ItemScore> itemScores) {
        List<ItemScore> items = new ArrayList<>();
        List<IndicatorScore> indicators = new ArrayList<>();
        for (Indicator indicator : edition.indicators()) {
            List<ItemScore> own = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            ItemStatus status = ItemStatus.SCORED;
            for (Item item : indicator.items()) {
                ItemScore s = itemScores.get(item.code());
                if (s == null) {
                    throw new IllegalStateException("region " + regionCode + ": no score for item " + item.code());
                }
                own.add(s);
                sum = sum.add(s.points());
                status = ItemStatus.worst(status, s.status()); // scored only when every item is
            }
            items.addAll(own);
            indicators.add(new IndicatorScore(indicator, sum, status, own));
        }
        List<CategoryScore> categories = new ArrayList<>();
        List<CategoryScore> failing = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Category first : edition.firstLevelCategories()) {
            List<CategoryScore> children = new ArrayList<>();
            BigDecimal firstSum = BigDecimal.ZERO;
            for (Category second : edition.childrenOf(first.code())) {
                BigDecimal secondSum = indicators.stream()
                        .filter(i -> i.indicator().categoryCode().equals(second.code()))
                        .map(IndicatorScore::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                children.add(new CategoryScore(second, secondSum, null));
                firstSum = firstSum.add(secondSum);
            }
            boolean meets = edition.passRule().categoryPasses(firstSum, first.maxPoints());
            CategoryScore firstScore = new CategoryScore(first, firstSum, meets);
            categories.add(firstScore);
            categories.addAll(children);
            if (!meets) {
                failing.add(firstScore);
            }
            total = total.add(firstSum);
        }
        boolean passed = edition.passRule().totalPasses(total) && failing.isEmpty();
        List<ItemScore> attention = items.stream().filter(ItemScore::needsAttention).toList();
        return new RegionScorecard(regionCode, evalYear, edition.id(), List.copyOf(items), List.copyOf(indicators),
                List.copyOf(categories), total, passed, attention, List.copyOf(failing));
    }
}
