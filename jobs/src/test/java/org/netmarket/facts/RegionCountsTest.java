package org.netmarket.facts;

import org.junit.jupiter.api.Test;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counts per region: kept up to date by taking rows out and putting rows in, and rolled up. */
class RegionCountsTest {
    private static final List<String> FACTS = List.of("complaints.rows", "complaints.closed_on_time");
    private static final RegionTree TREE = new RegionTree(List.of(
            new Region("140000", "山西省", null, "province", "central"),
            new Region("140800", "运城市", "140000", "city", "central"),
            new Region("140802", "盐湖区", "140800", "county", "central"),
            new Region("140821", "临猗县", "140800", "county", "central"),
            new Region("140100", "太原市", "140000", "city", "central")));

    private static RegionCounts counts(Object... regionAndCounts) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (int i = 0; i < regionAndCounts.length; i += 2) {
            m.put((String) regionAndCounts[i], (long[]) regionAndCounts[i + 1]);
        }
        return new RegionCounts(FACTS, m);
    }

    @Test
    void takingOutReplacedRowsAndPuttingInNewOnesGivesTheCountsOfTheNewRows() {
        RegionCounts before = counts("140802", new long[]{10, 7}, "140821", new long[]{4, 4});
        // A revision of a 140802 complaint now closed late; a new complaint in 140821.
        RegionCounts removed = counts("140802", new long[]{1, 1});
        RegionCounts added = counts("140802", new long[]{1, 0}, "140821", new long[]{1, 1});
        RegionCounts after = before.minus(removed).plus(added);
        assertEquals(counts("140802", new long[]{10, 6}, "140821", new long[]{5, 5}), after);
    }

    @Test
    void aRegionWhoseRowsAllLeftHasNoEntryAsInAFreshCount() {
        RegionCounts before = counts("140802", new long[]{2, 1}, "140821", new long[]{4, 4});
        RegionCounts after = before.minus(counts("140802", new long[]{2, 1}));
        assertFalse(after.byRegion().containsKey("140802"));
        assertEquals(counts("140821", new long[]{4, 4}), after);
        assertEquals(after, counts("140802", new long[]{0, 0}, "140821", new long[]{4, 4}), "zero rows, no entry");
    }

    @Test
    void takingOutRowsThatWereNotCountedFailsNamingTheRegionAndFact() {
        RegionCounts before = counts("140802", new long[]{2, 1});
        RegionCounts.DoNotFit e = assertThrows(RegionCounts.DoNotFit.class,
                () -> before.minus(counts("140802", new long[]{1, 2})));
        assertTrue(e.getMessage().contains("complaints.closed_on_time of region 140802 would be -1"), e.getMessage());
        assertThrows(RegionCounts.DoNotFit.class, () -> before.minus(counts("140821", new long[]{1, 0})));
    }

    @Test
    void countsOfOtherFactsDoNotCombine() {
        RegionCounts other = new RegionCounts(List.of("dispatches.rows"), Map.of("140802", new long[]{1}));
        assertThrows(RegionCounts.DoNotFit.class, () -> counts("140802", new long[]{1, 1}).plus(other));
        assertThrows(IllegalArgumentException.class, () -> new RegionCounts(FACTS, Map.of("140802", new long[]{1})));
    }

    @Test
    void rollingUpSumsEachRegionWithItsDescendantsAndLeavesOutUnknownRegions() {
        RegionCounts c = counts("140802", new long[]{10, 7}, "140821", new long[]{5, 5}, "140800", new long[]{1, 0},
                "999999", new long[]{100, 100});
        Map<String, long[]> rolled = c.rolledUp(TREE);
        assertArrayEquals(new long[]{10, 7}, rolled.get("140802"));
        assertArrayEquals(new long[]{5, 5}, rolled.get("140821"));
        assertArrayEquals(new long[]{16, 12}, rolled.get("140800"), "the city's own rows and its counties'");
        assertArrayEquals(new long[]{16, 12}, rolled.get("140000"));
        assertFalse(rolled.containsKey("140100"), "a region without rows has no entry");
        assertFalse(rolled.containsKey("999999"), "not in regions.csv");
    }

    @Test
    void byRegionIsACopy() {
        RegionCounts c = counts("140802", new long[]{10, 7});
        c.byRegion().get("140802")[0] = 99;
        assertArrayEquals(new long[]{10, 7}, c.byRegion().get("140802"));
    }
}
