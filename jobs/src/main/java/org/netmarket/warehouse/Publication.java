package org.netmarket.warehouse;

import org.netmarket.edition.Edition;

import java.util.List;
import java.util.Map;

/**
 * What one run publishes for one evaluation year: the rows, and the scope they replace — the
 * regions scored and, for a recomputation of some items only, those item and indicator codes
 * (null for all). Category and evaluation rows of the regions in scope are always replaced.
 *
 * @param retiresDroppedOf when the run scored every item of every region of its regions.csv, its
 *                         data directory (URI, as in pipeline_run.data_dir): a region published
 *                         before from it under the regions scored that regions.csv no longer lists
 *                         (a county merged away) leaves the year's current scores, its history
 *                         staying; null for a run of some regions or items
 * @param regionRowsSetAside the region codes whose regions.csv row was set aside, with its line:
 *                           such a region is still listed, so a run that would republish a region
 *                           above one that has published scores stops instead
 */
public record Publication(Edition edition, int evalYear, List<String> regionsInScope, List<String> codesInScope,
                          String retiresDroppedOf, Map<String, Long> regionRowsSetAside, ScoreRows rows) {
}
