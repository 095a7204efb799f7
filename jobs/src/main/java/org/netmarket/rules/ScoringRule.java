package org.netmarket.rules;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * How a computed item's measurement becomes points, as read from the edition file. Rules are
 * pure functions of a scored {@link Measurement}; they never see Spark or the database.
 */
public sealed interface ScoringRule extends Serializable
        permits ScoringRule.Steps, ScoringRule.AllPass, ScoringRule.PerObservation {

    /** Points for a scored measurement (0 when no step or criterion is met). */
    BigDecimal points(Measurement measurement);

    /** The most points the rule can give. */
    BigDecimal maxPoints();

    /**
     * What it compares with: each step's criterion, or its one criterion (whose threshold is null
     * when it compares with the observation's own value).
     */
    List<Criterion> criteria();

    /**
     * What the observation is measured against, as lineage shows it: the rule's threshold (for
     * bands, the next step to reach, or the top step once reached), else the observation's own
     * comparison (a national rate, the region's total-retail growth); null when it has neither.
     */
    Ratio comparedWith(Observation o);

    /**
     * Whether the rule counts the observation as met, as lineage shows it; null where it has no
     * such verdict (a band is reached, not met; an absent observation of a per-observation rule).
     */
    Boolean verdict(Observation o);

    /**
     * Bands and counts: the headline value takes the points of the highest step it meets.
     * "8%-15% 得1分，15%以上得2分（比值区间均含本数）" is steps {@code >= 0.08 -> 1},
     * {@code >= 0.15 -> 2}: a value exactly at 15% takes the higher band.
     */
    record Steps(List<Step> steps) implements ScoringRule {
        public Steps {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("a step rule needs at least one step");
            }
        }

        @Override
        public BigDecimal points(Measurement m) {
            Observation headline = m.headline();
            BigDecimal best = BigDecimal.ZERO;
            for (Step s : steps) {
                if (s.criterion().passes(headline) && s.points().compareTo(best) > 0) {
                    best = s.points();
                }
            }
            return best;
        }

        @Override
        public BigDecimal maxPoints() {
            return steps.stream().map(Step::points).reduce(BigDecimal.ZERO, BigDecimal::max);
        }

        @Override
        public List<Criterion> criteria() {
            return steps.stream().map(Step::criterion).toList();
        }

        @Override
        public Boolean verdict(Observation o) {
            return null;
        }

        @Override
        public Ratio comparedWith(Observation o) {
            Step next = steps.stream().filter(s -> !s.criterion().passes(o)).findFirst().orElse(steps.get(steps.size() - 1));
            return next.criterion().bound(o);
        }
    }

    /** One step of a {@link Steps} rule. */
    record Step(Criterion criterion, BigDecimal points) implements Serializable {
    }

    /**
     * Every observation must pass the criterion ("on-time rate and completion rate both above
     * 90%"). With {@code absentCountsAsMet}, an observation with nothing to measure passes
     * ("a review type with no decided reviews counts as met").
     */
    record AllPass(Criterion criterion, BigDecimal points, boolean absentCountsAsMet) implements ScoringRule {
        @Override
        public BigDecimal points(Measurement m) {
            for (Observation o : m.observations()) {
                if (!verdict(o)) {
                    return BigDecimal.ZERO;
                }
            }
            return points;
        }

        @Override
        public Boolean verdict(Observation o) {
            return o.absent() ? absentCountsAsMet : criterion.passes(o);
        }

        @Override
        public BigDecimal maxPoints() {
            return points;
        }

        @Override
        public List<Criterion> criteria() {
            return List.of(criterion);
        }

        @Override
        public Ratio comparedWith(Observation o) {
            return criterion.bound(o);
        }
    }

    /**
     * Points for each observation that passes ("超过 1 年得 1 分，共 2 分": one point per year of
     * the last two in which the region's growth exceeds the national growth).
     */
    record PerObservation(Criterion criterion, BigDecimal pointsEach, int observations) implements ScoringRule {
        @Override
        public BigDecimal points(Measurement m) {
            BigDecimal total = BigDecimal.ZERO;
            for (Observation o : m.observations()) {
                if (criterion.passes(o)) {
                    total = total.add(pointsEach);
                }
            }
            return total;
        }

        @Override
        public BigDecimal maxPoints() {
            return pointsEach.multiply(BigDecimal.valueOf(observations));
        }

        @Override
        public List<Criterion> criteria() {
            return List.of(criterion);
        }

        @Override
        public Ratio comparedWith(Observation o) {
            return criterion.bound(o);
        }

        @Override
        public Boolean verdict(Observation o) {
            return o.absent() ? null : criterion.passes(o);
        }
    }
}
