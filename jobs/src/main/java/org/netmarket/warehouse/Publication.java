package org.netmarket.warehouse;

import org.netmarket.edition.Edition;
import org.netmarket.region.Region;

import java.util.List;

/**
 * What one run publishes for one evaluation year: the rows, and the scope they replace — the
 * regions scored and, for a recomputation of some items only, those item and indicator codes
 * (null for all). Category and evaluation rows of the regions in scope are always replaced.
 *
 * @param wholeRegionsFile the run scored every item of every region of its regions.csv: a region
 *                         published before under those regions that regions.csv no longer lists
 *                         (a county merged away) leaves the year's current scores (its history stays)
 */
public record Publication(Edition edition, int evalYear, List<String> regionsInScope, List<String> codesInScope,
                          boolean wholeRegionsFile, ScoreRows rows) {
}
