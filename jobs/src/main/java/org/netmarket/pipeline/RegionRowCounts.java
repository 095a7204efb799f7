package org.netmarket.pipeline;

import org.netmarket.facts.FactSheet;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.staging.QuarantinedRow;
import org.netmarket.staging.StagingArea;
import org.netmarket.warehouse.ScoreRows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * For the lineage of a region's items, per extract whose rows name their region: the latest rows
 * about the region (from the facts), and the rows set aside that name it, counted file by file as
 * the quarantine report is written. "Why did 盐湖区 get 0 on 19.2?" then starts from its own
 * complaints, not the whole delivery's.
 *
 * <p>A nightly run that merges adds, for each file staged by an earlier run, the rows that run set
 * aside by region (kept in the staging manifest, {@link #setAsideOf}), as its lineage lists the
 * file with the rows that run counted: so a night counts what a full read of the same files
 * counts, and a region's rows set aside do not drop to 0 the night after they were delivered.
 * (Not quite: rows of a conflict that a later delivery settles stay counted with the files that
 * night read them from, which a full read no longer sets aside; the files' own counts in the
 * lineage do the same.)
 */
final class RegionRowCounts implements Consumer<QuarantinedRow> {
    private final RegionTree tree;
    private final List<String> extracts;
    /** extract -> region -> rows set aside naming that region itself. */
    private final Map<String, Map<String, Long>> own = new HashMap<>();
    /** file path -> region -> rows of the file this run set aside naming the region. */
    private final Map<String, Map<String, Long>> ownByFile = new HashMap<>();
    /** Extracts with a staged file whose rows set aside by region the manifest did not keep. */
    private final Set<String> unknown = new HashSet<>();

    /**
     * @param extracts the extracts whose rows name their region, in the order their rows are
     *                 published
     */
    RegionRowCounts(RegionTree tree, List<String> extracts) {
        this.tree = tree;
        this.extracts = List.copyOf(extracts);
    }

    /**
     * Counts a row set aside for the region it names; a row naming no region the tree knows (or
     * none at all: a region whose regions.csv row was set aside) is counted in the extract's
     * totals only.
     */
    @Override
    public void accept(QuarantinedRow row) {
        if (row.regionCode() == null || !tree.contains(row.regionCode())) {
            return;
        }
        own.computeIfAbsent(row.extract(), e -> new HashMap<>()).merge(row.regionCode(), 1L, Long::sum);
        ownByFile.computeIfAbsent(row.file(), f -> new TreeMap<>()).merge(row.regionCode(), 1L, Long::sum);
    }

    /** Region -> rows of a file this run set aside naming it (empty when none): kept with the staged file. */
    Map<String, Long> setAsideOf(String file) {
        return Map.copyOf(ownByFile.getOrDefault(file, Map.of()));
    }

    /** Adds the rows an earlier run set aside from a file this merging run scores from without reading it. */
    void stagedEarlier(StagingArea.StagedFile file) {
        if (file.rowsSetAsideByRegion() == null) {
            unknown.add(file.extract());
            return;
        }
        Map<String, Long> byRegion = own.computeIfAbsent(file.extract(), e -> new HashMap<>());
        file.rowsSetAsideByRegion().forEach((region, n) -> {
            if (tree.contains(region)) {
                byRegion.merge(region, n, Long::sum);
            }
        });
    }

    /**
     * Rows set aside of an extract naming the region, or a region under it when the region's
     * items count those regions' rows ({@link FactSheet#rollsUp}); null when unknown (a file
     * staged by an older job version).
     */
    Long setAside(String extract, String regionCode) {
        if (unknown.contains(extract)) {
            return null;
        }
        Map<String, Long> byRegion = own.getOrDefault(extract, Map.of());
        if (!FactSheet.rollsUp(extract)) {
            return byRegion.getOrDefault(regionCode, 0L);
        }
        return tree.selfAndDescendants(regionCode).stream().mapToLong(r -> byRegion.getOrDefault(r, 0L)).sum();
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
