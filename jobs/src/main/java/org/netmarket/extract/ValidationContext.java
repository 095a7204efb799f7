package org.netmarket.extract;

import org.netmarket.edition.Edition;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * What row validation checks references against: the region codes of regions.csv and the
 * edition (for assessment item codes and their allowed points).
 *
 * @param regionCodes     the codes of regions.csv's valid rows; null while regions.csv itself is read
 * @param regionsSetAside the codes of regions.csv rows that were quarantined, with their line: a
 *                        row referring to one is told that its region's row was set aside, not
 *                        that the region is unknown
 */
public record ValidationContext(Set<String> regionCodes, Edition edition, Map<String, Long> regionsSetAside)
        implements Serializable {
    public ValidationContext {
        regionsSetAside = Map.copyOf(regionsSetAside);
    }

    public ValidationContext(Set<String> regionCodes, Edition edition) {
        this(regionCodes, edition, Map.of());
    }
}
