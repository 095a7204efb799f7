package org.netmarket.generator;

import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.edition.Parameters;
import org.netmarket.facts.CountedItems;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The thresholds of the edition that the generated data is drawn around (item 4's above-scale
 * sales by economic zone, item 38.2's minimum training hours), read from the edition rather than
 * copied: otherwise an edition that moves one leaves the sample data's "just above" and "just
 * below" cases on the wrong side of it, and nothing says so.
 */
final class EditionThresholds {
    private final Map<String, Long> aboveScaleYuan = new HashMap<>();
    private final int minTrainingHalfHours;

    EditionThresholds(Edition edition) {
        Parameters sales = computedItem(edition, CountedItems.NEW_ABOVE_SCALE_OPERATORS).parameters();
        for (String zone : CountedItems.economicZones()) {
            aboveScaleYuan.put(zone, sales.decimal(CountedItems.aboveScaleThreshold(zone)).longValueExact());
        }
        BigDecimal hours = computedItem(edition, CountedItems.STAFF_TRAINING).parameters()
                .decimal(CountedItems.MIN_TRAINING_HOURS);
        this.minTrainingHalfHours = hours.multiply(BigDecimal.valueOf(2)).intValueExact();
    }

    /** Item 4's above-scale sales threshold of an economic zone, in yuan. */
    long aboveScaleYuan(String zone) {
        Long threshold = aboveScaleYuan.get(zone);
        if (threshold == null) {
            throw new IllegalArgumentException("no above-scale threshold for economic zone '" + zone + "'");
        }
        return threshold;
    }

    /** Item 38.2's minimum training hours, in half-hours (the unit training hours are drawn in). */
    int minTrainingHalfHours() {
        return minTrainingHalfHours;
    }

    private static Item computedItem(Edition edition, String computation) {
        return edition.computedBy(computation).orElseThrow(() -> new IllegalStateException("the edition " + edition.id()
                + " has no item computed by " + computation + ", which the generator draws its data around"));
    }
}
