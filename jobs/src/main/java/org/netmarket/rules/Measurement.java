package org.netmarket.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a computed item measured for one region: either a list of observations to be judged by
 * the edition's rule, or the reason it could not be measured (a non-scored status).
 *
 * <p>Measuring is kept apart from judging: an item class produces a measurement and knows no
 * thresholds or points; {@link ScoringRule}s from the edition file turn it into points.
 */
public final class Measurement implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ItemStatus status;
    private final List<Observation> observations;
    private final Reason reason;
    private final Map<String, String> basis;

    private Measurement(ItemStatus status, List<Observation> observations, Reason reason, Map<String, String> basis) {
        this.status = Objects.requireNonNull(status);
        this.observations = List.copyOf(observations);
        this.reason = reason;
        this.basis = Collections.unmodifiableMap(new LinkedHashMap<>(basis));
    }

    private Measurement(ItemStatus status, List<Observation> observations, Reason reason) {
        this(status, observations, reason, Map.of());
    }

    /**
     * This measurement, also saying what it was measured against that the observations do not
     * show (item 4: the region's economic zone and the threshold in yuan it sets), for the
     * lineage of the published item.
     */
    public Measurement withBasis(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(basis);
        more.put(name, value);
        return new Measurement(status, observations, reason, more);
    }

    /** What the measurement was measured against (see {@link #withBasis}), in the order said; often empty. */
    public Map<String, String> basis() {
        return basis;
    }

    /** A measurement to be scored. The first observation is the headline value. */
    public static Measurement of(List<Observation> observations) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("a scored measurement needs at least one observation");
        }
        return new Measurement(ItemStatus.SCORED, observations, null);
    }

    public static Measurement of(Observation... observations) {
        return of(List.of(observations));
    }

    /** Not measurable; the item scores 0 with this status. Observations made so far are kept. */
    public static Measurement unscored(ItemStatus status, Reason reason, List<Observation> partial) {
        if (status == ItemStatus.SCORED) {
            throw new IllegalArgumentException("use Measurement.of for scored measurements");
        }
        return new Measurement(status, partial, Objects.requireNonNull(reason));
    }

    public static Measurement unscored(ItemStatus status, Reason reason) {
        return unscored(status, reason, List.of());
    }

    public ItemStatus status() {
        return status;
    }

    public boolean isScored() {
        return status == ItemStatus.SCORED;
    }

    public List<Observation> observations() {
        return observations;
    }

    /** The observation published as the item's value: the first one, if any. */
    public Observation headline() {
        return observations.isEmpty() ? null : observations.get(0);
    }

    /** Why the item is not scored, in words an analyst can act on; null when scored. */
    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return status.code() + (reason == null ? "" : " (" + reason + ")") + " " + observations;
    }

    /**
     * Collects the problems met while measuring and picks the status that wins (missing_data,
     * then data_error, then no_records), keeping every reason for the analyst.
     */
    public static final class Problems {
        private ItemStatus worst;
        private final List<Reason> reasons = new ArrayList<>();
        private final Map<String, Set<String>> basis = new LinkedHashMap<>();

        /**
         * Notes what the measurement was measured against ({@link #withBasis}), whatever its
         * outcome; several values of one name are listed in the order met ({@code retail, tax}).
         */
        public Problems basis(String name, String value) {
            basis.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value);
            return this;
        }

        public Problems add(ItemStatus status, Reason reason) {
            worst = worst == null ? status : ItemStatus.worst(worst, status);
            if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
            return this;
        }

        public boolean any() {
            return worst != null;
        }

        public Measurement toMeasurement(List<Observation> partial) {
            return withNotedBasis(unscored(worst, Reason.join(reasons), partial));
        }

        /** The given observations if nothing went wrong, else the winning status. */
        public Measurement orMeasured(List<Observation> observations) {
            return any() ? toMeasurement(observations) : withNotedBasis(of(observations));
        }

        private Measurement withNotedBasis(Measurement m) {
            for (Map.Entry<String, Set<String>> e : basis.entrySet()) {
                m = m.withBasis(e.getKey(), String.join(", ", e.getValue()));
            }
            return m;
        }
    }
}
