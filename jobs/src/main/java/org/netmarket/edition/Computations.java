package org.netmarket.edition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What loading an edition needs to know of the computations its items name (the item
 * registry's), so that a file a computation cannot score with is refused on load rather than
 * once the data has been read.
 */
public interface Computations {
    /** Any computation, counting things and needing no parameter: for reading an edition's shape only. */
    Computations ANY = new Computations() {
        @Override
        public boolean has(String id) {
            return true;
        }

        @Override
        public boolean valueMayExceedOne(String id) {
            return true;
        }

        @Override
        public List<String> requiredParameters(String id) {
            return List.of();
        }

        @Override
        public Map<String, List<String>> parameterValues(String id) {
            return Map.of();
        }
    };

    /** Whether a computation of this id exists. */
    boolean has(String id);

    /** Whether the computation's value may exceed 1 (a count, users per supervisor); else its thresholds may not. */
    boolean valueMayExceedOne(String id);

    /** The parameters the computation reads that the edition must give (nested keys dotted: {@code a.b}). */
    List<String> requiredParameters(String id);

    /**
     * The parameters whose value must be one of a list, with the list: a national metric's name
     * (as national.csv spells its metrics), which misspelt would make the item missing_data
     * everywhere without a word.
     */
    Map<String, List<String>> parameterValues(String id);

    /**
     * The parameter that says how many observations the computation makes (the recent years of a
     * growth compared year by year), which a per-observation rule's {@code observations} must
     * equal; empty when the count is fixed.
     */
    default Optional<String> observationCountParameter(String id) {
        return Optional.empty();
    }
}
