package org.netmarket.scoring;

import org.netmarket.edition.Indicator;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;

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

    /**
     * Why the indicator is not (fully) scored: the reasons of its items that are not
     * ("27.1: …; 27.2: …"), so that an indicator's row answers the question as an item's does;
     * null when every item is scored.
     */
    public Reason reason() {
        List<Reason> reasons = items.stream().filter(i -> i.status() != ItemStatus.SCORED)
                .map(i -> i.reason().under(i.code())).toList();
        return reasons.isEmpty() ? null : Reason.join(reasons);
    }
}
