package org.netmarket.scoring;

import org.netmarket.edition.Indicator;
import org.netmarket.rules.ItemStatus;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator's points (the sum of its items) and status: scored when every item is scored,
 * otherwise the most severe status among its items.
 */
public record IndicatorScore(Indicator indicator, BigDecimal points, ItemStatus status, List<ItemScore> items)
        implements Serializable {
    public String code() {
        return indicator.code();
    }
}
