package org.netmarket.extract;

import org.netmarket.edition.Edition;

import java.io.Serializable;
import java.util.Set;

/**
 * What row validation checks references against: the region codes of regions.csv and the
 * edition (for assessment item codes and their allowed points).
 *
 * @param regionCodes the codes of regions.csv; null while regions.csv itself is read
 */
public record ValidationContext(Set<String> regionCodes, Edition edition) implements Serializable {
}
