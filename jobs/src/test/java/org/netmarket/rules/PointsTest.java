package org.netmarket.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Points are published with one decimal at least, so that a dashboard shows 13.0 next to 16.5. */
class PointsTest {
    @Test
    void pointsGetOneDecimalAtLeastAndNoTrailingZerosBeyond() {
        assertEquals("13.0", Points.published(new BigDecimal("13")).toPlainString());
        assertEquals("0.0", Points.published(BigDecimal.ZERO).toPlainString());
        assertEquals("100.0", Points.published(new BigDecimal("100")).toPlainString());
        assertEquals("16.5", Points.published(new BigDecimal("16.50")).toPlainString());
        assertEquals("2.0", Points.published(new BigDecimal("2.000")).toPlainString());
        // A finer step, should an edition allow one, keeps its digits.
        assertEquals("0.25", Points.published(new BigDecimal("0.250")).toPlainString());
        assertNull(Points.published(null));
        assertEquals("13.0", Points.text(new BigDecimal("13.000")));
        assertNull(Points.text(null));
    }
}
