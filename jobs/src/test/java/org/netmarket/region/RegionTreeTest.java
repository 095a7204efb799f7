package org.netmarket.region;

import org.junit.jupiter.api.Test;
import org.netmarket.rules.Reason;
import org.netmarket.rules.ReasonAssertions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken tree is told with the file, the line of the row at fault and the column, for every problem at once. */
class RegionTreeTest {
    private static final Region SHANXI = new Region("140000", "山西省", null, "province", "central");
    private static final Region YUNCHENG = new Region("140800", "运城市", "140000", "city", "central");
    private static final Region YANHU = new Region("140802", "盐湖区", "140800", "county", "central");
    private static final Region LINYI = new Region("140821", "临猗县", "140800", "county", "central");

    /** Lines as in a file whose second row spans three physical lines (a quoted line break or two). */
    private static final long[] LINES = {2, 3, 6, 7, 8, 9};

    /** The tree's exception, whose Chinese names every code, line and column its English does. */
    private static RegionTreeException broken(List<Region> regions) {
        RegionTreeException e = assertThrows(RegionTreeException.class, () -> new RegionTree(regions, "regions.csv", i -> LINES[i]));
        assertEquals(e.getMessage(), e.reason().en());
        for (RegionTreeProblem p : e.problems()) {
            ReasonAssertions.assertSaysTheSameInChinese(p.message());
        }
        return e;
    }

    @Test
    void aGoodTree() {
        RegionTree tree = new RegionTree(List.of(SHANXI, YUNCHENG, YANHU, LINYI), "regions.csv", i -> LINES[i]);
        assertEquals(List.of("140802", "140821"), tree.childrenOf("140800"));
        assertEquals(List.of("140821", "140800", "140000"), tree.selfAndAncestors("140821"));
    }

    @Test
    void identicalRowsCollapseIntoTheFirst() {
        // A re-delivered row, equal in every column (another object with the same values).
        RegionTree tree = new RegionTree(List.of(SHANXI, YUNCHENG, YANHU,
                new Region("140000", "山西省", null, "province", "central"), YANHU, LINYI), "regions.csv", i -> LINES[i]);
        assertEquals(List.of(SHANXI, YUNCHENG, YANHU, LINYI), tree.all());
        assertEquals(List.of("140800"), tree.childrenOf("140000"));
        assertEquals(List.of("140802", "140821"), tree.childrenOf("140800"));
    }

    @Test
    void aDuplicateWithOtherValuesNamesBothLinesAndTheColumn() {
        RegionTreeException e = broken(List.of(SHANXI, YUNCHENG, YANHU, LINYI,
                new Region("140802", "盐湖新区", "140800", "county", "central")));
        assertEquals("regions.csv, line 8, column region_code: region 140802 appears twice with different values, "
                + "on lines 6 and 8: region_name '盐湖区' on line 6, '盐湖新区' on line 8", e.getMessage());
        assertEquals(RegionTreeException.Kind.DUPLICATE, e.kind());
        assertEquals(8, e.line());
        assertEquals("region_code", e.column());
        assertEquals("region 140802 appears twice with different values, on lines 6 and 8: "
                + "region_name '盐湖区' on line 6, '盐湖新区' on line 8", e.problem().en());
        assertEquals("regions.csv 第 8 行 region_code 列：地区 140802 在第 6、8 行出现了 2 次，取值不同："
                + "region_name 第 6 行为“盐湖区”、第 8 行为“盐湖新区”", e.reason().zh());
    }

    @Test
    void aDuplicateNamesEveryColumnThatDiffersAndAnEmptyOne() {
        RegionTreeException e = broken(List.of(SHANXI, YUNCHENG, YANHU, LINYI,
                new Region("140800", "运城市", null, "province", "central")));
        assertEquals("regions.csv, line 8, column region_code: region 140800 appears twice with different values, "
                + "on lines 3 and 8: parent_code '140000' on line 3, empty on line 8; "
                + "level 'city' on line 3, 'province' on line 8", e.getMessage());
    }

    @Test
    void aCodeThreeTimesNamesEveryLineAndIsToldAtTheFirstRowThatDiffers() {
        // Line 8 is a copy of line 3 and not at fault; line 9 moves the county under the province.
        RegionTreeException e = broken(List.of(SHANXI, YANHU, YUNCHENG, LINYI, YANHU,
                new Region("140802", "盐湖区", "140000", "county", "central")));
        assertEquals("regions.csv, line 9, column region_code: region 140802 appears 3 times with different values, "
                + "on lines 3, 8 and 9: parent_code '140800' on lines 3 and 8, '140000' on line 9", e.getMessage());
    }

