package org.netmarket.staging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.rules.Reason;
import org.netmarket.rules.ReasonAssertions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * regions.csv read into the region tree: identical rows collapse; rows that break the row rules or
 * do not fit the tree (a code on rows that differ, an unknown parent, a cycle) are quarantined
 * with the physical line of the row, its raw text, the column and the reason, and the run goes on
 * with the rest; a row with regions below it that is set aside, or a file without a region left,
 * stops the run as bad input.
 */
class RegionsFileTest {
    private static final ExtractSchema REGIONS = SchemaCatalog.load().get("regions");
    private static final String HEADER = "region_code,region_name,parent_code,level,economic_zone";
    /** Line 1 the header, line 2 the province, lines 3-4 the city (its name holds a quoted line break). */
    private static final String TOP = HEADER + "\r\n"
            + "140000,山西省,,province,central\r\n"
            + "140800,\"运城市\n(地级市)\",140000,city,central\r\n";

    @TempDir
    Path data;

    private RegionsFile.Result read(String csv) throws IOException {
        Files.write(data.resolve("regions.csv"), csv.getBytes(StandardCharsets.UTF_8));
        return RegionsFile.read(DataDirectory.of(data.toString(), null), REGIONS);
    }

    private InvalidInputException failure(String csv) throws IOException {
        Files.write(data.resolve("regions.csv"), csv.getBytes(StandardCharsets.UTF_8));
        DataDirectory dir = DataDirectory.of(data.toString(), null);
        // InvalidInputException: the CLI exits with code 2 (bad input, nothing published).
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RegionsFile.read(dir, REGIONS));
        assertEquals(1, e.problems().size());
        return e;
    }

    /** Each quarantined row as {@code line|column|reason}, in file order. */
    private static List<String> quarantined(RegionsFile.Result r) {
        return r.quarantined().stream().map(q -> q.line() + "|" + q.column() + "|" + q.reason().en()).toList();
    }

    @Test
    void noRegionsFileStopsTheRunInBothLanguages() throws java.io.IOException {
        DataDirectory dir = DataDirectory.of(data.toString(), null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RegionsFile.read(dir, REGIONS));
        // The folder as a path a clerk can paste into a shell, not as the file: URI the job keeps.
        assertEquals(data.toRealPath() + "/regions.csv is missing: every run needs the region tree", e.getMessage());
        assertEquals(data.toRealPath() + "/regions.csv 缺失：每次运行都需要地区树", e.messageZh().orElseThrow());
    }

    /**
     * A row with regions below it is never left out: set aside, it stops the run, naming its
     * problem and the regions below it, in Chinese too (the clerk's dashboard).
     */
    @Test
    void aRowWithRegionsBelowItStopsTheRunNamingThem() throws IOException {
        InvalidInputException e = failure(HEADER + "\n"
                + "140000,山西省,,province,central\n"
                + "140800,运城市,140000,city,northeast\n"
                + "140802,盐湖区,140800,county,central\n"
                + "140899,某镇,140802,county,central\n");
        assertEquals("regions.csv, line 3, column economic_zone: 'northeast' is not one of east, central, west; region 140800"
                + " has regions below it (140802 on line 4), which cannot be placed without it: fix the row (only a region"
                + " without regions below it is set aside while the run goes on)", e.getMessage());
        assertEquals("regions.csv 第 3 行 economic_zone 列：“northeast”不是可选值之一：east、central、west；地区 140800 之下有地区"
                + "（第 4 行的 140802），没有它就无法归属：请修正该行（只有其下没有地区的行才会被隔离而运行继续）", e.messageZh().orElseThrow());
    }

    /** A row that does not fit the tree, with regions below it: the same. */
    @Test
    void aCodeOnRowsThatDifferWithRegionsBelowItStopsTheRun() throws IOException {
        InvalidInputException e = failure(TOP
                + "140802,盐湖区,140800,county,central\r\n"
                + "140821,临猗县,140800,county,central\r\n"
                + "140800,运城市,140000,city,east\r\n");
        assertEquals("regions.csv, lines 3 and 7, column region_code: region 140800 appears twice with different values, on lines 3"
                + " and 7: region_name '运城市\n(地级市)' on line 3, '运城市' on line 7; economic_zone 'central' on line 3, 'east'"
                + " on line 7; region 140800 has regions below it (140802 on line 5, 140821 on line 6), which cannot be placed"
                + " without it: fix the row (only a region without regions below it is set aside while the run goes on)",
                e.getMessage());
    }

    @Test
    void aGoodFile() throws IOException {
        RegionsFile.Result r = read(TOP + "140802,盐湖区,140800,county,central\r\n");
        assertEquals(List.of("140000", "140800", "140802"), List.copyOf(r.tree().codes()));
        assertEquals("运城市\n(地级市)", r.tree().get("140800").name());
        assertEquals(List.of(), r.quarantined());
    }

    /** Rows elsewhere that refer to a quarantined region are told where its row went (see ValidationContext). */
    @Test
    void theCodesOfQuarantinedRowsAreKeptWithTheirLine() throws IOException {
        RegionsFile.Result r = read(TOP + "140802,盐湖区,140800,county,central\r\n"
                + " 140882\u00A0,河津市,140800,county,middle\r\n"
                + "140899,开发区,140800,district,central\r\n"
                + ",无码,140800,county,central\r\n"
                + "140821,临猗县,140800\r\n");
        assertEquals(4, r.quarantined().size());
        assertEquals(Map.of("140882", 6L, "140899", 7L, "140821", 9L), r.setAside(),
                "a code is trimmed as the row rules trim it (of a no-break space too); a row without a code names"
                        + " none; a row short of fields names the code it has");
    }

    /**
     * A region set aside stays below the parent its rows name, for the regions above it (their
     * figures would leave it out): a row rule broken, rows of the code that differ (under each
     * parent they name); a parent the tree does not hold places it nowhere.
     */
    @Test
    void aRegionSetAsideIsPlacedUnderTheParentItsRowsName() throws IOException {
        RegionsFile.Result r = read(TOP + "140802,盐湖区,140800,county,central\r\n"
                + "140821,临猗县, 140800 ,county,centre\r\n"
                + "140822,万荣县,140800,county,central\r\n"
                + "140822,万荣县,140000,county,central\r\n"
                + "140823,闻喜县,149900,county,central\r\n");
        assertEquals(Map.of("140821", 6L, "140822", 7L, "140823", 9L), r.setAside());
        assertEquals("regions.csv lines 6 (region 140821) and 7 (region 140822), below 140800, were set aside, so the rows of"
                + " those regions cannot be counted in 140800: fix the rows", r.tree().setAsideChildren("140800").orElseThrow().en());
        assertEquals("regions.csv line 8 (region 140822, below 140000) was set aside, so the rows of that region cannot be"
                + " counted in 140000: fix the row", r.tree().setAsideChildren("140000").orElseThrow().en(),
                "the line of the row that names the parent");
        assertTrue(r.tree().setAsideBelow("140000").orElseThrow().en().startsWith("regions.csv lines 6 (region 140821) and 7"
                + " (region 140822), below 140000"), "140823 names a parent the file does not have: it is nobody's");
    }

    /**
     * A county whose parent_code names a county is set aside, and placed under the nearest region
     * above that one whose level is above its own: the city its figures leave short, not the
     * sibling its mistyped parent_code names.
     */
    @Test
    void aCountyUnderACountyIsSetAsideUnderItsCity() throws IOException {
        RegionsFile.Result r = read(TOP + "140802,盐湖区,140800,county,central\r\n"
                + "140822,万荣县,140802,county,central\r\n");
        assertEquals(List.of("6|parent_code|region 140822 (万荣县, county) has parent_code 140802, which is a county: a county"
                + " belongs under a city or a province"), quarantined(r));
        assertEquals(Map.of("140822", 6L), r.setAside());
        assertTrue(r.tree().setAsideChildren("140802").isEmpty(), "not the sibling");
        assertTrue(r.tree().setAsideChildren("140800").orElseThrow().en().startsWith("regions.csv line 6 (region 140822, below"
                + " 140800)"), r.tree().setAsideChildren("140800").toString());
    }

    @Test
    void rowsIdenticalAfterParsingCollapse() throws IOException {
        // Line 6 quotes what line 5 does not and has another remark (an extra column, ignored);
        // line 7 repeats the quoted multi-line city: each is the same region as before.
        RegionsFile.Result r = read(HEADER + ",备注\r\n"
                + "140000,山西省,,province,central,\r\n"
                + "140800,\"运城市\n(地级市)\",140000,city,central,\r\n"
                + "140802,盐湖区,140800,county,central,第一次\r\n"
                + "\"140802\",\"盐湖区\",\"140800\",county,central,重发\n"
                + "140800,\"运城市\n(地级市)\",140000,city,central,\r\n");
        assertEquals(List.of("140000", "140800", "140802"), List.copyOf(r.tree().codes()));
        assertEquals(List.of("140802"), r.tree().childrenOf("140800"));
        assertEquals(List.of(), r.quarantined());
        assertEquals(5, r.report().rowsRead());
    }

    /** A cycle with a region hanging below it, and a region whose unknown parent leaves its own children without one. */
    @Test
    void aCycleOrAnOrphanWithRegionsBelowItStopsTheRun() throws IOException {
        assertEquals("regions.csv, line 5, column parent_code: region 140802 is its own ancestor: the parent_code links"
                + " 140802 (line 5) -> 140821 (line 6) -> 140802 form a cycle; region 140802 has regions below it (140899 on"
                + " line 7), which cannot be placed without it: fix the row (only a region without regions below it is set"
                + " aside while the run goes on)", failure(TOP
                + "140802,盐湖区,140821,county,central\r\n"
                + "140821,临猗县,140802,county,central\r\n"
                + "140899,某镇,140802,county,central\r\n").getMessage());
        assertEquals("regions.csv, line 5, column parent_code: region 140810 (某市) has parent_code 149900, which names no"
                + " region of regions.csv; region 140810 has regions below it (140811 on line 6), which cannot be placed"
                + " without it: fix the row (only a region without regions below it is set aside while the run goes on)",
                failure(TOP
                        + "140810,某市,149900,city,central\r\n"
                        + "140811,某区,140810,county,central\r\n"
                        + "140811,某区,140810,county,central\r\n").getMessage());
    }

    /**
     * A code with a row the rules rejected and another that does not fit the tree, with a region
     * below it: both rows are named, for fixing the first alone would only stop the next run.
     */
    @Test
    void everySetAsideRowOfARegionWithRegionsBelowItIsNamed() throws IOException {
        assertEquals("regions.csv, line 5, column economic_zone: 'north' is not one of east, central, west; line 6, column"
                + " parent_code: region 140810 (某市) has parent_code 149900, which names no region of regions.csv; region"
                + " 140810 has regions below it (140811 on line 7), which cannot be placed without it: fix the row (only a"
                + " region without regions below it is set aside while the run goes on)", failure(TOP
                + "140810,某市,140000,city,north\r\n"
                + "140810,某市,149900,city,central\r\n"
                + "140811,某区,140810,county,central\r\n").getMessage());
    }

    @Test
    void aFileOfAHeaderAloneHasNoRegionRows() throws IOException {
        assertEquals("regions.csv has no region rows", failure(HEADER + "\n").getMessage());
    }

    /** As the contract has it for conflicting versions: both rows are quarantined, the run goes on. */
    @Test
    void everyRowOfACodeOnRowsThatDifferIsSetAside() throws IOException {
        RegionsFile.Result r = read(TOP
                + "140802,盐湖区,140800,county,central\r\n"
                + "140821,\"临猗\r\n县\",140800,county,central\r\n"
                + "140802,盐湖区,140800,city,central\r\n");
        String reason = "region 140802 appears twice with different values, on lines 5 and 8: level 'county' on line 5, "
                + "'city' on line 8";
        assertEquals(List.of("5|region_code|" + reason, "8|region_code|" + reason), quarantined(r));
        assertEquals(List.of("140000", "140800", "140821"), List.copyOf(r.tree().codes()));
        assertEquals(Map.of("140802", 5L), r.setAside());
        assertEquals("140802,盐湖区,140800,city,central", r.quarantined().get(1).rawLine());
    }

    @Test
    void aDuplicateOfAQuotedMultiLineRowNamesTheLineTheRowStartsOn() throws IOException {
        RegionsFile.Result r = read(TOP + "140800,\"运城市\n(重复)\",140000,city,central\n");
        String reason = "region 140800 appears twice with different values, on lines 3 and 5: "
                + "region_name '运城市\n(地级市)' on line 3, '运城市\n(重复)' on line 5";
        assertEquals(List.of("3|region_code|" + reason, "5|region_code|" + reason), quarantined(r));
        assertEquals("140800,\"运城市\n(地级市)\",140000,city,central", r.quarantined().get(0).rawLine());
    }

    @Test
    void anUnknownParentIsSetAsideNamingTheParentCode() throws IOException {
        RegionsFile.Result r = read(TOP
                + "140802,盐湖区,140800,county,central\r\n"
                + "140821,临猗县,140899,county,central\r\n");
        assertEquals(List.of("6|parent_code|region 140821 (临猗县) has parent_code 140899, which names no region of regions.csv"),
                quarantined(r));
        assertEquals(List.of("140000", "140800", "140802"), List.copyOf(r.tree().codes()));
    }

    @Test
    void theRowsOfACycleAreSetAside() throws IOException {
        String cycle = "region 140802 is its own ancestor: "
                + "the parent_code links 140802 (line 5) -> 140821 (line 6) -> 140802 form a cycle";
        RegionsFile.Result r = read(TOP
                + "140802,盐湖区,140821,county,central\r\n"
                + "140821,临猗县,140802,county,central\r\n");
        assertEquals(List.of("5|parent_code|" + cycle, "6|parent_code|" + cycle), quarantined(r));
        assertEquals(List.of("140000", "140800"), List.copyOf(r.tree().codes()));
    }

    @Test
    void aRegionThatIsItsOwnParent() throws IOException {
        RegionsFile.Result r = read(TOP + "140802,盐湖区,140802,county,central\r\n");
        assertEquals(List.of("5|parent_code|region 140802 has itself as parent_code: "
                + "the parent_code links 140802 (line 5) -> 140802 form a cycle"), quarantined(r));
    }

    /**
     * Every problem of the rows at once, each row told once in file order: a row rule; a code
     * whose other row stands (a region of the tree, not one set aside); an unknown parent; a code
     * on three rows, two of them identical, which differ; a region that is its own parent.
     */
    @Test
    void everyProblemIsToldOncePerRowInFileOrder() throws IOException {
        RegionsFile.Result r = read(HEADER + "\r\n"
                + "140000,山西省,,province,central\r\n"
                + "140800,运城市,140000,city,central\r\n"
                + "140802,盐湖区,140800,county,northeast\r\n"
                + "140802,盐湖区,140800,county,central\r\n"
                + "140821,临猗县,140899,county,central\r\n"
                + "140822,万荣县,140800,county,central\r\n"
                + "140822,万荣县,140800,county,central\r\n"
                + "140822,万荣县,140800,county,east\r\n"
                + "140823,\"闻喜县\n(两行)\",140823,county,central\r\n");
        String wanrong = "region 140822 appears 3 times with different values, on lines 7, 8 and 9: "
                + "economic_zone 'central' on lines 7 and 8, 'east' on line 9";
        assertEquals(List.of(
                "4|economic_zone|'northeast' is not one of east, central, west",
                "6|parent_code|region 140821 (临猗县) has parent_code 140899, which names no region of regions.csv",
                "7|region_code|" + wanrong,
                "8|region_code|" + wanrong,
                "9|region_code|" + wanrong,
                "10|parent_code|region 140823 has itself as parent_code: the parent_code links 140823 (line 10) -> 140823"
                        + " form a cycle"), quarantined(r));
        assertEquals(List.of("140000", "140800", "140802"), List.copyOf(r.tree().codes()));
        assertEquals(Map.of("140821", 6L, "140822", 7L, "140823", 10L), r.setAside());
        assertEquals(9, r.report().rowsRead());
        assertEquals(6, r.report().rowsQuarantined(), "the quarantine threshold counts them");
    }

    @Test
    void aFileWithoutARegionLeftStopsTheRunSayingWhy() throws IOException {
        InvalidInputException e = failure(HEADER + "\n"
                + "140000,山西省,,province,central\n"
                + "140000,山西,,province,central\n");
        String why = "region 140000 appears twice with different values, on lines 2 and 3: region_name '山西省' on line 2,"
                + " '山西' on line 3";
        assertEquals("regions.csv has no region left: every row was set aside (line 2, column region_code: " + why
                + "; line 3, column region_code: " + why + ")", e.getMessage());
        ReasonAssertions.assertSaysTheSameInChinese(Reason.of(e.getMessage(), e.messageZh().orElseThrow()));
    }

    @Test
    void columnsInAnotherOrderAndABomChangeNothing() throws IOException {
        RegionsFile.Result r = read("\uFEFFlevel,economic_zone,region_name,parent_code,region_code\n"
                + "province,central,山西省,,140000\n"
                + "city,central,运城市,140000,140800\n"
                + "county,central,盐湖区,140800,140802\n"
                + "county,east,盐湖区,140800,140802\n");
        String reason = "region 140802 appears twice with different values, on lines 4 and 5: "
                + "economic_zone 'central' on line 4, 'east' on line 5";
        assertEquals(List.of("4|region_code|" + reason, "5|region_code|" + reason), quarantined(r));
        assertEquals(List.of("140000", "140800"), List.copyOf(r.tree().codes()));
        assertEquals("140000", r.tree().get("140800").parentCode());
    }
}
