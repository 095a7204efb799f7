package org.netmarket.facts;

import org.netmarket.rules.Assessment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The expert assessments of some evaluation years, collected to the driver
 * ({@link FactBuilder#collectAssessments}): the latest row per region, year and item, and the
 * keys whose versions conflicted (both rows set aside, so the item is a data error rather than
 * not assessed).
 */
public final class AssessmentFacts {
    private final boolean delivered;
    /** year -> region -> item -> assessment. */
    private final Map<Integer, Map<String, Map<String, Assessment>>> byYear = new HashMap<>();
    /** year -> region|item. */
    private final Map<Integer, Set<String>> conflicts = new HashMap<>();

    /** @param delivered whether the assessments folder was delivered */
    public AssessmentFacts(boolean delivered) {
        this.delivered = delivered;
    }

    /** Adds the latest assessment of an item for a region and year. */
    public void put(int year, String regionCode, Assessment a) {
        byYear.computeIfAbsent(year, y -> new HashMap<>()).computeIfAbsent(regionCode, x -> new HashMap<>()).put(a.itemCode(), a);
    }

    /** Records that an item's assessment for a region and year had conflicting versions (both set aside). */
    public void putConflict(int year, String regionCode, String itemCode) {
        conflicts.computeIfAbsent(year, y -> new HashSet<>()).add(regionCode + "|" + itemCode);
    }

    /** Whether the assessments folder was delivered (without it, assessed items are missing data). */
    public boolean delivered() {
        return delivered;
    }

    /** Whether any region has an assessment (or a conflicting one) of the year. */
    public boolean hasYear(int year) {
        return byYear.containsKey(year) || conflicts.containsKey(year);
    }

    /** The region's assessments of the year, by item code. */
    public Map<String, Assessment> of(int year, String regionCode) {
        return byYear.getOrDefault(year, Map.of()).getOrDefault(regionCode, Map.of());
    }

    /** Whether the assessment of an item for the region and year had conflicting versions. */
    public boolean conflict(int year, String regionCode, String itemCode) {
        return conflicts.getOrDefault(year, Set.of()).contains(regionCode + "|" + itemCode);
    }
}
