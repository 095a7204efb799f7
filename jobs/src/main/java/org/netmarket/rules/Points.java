package org.netmarket.rules;

import java.math.BigDecimal;

/**
 * Points as the warehouse publishes them and every report says them — the console's scorecard,
 * changes.csv, a run's summary — so that a dashboard and a terminal show the same figure: at
 * least one decimal (13.0 next to 16.5, not 13) and no trailing zeros beyond (1.5, not 1.50).
 */
public final class Points {
    private Points() {
    }

    /** The points with at least one decimal and no trailing zeros beyond; the value is unchanged. Null for none. */
    public static BigDecimal published(BigDecimal points) {
        if (points == null) {
            return null;
        }
        BigDecimal plain = points.stripTrailingZeros();
        return plain.scale() < 1 ? plain.setScale(1) : plain;
    }

    /** {@link #published} written out (13.0 also for a version published before version 24 as 13). Null for none. */
    public static String text(BigDecimal points) {
        return points == null ? null : published(points).toPlainString();
    }
}
