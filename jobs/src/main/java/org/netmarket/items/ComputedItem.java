package org.netmarket.items;

import org.netmarket.edition.Parameters;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.Measurement;

import java.util.List;
import java.util.Optional;

/**
 * One computed item of the indicator system: measures a region from its facts. It knows no
 * thresholds or points — the edition's rule judges the measurement — and it never touches Spark.
 * Implementations are listed in {@link ItemRegistry}.
 */
public interface ComputedItem {

    /** The computation id the edition file names, e.g. {@code online_retail_growth}. */
    String id();

    /**
     * The extracts the item needs, as its lineage names them. {@link #measure} makes the item
     * missing_data when one of them was not delivered (ItemRegistryTest keeps the two in step).
     */
    List<String> extracts();

    /**
     * Measures the region. Returns observations to be scored, or a non-scored status with the
     * reason (missing_data, data_error, no_records).
     *
     * @param parameters the item's parameters from the edition (national metric names, ...)
     */
    Measurement measure(RegionFacts facts, Parameters parameters);

    /**
     * Whether the value may exceed 1: a number of things (operators, cases) or a ratio without
     * that bound (platform users per supervisor). Otherwise it is a rate or share, and an
     * edition's threshold above 1 is a percentage written as one (95 for 95%).
     */
    default boolean valueMayExceedOne() {
        return false;
    }

    /**
     * The parameter that says how many observations it makes (see
     * {@link org.netmarket.edition.Computations#observationCountParameter}); empty when fixed.
     */
    default Optional<String> observationCountParameter() {
        return Optional.empty();
    }

    /** The parameters it reads that the edition must give (nested keys dotted), checked when the edition is loaded. */
    default List<String> requiredParameters() {
        return List.of();
    }

    /**
     * Its parameters that name a national metric (a metric of national.csv): required too, and
     * checked against national.csv's metrics when the edition is loaded.
     */
    default List<String> nationalMetricParameters() {
        return List.of();
    }
}
