package org.netmarket.rules;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The latest expert or document-review assessment of one assessed item for a region and year. */
public record Assessment(String itemCode, BigDecimal points, String evidence, String assessor,
                         LocalDateTime assessedAt) implements Serializable {
}
