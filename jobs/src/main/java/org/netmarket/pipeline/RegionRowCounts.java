package org.netmarket.pipeline;

import org.netmarket.facts.FactSheet;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.staging.QuarantinedRow;
import org.netmarket.warehouse.ScoreRows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * For the lineage of a region's items, per extract whose rows name their region: the latest rows
 * about the region or a region under it (from the facts), and the rows this run set aside that
 * name one of them, counted as the quarantine report is written. "Why did 盐湖区 get 0 on 19.2?"
 * then starts from its own complaints, not the whole delivery's.
 */
final class RegionRowCounts implements Consumer<QuarantinedRow> {
    private final RegionTree tree;
    private final List<String> extracts;
    /** extract -> region -> rows set aside naming the region or a region under it. */
    private final Map<String, Map<String, Long>> setAside = new HashMap<>();

    /**
     * @param extracts the extracts whose rows name their region, in the order their rows are
     *                 published
     */
    RegionRowCounts(RegionTree tree, List<String> extracts) {
        this.tree = tree;
        this.extracts = List.copyOf(extracts);
    }

    /**
     * Counts a row set aside for its region and every region above it; a row naming no region
     * the tree knows (or none at all) is counted in the extract's totals only.
     */
    @Override
    public void accept(QuarantinedRow row) {
        if (row.regionCode() == null || !tree.contains(row.regionCode())) {
            return;
        }
        Map<String, Long> byRegion = setAside.computeIfAbsent(row.extract(), e -> new HashMap<>());
        for (String region : tree.selfAndAncestors(row.regionCode())) {
            byRegion.merge(region, 1L, Long::sum);
        }
    }

    /** Rows set aside of an extract naming the region or a region under it. */
    long setAside(String extract, String regionCode) {
        return setAside.getOrDefault(extract, Map.of()).getOrDefault(regionCode, 0L);
    }

    /** One row per region and extract, for the evaluation year of the facts. */
    List<ScoreRows.RegionRowsRow> rows(FactSheet facts, List<Region> regions) {
        List<ScoreRows.RegionRowsRow> out = new ArrayList<>();
        for (Region r : regions) {
            for (String extract : extracts) {
                out.add(new ScoreRows.RegionRowsRow(r.code(), facts.period().year(), extract,
                        facts.rowsInRegion(extract, r.code()), setAside(extract, r.code())));
            }
        }
        return out;
    }
}
