package org.netmarket.scoring;

import org.netmarket.edition.EditionException;
import org.netmarket.edition.Item;
import org.netmarket.rules.Assessment;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Reason;
import org.netmarket.rules.ScoringRule;

import java.math.BigDecimal;

/**
 * Judges one item: applies the edition's rule to a computed item's measurement, or takes an
 * assessed item's points. Every status other than scored gives 0 points.
 */
public final class ItemScorer {
    private ItemScorer() {
    }

    /** Scores a computed item from its measurement. */
    public static ItemScore computed(Item item, Measurement m) {
        if (!item.isComputed()) {
            throw new IllegalArgumentException("item " + item.code() + " is assessed, not computed");
        }
        if (!m.isScored()) {
            return new ItemScore(item, m.status(), BigDecimal.ZERO, m, null, m.reason());
        }
        if (item.rule() instanceof ScoringRule.PerObservation each && m.observations().size() != each.observations()) {
            // An edition whose rule and parameters disagree (per_observation.observations 2,
            // recent_years 3) would score an item above its maximum, or never reach it.
            throw new EditionException("item " + item.code() + " measured " + m.observations().size()
                    + " observations but its edition's rule scores " + each.observations()
                    + " (rule.per_observation.observations and the item's parameters disagree)");
        }
        BigDecimal points = item.rule().points(m);
        return new ItemScore(item, ItemStatus.SCORED, points, m, null, null);
    }

    /**
     * Scores an assessed item from the delivered assessments: its row's points, or not_assessed
     * without a row (assessments not delivered at all are missing_data: {@link #unscored}).
     * The points were checked against the item's allowed points when the row was read.
     */
    public static ItemScore assessed(Item item, Assessment assessment) {
        if (item.isComputed()) {
            throw new IllegalArgumentException("item " + item.code() + " is computed, not assessed");
        }
        if (assessment == null) {
            return new ItemScore(item, ItemStatus.NOT_ASSESSED, BigDecimal.ZERO, null, null,
                    Reason.of("no assessment row for item " + item.code(), "没有第 " + item.code() + " 项的评估打分记录"));
        }
        return new ItemScore(item, ItemStatus.SCORED, assessment.points(), null, assessment, null);
    }

    /** An item whose inputs were in conflict or otherwise unusable, decided before measuring. */
    public static ItemScore unscored(Item item, ItemStatus status, Reason reason) {
        return new ItemScore(item, status, BigDecimal.ZERO,
                item.isComputed() ? Measurement.unscored(status, reason) : null, null, reason);
    }
}
