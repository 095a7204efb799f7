package org.netmarket.facts;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts computed by Spark from the record-level extracts (operators, sales, dispatches, clues,
 * reviews, complaints, training) for one evaluation year and as-of date, by region, already
 * rolled up so that a city's counts cover its own and all its descendants' records.
 *
 * <p>A fact is known once counted: a region without records of it counts 0, but asking for a
 * fact nothing counted is a mistake, not a zero (a misspelt fact or computation id would
 * otherwise score the item as if nothing had happened).
 */
public final class RecordFacts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final Set<String> delivered = new HashSet<>();
    private final Set<String> counted = new HashSet<>();

    public void delivered(String extract) {
        delivered.add(extract);
    }

    public boolean isDelivered(String extract) {
        return delivered.contains(extract);
    }

    /** Facts an aggregation counted, even when no region had records of them. */
    public void counted(Collection<String> facts) {
        counted.addAll(facts);
    }

    /** The count of a fact for a region; the fact is counted from then on. */
    public void put(String region, String fact, long value) {
        counted.add(fact);
        counts.computeIfAbsent(region, r -> new HashMap<>()).put(fact, value);
    }

    /**
     * The count for a region; 0 when the region had no records.
     *
     * @throws IllegalStateException naming the fact when it was never counted: its extract was
     *                               not delivered (items check that first) or no aggregation
     *                               counts it under this edition
     */
    public long get(String region, String fact) {
        if (!counted.contains(fact)) {
            throw new IllegalStateException("fact " + fact + " was not counted: its extract was not delivered, or no"
                    + " aggregation counts it under this edition (counted: " + new TreeSet<>(counted) + ")");
        }
        return counts.getOrDefault(region, Map.of()).getOrDefault(fact, 0L);
    }

    /** Region -> count of a fact, for the regions that have it (rolled up, like every count here). */
    public Map<String, Long> perRegion(String fact) {
        Map<String, Long> out = new HashMap<>();
        counts.forEach((region, facts) -> {
            Long n = facts.get(fact);
            if (n != null) {
                out.put(region, n);
            }
        });
        return out;
    }

    /** The regions that have counts (every region with at least one row of a delivered extract). */
    public Set<String> regions() {
        return Set.copyOf(counts.keySet());
    }

    /** Every fact of a region (for lineage and debugging). */
    public Map<String, Long> of(String region) {
        return Map.copyOf(counts.getOrDefault(region, Map.of()));
    }
}
