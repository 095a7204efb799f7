package org.netmarket.facts;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts computed by Spark from the record-level extracts (operators, sales, dispatches, clues,
 * reviews, complaints, training) for one evaluation year and as-of date, by region, already
 * rolled up so that a city's counts cover its own and all its descendants' records.
 */
public final class RecordFacts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final Set<String> delivered = new HashSet<>();

    public void delivered(String extract) {
        delivered.add(extract);
    }

    public boolean isDelivered(String extract) {
        return delivered.contains(extract);
    }

    public void put(String region, String fact, long value) {
        counts.computeIfAbsent(region, r -> new HashMap<>()).put(fact, value);
    }

    /** The count for a region; 0 when the region had no records. */
    public long get(String region, String fact) {
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
