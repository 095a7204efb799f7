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
 * about the region (from the facts), and the rows set aside that name it. "Why did 盐湖区 get 0
 * on 19.2?" then starts from its own complaints, not the whole delivery's.
 *
 * <p>Rows set aside are counted as a full read of the same files counts them, in two parts: the
 * rows the row rules rejected, which no later delivery changes — those of the files this run
 * read, counted file by file as the quarantine report is written, and, on a merging night, those
 * of the files staged before, as the runs that read them counted them (kept in the staging
 * manifest, {@link #rejectedOf}); and the rows of the extract's state set aside as conflicting
 * versions, which a later delivery may add to or settle ({@link #conflicts}).
 */
final class RegionRowCounts implements Consumer<QuarantinedRow> {
    private final RegionTree tree;
    private final List<String> extracts;
    /** extract -> region -> rows set aside naming that region itself. */
    private final Map<String, Map<String, Long>> own = new HashMap<>();
    /** file path -> region -> rows of the file this run rejected naming the region. */
    private final Map<String, Map<String, Long>> rejectedByFile = new HashMap<>();
    /** Extracts with a staged file whose rows rejected by region the manifest did not keep. */
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
     * Counts a row the row rules rejected for the region it names; a row naming no region the
     * tree knows (or none at all: a region whose regions.csv row was set aside) is counted in
     * the extract's totals only. Conflicting versions are counted from the state instead
     * ({@link #conflicts}): a night's quarantine lists only the conflicts its files took part in.
     */
    @Override
    public void accept(QuarantinedRow row) {
        if (row.conflictingVersion() || row.regionCode() == null || !tree.contains(row.regionCode())) {
            return;
        }
        add(row.extract(), row.regionCode(), 1);
        rejectedByFile.computeIfAbsent(row.file(), f -> new TreeMap<>()).merge(row.regionCode(), 1L, Long::sum);
    }

    /** Region -> rows of a file this run rejected naming it (empty when none): kept with the staged file. */
    Map<String, Long> rejectedOf(String file) {
        return Map.copyOf(rejectedByFile.getOrDefault(file, Map.of()));
    }

    /** Adds the rows an earlier run rejected from a file this merging run scores from without reading it. */
    void stagedEarlier(StagingArea.StagedFile file) {
        if (file.rowsRejectedByRegion() == null) {
            unknown.add(file.extract());
            return;
        }
        file.rowsRejectedByRegion().forEach((region, n) -> add(file.extract(), region, n));
    }

    /** Adds the rows of an extract's state set aside as conflicting versions, by the region they name. */
    void conflicts(String extract, Map<String, Long> rowsByRegion) {
        rowsByRegion.forEach((region, n) -> add(extract, region, n));
    }

    private void add(String extract, String region, long rows) {
        if (tree.contains(region)) {
            own.computeIfAbsent(extract, e -> new HashMap<>()).merge(region, rows, Long::sum);
        }
    }

    /**
     * Rows set aside of an extract naming the region, or a region under it when the region's
     * items count those regions' rows ({@link FactSheet#rollsUp}); null when unknown (a file
     * staged by an older job version).
     */
    Long setAside(String extract, String regionCode) {
        Map<String, Long> byRegion = setAside(extract);
        return byRegion == null ? null : byRegion.getOrDefault(regionCode, 0L);
    }

    /** Region -> rows set aside of an extract, rolled up as {@link #setAside(String, String)} says; null when unknown. */
    private Map<String, Long> setAside(String extract) {
        return unknown.contains(extract) ? null : FactSheet.rowsRolledUp(extract, own.getOrDefault(extract, Map.of()), tree);
    }

    /**
     * The rows set aside per extract and region, rolled up once for every extract (an extract
     * whose rows name no region, such as national, has none), for the reasons of items scored in
     * parallel.
     */
    RegionEvaluator.SetAsideRows rolledUp() {
        Map<String, Map<String, Long>> byExtract = new HashMap<>();
        extracts.forEach(e -> byExtract.put(e, setAside(e)));
        return (extract, region) -> {
            if (!byExtract.containsKey(extract)) {
                return 0L;
            }
            Map<String, Long> byRegion = byExtract.get(extract);
            return byRegion == null ? null : byRegion.getOrDefault(region, 0L);
        };
    }

    /**
     * One row per region and extract, for the evaluation year of the facts, with the rows set
     * aside as {@link #rolledUp} gives them (rolled up once for every year of a run).
     */
    List<ScoreRows.RegionRowsRow> rows(FactSheet facts, List<Region> regions, RegionEvaluator.SetAsideRows setAside) {
        List<ScoreRows.RegionRowsRow> out = new ArrayList<>();
        for (Region r : regions) {
            for (String extract : extracts) {
                out.add(new ScoreRows.RegionRowsRow(r.code(), facts.period().year(), extract,
                        facts.rowsInRegion(extract, r.code()), setAside.of(extract, r.code())));
            }
        }
        return out;
    }
}
