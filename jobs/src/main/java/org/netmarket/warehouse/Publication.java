package org.netmarket.warehouse;

import org.netmarket.edition.Edition;
import org.netmarket.region.Region;

import java.util.List;

/**
 * What one run publishes for one evaluation year: the rows, and the scope they replace — the
 * regions scored and, for a recomputation of some items only, those item and indicator codes
 * (null for all). Category and evaluation rows of the regions in scope are always replaced.
 */
public record Publication(Edition edition, int evalYear, List<String> regionsInScope, List<String> codesInScope,
                          ScoreRows rows) {
}
