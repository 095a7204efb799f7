package org.netmarket.edition;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A third-level indicator (e.g. {@code 11} 强化智慧监管, 3 points) with its items; its points are
 * the sum of its items' points.
 *
 * @param categoryCode the second-level category it belongs to, e.g. {@code regulation.supervision}
 */
public record Indicator(String code, String nameZh, String nameEn, BigDecimal maxPoints, String categoryCode,
                        List<Item> items) implements Serializable {
    public Indicator {
        items = List.copyOf(items);
    }

    /** True when the indicator has numbered sub-points (e.g. 11.1-11.3). */
    public boolean hasSubItems() {
        return !(items.size() == 1 && items.get(0).isWholeIndicator());
    }
}
