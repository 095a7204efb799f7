package org.netmarket.scoring;

import org.netmarket.edition.Item;
import org.netmarket.rules.Assessment;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Reason;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The points and status of one item for one region and year, with what they were derived from:
 * the measurement of a computed item or the assessment of an assessed one.
 *
 * @param reason why the item was not scored (null when scored)
 */
public record ItemScore(Item item, ItemStatus status, BigDecimal points, Measurement measurement,
                        Assessment assessment, Reason reason) implements Serializable {

    public String code() {
        return item.code();
    }

    public BigDecimal maxPoints() {
        return item.maxPoints();
    }

    public boolean needsAttention() {
        return status != ItemStatus.SCORED;
    }
}