    @Test
    void anUnknownParent() {
        RegionTreeException e = broken(List.of(SHANXI, YUNCHENG, new Region("140802", "盐湖区", "140899", "county", "central")));
        assertEquals("regions.csv, line 6, column parent_code: region 140802 (盐湖区) has parent_code 140899, "
                + "which names no region of regions.csv", e.getMessage());
        assertEquals("regions.csv 第 6 行 parent_code 列：地区 140802（盐湖区）的 parent_code 是 140899，regions.csv 中没有这个地区",
                e.reason().zh());
        assertEquals(RegionTreeException.Kind.UNKNOWN_PARENT, e.kind());
    }

    @Test
    void aRegionThatIsItsOwnParent() {
        RegionTreeException e = broken(List.of(SHANXI, new Region("140800", "运城市", "140800", "city", "central"), YANHU));
        assertEquals("regions.csv, line 3, column parent_code: region 140800 has itself as parent_code: "
                + "the parent_code links 140800 (line 3) -> 140800 form a cycle", e.getMessage());
        assertEquals("regions.csv 第 3 行 parent_code 列：地区 140800 的 parent_code 是它自己：parent_code 链 140800（第 3 行） -> 140800"
                + " 构成了循环", e.reason().zh());
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
                () -> new RegionTree(List.of(SHANXI, YUNCHENG, new Region("140000", "山西省", null, "province", "east"))));
        assertEquals("regions.csv, line 4, column region_code: region 140000 appears twice with different values, "
                + "on lines 2 and 4: economic_zone 'central' on line 2, 'east' on line 4", e.getMessage());
    }

    @Test
    void everyProblemIsToldAtOnceInFileOrder() {
        // Found in another order (duplicates, then parents, then cycles); told by line.
        RegionTreeException e = broken(List.of(SHANXI,
                new Region("140800", "运城市", "140802", "city", "central"),
                new Region("140802", "盐湖区", "140800", "county", "central"),
                new Region("140821", "临猗县", "140899", "county", "central"),
                new Region("140000", "山西", null, "province", "central"),
                new Region("140822", "万荣县", "140822", "county", "central")));
        assertEquals("4 problems with the region tree of regions.csv:\n"
                + "  - regions.csv, line 3, column parent_code: region 140800 is its own ancestor: "
                + "the parent_code links 140800 (line 3) -> 140802 (line 6) -> 140800 form a cycle\n"
                + "  - regions.csv, line 7, column parent_code: region 140821 (临猗县) has parent_code 140899, "
                + "which names no region of regions.csv\n"
                + "  - regions.csv, line 8, column region_code: region 140000 appears twice with different values, "
                + "on lines 2 and 8: region_name '山西省' on line 2, '山西' on line 8\n"
                + "  - regions.csv, line 9, column parent_code: region 140822 has itself as parent_code: "
                + "the parent_code links 140822 (line 9) -> 140822 form a cycle", e.getMessage());
        assertEquals(List.of("CYCLE 3 parent_code", "UNKNOWN_PARENT 7 parent_code", "DUPLICATE 8 region_code",
                "CYCLE 9 parent_code"), e.problems().stream().map(p -> p.kind() + " " + p.line() + " " + p.column()).toList());
        // The single-problem accessors tell the first problem in the file.
        assertEquals(RegionTreeException.Kind.CYCLE, e.kind());
        assertEquals(3, e.line());
        assertEquals("parent_code", e.column());
        assertTrue(e.problems().stream().anyMatch(p -> p.kind() == RegionTreeException.Kind.UNKNOWN_PARENT));
    }

    @Test
    void aRegionBelowACycleIsNotACycleOfItsOwn() {
        // 140821 and 140822 both hang below the cycle 140800 <-> 140802: one cycle, told once
        // (140821 a city, so that the county below it is where a county belongs).
        RegionTreeException e = assertThrows(RegionTreeException.class, () -> new RegionTree(List.of(
                new Region("140821", "临猗县", "140800", "city", "central"),
                new Region("140800", "运城市", "140802", "city", "central"),
                new Region("140802", "盐湖区", "140800", "county", "central"),
                new Region("140822", "万荣县", "140821", "county", "central"))));
        assertEquals("regions.csv, line 3, column parent_code: region 140800 is its own ancestor: "
                + "the parent_code links 140800 (line 3) -> 140802 (line 4) -> 140800 form a cycle", e.getMessage());
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().stream().noneMatch(p -> p.kind() == RegionTreeException.Kind.UNKNOWN_PARENT));
    }

    @Test
    void theParentOfEveryRowOfADuplicateIsChecked() {
        // Deleting line 6 to settle the duplicate must not leave line 7's unknown parent for the rerun.
        RegionTreeException e = broken(List.of(SHANXI, YUNCHENG, YANHU, new Region("140802", "盐湖区", "140899", "county", "central")));
        assertEquals(List.of("DUPLICATE 7 region_code", "UNKNOWN_PARENT 7 parent_code"),
                e.problems().stream().map(p -> p.kind() + " " + p.line() + " " + p.column()).toList());
    }

    @Test
    void anIdenticalCopyOfARowWithAnUnknownParentIsToldOnce() {
        Region orphan = new Region("140802", "盐湖区", "140899", "county", "central");
        RegionTreeException e = broken(List.of(SHANXI, YUNCHENG, orphan, orphan));
        assertEquals("regions.csv, line 6, column parent_code: region 140802 (盐湖区) has parent_code 140899, "
                + "which names no region of regions.csv", e.getMessage());
    }

    @Test
    void twentyProblemsAreAllWrittenOut() {
        RegionTreeException e = assertThrows(RegionTreeException.class, () -> new RegionTree(orphans(20)));
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(21, lines.size());
        assertEquals("20 problems with the region tree of regions.csv:", lines.get(0));
        assertEquals("  - regions.csv, line 22, column parent_code: region 140820 (县20) has parent_code 140800, "
                + "which names no region of regions.csv", lines.get(20));
    }

    @Test
    void pastTwentyProblemsTheMessageSaysHowManyMore() {
        RegionTreeException e = assertThrows(RegionTreeException.class, () -> new RegionTree(orphans(25)));
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(22, lines.size());
        assertEquals("25 problems with the region tree of regions.csv:", lines.get(0));
        assertEquals("  - regions.csv, line 3, column parent_code: region 140801 (县1) has parent_code 140800, "
                + "which names no region of regions.csv", lines.get(1));
        assertEquals("  - regions.csv, line 22, column parent_code: region 140820 (县20) has parent_code 140800, "
                + "which names no region of regions.csv", lines.get(20));
        assertEquals("  - and 5 more", lines.get(21));
        List<String> linesZh = e.reason().zh().lines().toList();
        assertEquals("regions.csv 的地区层级有 25 个问题：", linesZh.get(0));
        assertEquals("  - 另有 5 个", linesZh.get(21));
        // The problems the message leaves out are still there for a caller.
        assertEquals(25, e.problems().size());
        assertEquals(27, e.problems().get(24).line());
    }

    /** The province, then {@code n} counties whose parent, the city 140800, is missing. */
    private static List<Region> orphans(int n) {
        List<Region> regions = new ArrayList<>(List.of(SHANXI));
        for (int k = 1; k <= n; k++) {
            regions.add(new Region(String.format("1408%02d", k), "县" + k, "140800", "county", "central"));
        }
        return regions;
    }

    /**
     * A parent of the same or a lower level is told at the child's row, column parent_code (a
     * sibling's code mistyped would move the county's figures into the sibling); a county under
     * its province and a city or county at the top are GB/T 2260's own.
     */
    @Test
    void aParentIsOfAHigherLevel() {
        Region wanrong = new Region("140822", "万荣县", "140802", "county", "central");
        Region xinzhou = new Region("140900", "忻州市", "140800", "city", "central");
        RegionTreeException e = broken(List.of(SHANXI, YUNCHENG, YANHU, LINYI, wanrong, xinzhou));
        assertEquals(List.of(RegionTreeException.Kind.LEVEL, RegionTreeException.Kind.LEVEL),
                e.problems().stream().map(RegionTreeProblem::kind).toList());
        assertEquals("regions.csv, line 8, column parent_code: region 140822 (万荣县, county) has parent_code 140802, which is a"
                + " county: a county belongs under a city or a province", e.problems().get(0).message().en());
        assertEquals(List.of("140822"), e.problems().get(0).regions());
        assertEquals("regions.csv, line 9, column parent_code: region 140900 (忻州市, city) has parent_code 140800, which is a"
                + " city: a city belongs under a province", e.problems().get(1).message().en());
        assertEquals("regions.csv, line 2, column parent_code: region 140000 (山西省, province) has parent_code 140800, which is"
                + " a city: a province has no parent_code", broken(List.of(new Region("140000", "山西省", "140800", "province",
                "central"), new Region("140800", "运城市", null, "city", "central"))).getMessage());

        RegionTree fine = new RegionTree(List.of(SHANXI, new Region("149001", "某县级市", "140000", "county", "central"),
                new Region("150800", "巴彦淖尔市", null, "city", "west"), new Region("150802", "临河区", "150800", "county", "west"),
                new Region("620101", "某县", null, "county", "west")), "regions.csv", i -> LINES[i]);
        assertEquals(List.of("149001"), fine.childrenOf("140000"), "a county under its province");
    }

    /**
     * A region set aside under a city: the city's sums of its children and the records counted
     * for it and for the province above leave it out, so both are told why; the sibling county
     * and the regions beside them are not.
     */
    @Test
    void aRegionSetAsideIsToldToEveryRegionAboveIt() {
        RegionTree tree = new RegionTree(List.of(SHANXI, YUNCHENG, YANHU), "regions.csv", i -> LINES[i])
                .withSetAside(Map.of("140800", Map.of("140821", 9L, "140822", 7L)));
        String both = "regions.csv lines 7 (region 140822) and 9 (region 140821), below %s, were set aside, so the rows of"
                + " those regions cannot be counted in %s: fix the rows";
        assertEquals(String.format(both, "140800", "140800"), tree.setAsideChildren("140800").orElseThrow().en());
        assertEquals(String.format(both, "140000", "140000"), tree.setAsideBelow("140000").orElseThrow().en());
        assertEquals(tree.setAsideChildren("140800"), tree.setAsideBelow("140800"));
        ReasonAssertions.assertSaysTheSameInChinese(tree.setAsideBelow("140000").orElseThrow());
        assertEquals(Optional.empty(), tree.setAsideChildren("140000"), "the province sums the city, which has no row set aside");
        assertEquals(Optional.empty(), tree.setAsideBelow("140802"), "a sibling");
        assertEquals(List.of("140802"), tree.childrenOf("140800"), "the tree's regions are unchanged");

        RegionTree one = new RegionTree(List.of(SHANXI, YUNCHENG, YANHU), "regions.csv", i -> LINES[i])
                .withSetAside(Map.of("140800", Map.of("140821", 9L)));
        assertEquals("regions.csv line 9 (region 140821, below 140800) was set aside, so the rows of that region cannot be"
                + " counted in 140800: fix the row", one.setAsideBelow("140800").orElseThrow().en());
        assertThrows(IllegalArgumentException.class, () -> one.withSetAside(Map.of("140899", Map.of("140821", 9L))),
                "a parent the tree does not hold");

        Map<String, Long> seven = new java.util.HashMap<>();
        for (int k = 1; k <= 7; k++) {
            seven.put("14083" + k, 20L - k);
        }
        RegionTree many = new RegionTree(List.of(SHANXI, YUNCHENG, YANHU), "regions.csv", i -> LINES[i])
                .withSetAside(Map.of("140800", seven));
        Reason reason = many.setAsideBelow("140800").orElseThrow();
        assertEquals("regions.csv lines 13 (region 140837), 14 (region 140836), 15 (region 140835), 16 (region 140834), 17"
                + " (region 140833) and 2 more, below 140800, were set aside, so the rows of those regions cannot be counted in"
                + " 140800: fix the rows", reason.en(), "five named by line, then how many more");
        assertTrue(reason.zh().contains("第 17 行（地区 140833）等 7 行（位于 140800 之下）"), reason.zh());
        ReasonAssertions.assertSaysTheSameInChinese(reason);
    }

    @Test
    void aBrokenTreeIsAnIllegalArgument() {
        // Callers that knew the tree's old exception still catch it.
        assertThrows(IllegalArgumentException.class,
                () -> new RegionTree(List.of(SHANXI, new Region("140000", "山西", null, "province", "central"))));
    }
}
