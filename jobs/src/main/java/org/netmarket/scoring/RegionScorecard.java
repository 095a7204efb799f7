package org.netmarket.scoring;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The evaluation of one region for one year under one edition: every item, indicator and
 * category, the total, whether it passes, and what needs attention.
 *
 * @param needsAttention items with a status other than scored, in edition order
 * @param failingCategories first-level categories below the pass rule's share
 */
public record RegionScorecard(String regionCode, int evalYear, String editionId, List<ItemScore> items,
                              List<IndicatorScore> indicators, List<CategoryScore> categories,
                              BigDecimal totalPoints, boolean passed, List<ItemScore> needsAttention,
                              List<CategoryScore> failingCategories) implements Serializable {

    public ItemScore item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item " + code));
    }

    public IndicatorScore indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code));
    }

    public CategoryScore category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no category " + code));
    }
}
