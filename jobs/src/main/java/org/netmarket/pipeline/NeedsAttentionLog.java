package org.netmarket.pipeline;

import org.netmarket.region.RegionTree;
import org.netmarket.rules.ItemStatus;
import org.netmarket.scoring.ItemScore;
import org.netmarket.scoring.RegionScorecard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items needing attention as warnings in the run's log, one line per region and year, so
 * that a scheduler keeping only the log (or stderr) still sees them: the contract has a
 * published run exit 0 with its items needing attention "printed as warnings". The scorecard on
 * stdout gives each item's reason; {@code bi_needs_attention} has them all.
 */
final class NeedsAttentionLog {
    /** Regions named one by one; a province or the country has thousands. */
    static final int REGIONS_SHOWN = 50;

    private NeedsAttentionLog() {
    }

    /**
     * "140802 盐湖区 2024: 3 item(s) need attention (0 points until fixed): missing_data 4;
     * not_assessed 10, 28", for the first {@link #REGIONS_SHOWN} regions with any, then how many
     * more there are.
     */
    static List<String> lines(List<RegionScorecard> cards, RegionTree tree) {
        List<String> out = new ArrayList<>();
        int withItems = 0;
        for (RegionScorecard card : cards) {
            if (card.needsAttention().isEmpty()) {
                continue;
            }
            withItems++;
            if (withItems > REGIONS_SHOWN) {
                continue;
            }
            Map<ItemStatus, List<String>> byStatus = new LinkedHashMap<>();
            for (ItemScore s : card.needsAttention()) {
                byStatus.computeIfAbsent(s.status(), k -> new ArrayList<>()).add(s.code());
            }
            List<String> groups = new ArrayList<>();
            byStatus.forEach((status, codes) -> groups.add(status.code() + " " + String.join(", ", codes)));
            String name = tree.contains(card.regionCode()) ? " " + tree.get(card.regionCode()).name() : "";
            out.add(card.regionCode() + name + " " + card.evalYear() + ": " + card.needsAttention().size()
                    + " item(s) need attention (0 points until fixed): " + String.join("; ", groups));
        }
        if (withItems > REGIONS_SHOWN) {
            out.add("and " + (withItems - REGIONS_SHOWN) + " more region-year(s) with items needing attention"
                    + " (view bi_needs_attention lists them all)");
        }
        return out;
    }
}
