package org.netmarket.edition;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The pass criterion of an edition: total {@code >=} {@code totalAtLeast} and every first-level
 * category scoring {@code >=} {@code firstLevelShareAtLeast} of its maximum (2022: 85 and 75%).
 * Both comparisons are exact decimal comparisons.
 */
public record PassRule(BigDecimal totalAtLeast, BigDecimal firstLevelShareAtLeast, String textZh)
        implements Serializable {

    public boolean totalPasses(BigDecimal total) {
        return total.compareTo(totalAtLeast) >= 0;
    }

    /** points/max >= share, decided as points >= share * max. */
    public boolean categoryPasses(BigDecimal points, BigDecimal max) {
        return points.compareTo(firstLevelShareAtLeast.multiply(max)) >= 0;
    }
}
