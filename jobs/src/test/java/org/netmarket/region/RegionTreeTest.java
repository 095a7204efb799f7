package org.netmarket.region;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A broken tree is told with the file, the line of the row at fault and the column. */
class RegionTreeTest {
    private static final Region SHANXI = new Region("140000", "山西省", null, "province", "central");
    private static final Region YUNCHENG = new Region("140800", "运城市", "140000", "city", "central");
    private static final Region YANHU = new Region("140802", "盐湖区", "140800", "county", "central");
    private static final Region LINYI = new Region("140821", "临猗县", "140800", "county", "central");

    /** Lines as in a file whose second row spans three physical lines (a quoted line break or two). */
    private static final long[] LINES = {2, 3, 6, 7, 8, 9};

    private static RegionTreeException broken(List<Region> regions) {
        return assertThrows(RegionTreeException.class, () -> new RegionTree(regions, "regions.csv", i -> LINES[i]));
    }

    @Test
    void aGoodTree() {
        RegionTree tree = new RegionTree(List.of(SHANXI, YUNCHENG, YANHU, LINYI), "regions.csv", i -> LINES[i]);
        assertEquals(List.of("140802", "140821"), tree.childrenOf("140800"));
        assertEquals(List.of("140821", "140800", "140000"), tree.selfAndAncestors("140821"));
    }

    @Test
    void aDuplicateNamesBothLines() {
        RegionTreeException e = broken(List.of(SHANXI, YUNCHENG, YANHU, LINYI,
                new Region("140802", "盐湖区", "140800", "county", "central")));
        assertEquals("regions.csv, line 8, column region_code: region 140802 appears twice, on lines 6 and 8", e.getMessage());
        assertEquals(RegionTreeException.Kind.DUPLICATE, e.kind());
        assertEquals(8, e.line());
        assertEquals("region_code", e.column());
        assertEquals("region 140802 appears twice, on lines 6 and 8", e.problem());
    }

    @Test
    void aCodeThreeTimesNamesEveryLine() {
        RegionTreeException e = broken(List.of(SHANXI, YANHU, YUNCHENG, LINYI, YANHU, YANHU));
        assertEquals("regions.csv, line 8, column region_code: region 140802 appears 3 times, on lines 3, 8 and 9",
                e.getMessage());
    }

    @Test
    void anUnknownParent() {
        RegionTreeException e = broken(List.of(SHANXI, YUNCHENG, new Region("140802", "盐湖区", "140899", "county", "central")));
        assertEquals("regions.csv, line 6, column parent_code: region 140802 (盐湖区) has parent_code 140899, "
                + "which names no region of regions.csv", e.getMessage());
        assertEquals(RegionTreeException.Kind.UNKNOWN_PARENT, e.kind());
    }

    @Test
    void aRegionThatIsItsOwnParent() {
        RegionTreeException e = broken(List.of(SHANXI, new Region("140800", "运城市", "140800", "city", "central"), YANHU));
        assertEquals("regions.csv, line 3, column parent_code: region 140800 has itself as parent_code: "
                + "the parent_code links 140800 (line 3) -> 140800 form a cycle", e.getMessage());
        assertEquals(RegionTreeException.Kind.CYCLE, e.kind());
    }

    @Test
    void aCycleIsToldFromItsFirstRowAndNamesOnlyItsRegions() {
        // 140000 is a root; 140821 hangs below the cycle 140811 -> 140800 -> 140802 -> 140811 and
        // comes first in the file, but it is not part of the cycle.
        RegionTreeException e = broken(List.of(SHANXI,
                new Region("140821", "临猗县", "140811", "county", "central"),
                new Region("140811", "某区", "140800", "county", "central"),
                new Region("140802", "盐湖区", "140811", "county", "central"),
                new Region("140800", "运城市", "140802", "city", "central")));
        assertEquals("regions.csv, line 6, column parent_code: region 140811 is its own ancestor: "
                + "the parent_code links 140811 (line 6) -> 140800 (line 8) -> 140802 (line 7) -> 140811 form a cycle",
                e.getMessage());
        assertEquals(6, e.line());
    }

    @Test
    void withoutLinesTheRowsAreCountedOnePerLineAfterTheHeader() {
        RegionTreeException e = assertThrows(RegionTreeException.class,
                () -> new RegionTree(List.of(SHANXI, YUNCHENG, SHANXI)));
        assertEquals("regions.csv, line 4, column region_code: region 140000 appears twice, on lines 2 and 4", e.getMessage());
    }

    @Test
    void aBrokenTreeIsAnIllegalArgument() {
        // Callers that knew the tree's old exception still catch it.
        assertThrows(IllegalArgumentException.class, () -> new RegionTree(List.of(SHANXI, SHANXI)));
    }
}
