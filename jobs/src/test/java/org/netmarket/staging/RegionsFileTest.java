package org.netmarket.staging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.extract.SchemaCatalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * regions.csv read into the region tree: identical rows collapse; a tree that is broken stops the
 * run as bad input (exit code 2) with a message naming the file, the physical line of the row and
 * the column of every problem.
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

    private String broken(String csv) throws IOException {
        return failure(csv).getMessage();
    }

    private InvalidInputException failure(String csv) throws IOException {
        Files.write(data.resolve("regions.csv"), csv.getBytes(StandardCharsets.UTF_8));
        DataDirectory dir = DataDirectory.of(data.toString(), null);
        // InvalidInputException: the CLI exits with code 2 (bad input, nothing published).
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RegionsFile.read(dir, REGIONS));
        assertEquals(1, e.problems().size());
        return e;
    }

    @Test
    void noRegionsFileStopsTheRunInBothLanguages() {
        DataDirectory dir = DataDirectory.of(data.toString(), null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RegionsFile.read(dir, REGIONS));
        assertEquals(dir.root() + "/regions.csv is missing: every run needs the region tree", e.getMessage());
        assertEquals(dir.root() + "/regions.csv 缺失：每次运行都需要地区树", e.messageZh().orElseThrow());
    }

    /** The clerk's dashboard says it in Chinese: the row at fault, and the rows set aside where the parent may be. */
    @Test
    void theProblemIsSaidInChineseTooWithTheQuarantinedRows() throws IOException {
        assertEquals("regions.csv 第 4 行 parent_code 列：地区 140802（盐湖区）的 parent_code 是 140800，regions.csv 中没有这个地区"
                        + "（有 1 行被隔离，缺少的上级地区可能在其中：第 3 行 economic_zone 列：“northeast”不是可选值之一：east、central、west）",
                failure(HEADER + "\n"
                        + "140000,山西省,,province,central\n"
                        + "140800,运城市,140000,city,northeast\n"
                        + "140802,盐湖区,140800,county,central\n").messageZh().orElseThrow());
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

    @Test
    void aDuplicateWithOtherValuesNamesTheFileBothLinesAndTheColumn() throws IOException {
        assertEquals("regions.csv, line 8, column region_code: region 140802 appears twice with different values, "
                        + "on lines 5 and 8: level 'county' on line 5, 'city' on line 8",
                broken(TOP
                        + "140802,盐湖区,140800,county,central\r\n"
                        + "140821,\"临猗\r\n县\",140800,county,central\r\n"
                        + "140802,盐湖区,140800,city,central\r\n"));
    }

    @Test
    void aDuplicateOfAQuotedMultiLineRowNamesTheLineTheRowStartsOn() throws IOException {
        assertEquals("regions.csv, line 5, column region_code: region 140800 appears twice with different values, "
                        + "on lines 3 and 5: region_name '运城市\n(地级市)' on line 3, '运城市\n(重复)' on line 5",
                broken(TOP + "140800,\"运城市\n(重复)\",140000,city,central\n"));
    }

    @Test
    void anUnknownParentNamesTheLineAndParentCode() throws IOException {
        assertEquals("regions.csv, line 6, column parent_code: region 140821 (临猗县) has parent_code 140899, "
                        + "which names no region of regions.csv",
                broken(TOP
                        + "140802,盐湖区,140800,county,central\r\n"
                        + "140821,临猗县,140899,county,central\r\n"));
    }

    @Test
    void anUnknownParentWhoseRowWasQuarantinedSaysWhichRowsWere() throws IOException {
        assertEquals("regions.csv, line 4, column parent_code: region 140802 (盐湖区) has parent_code 140800, "
                        + "which names no region of regions.csv (1 row was quarantined, the parent's may be among them: "
                        + "line 3, column economic_zone: 'northeast' is not one of east, central, west)",
                broken(HEADER + "\n"
                        + "140000,山西省,,province,central\n"
                        + "140800,运城市,140000,city,northeast\n"
                        + "140802,盐湖区,140800,county,central\n"));
    }

    @Test
    void aCycleNamesTheLineOfItsFirstRegionAndItsCodes() throws IOException {
        assertEquals("regions.csv, line 2, column parent_code: region 140000 is its own ancestor: "
                        + "the parent_code links 140000 (line 2) -> 140802 (line 5) -> 140800 (line 3) -> 140000 form a cycle",
                broken(HEADER + "\r\n"
                        + "140000,山西省,140802,province,central\r\n"
                        + "140800,\"运城市\n(地级市)\",140000,city,central\r\n"
                        + "140802,盐湖区,140800,county,central\r\n"));
    }

    @Test
    void aRegionThatIsItsOwnParent() throws IOException {
        assertEquals("regions.csv, line 5, column parent_code: region 140802 has itself as parent_code: "
                        + "the parent_code links 140802 (line 5) -> 140802 form a cycle",
                broken(TOP + "140802,盐湖区,140802,county,central\r\n"));
    }

    @Test
    void everyProblemOfTheTreeIsToldAtOnceWithTheQuarantinedRowsOnce() throws IOException {
        assertEquals("3 problems with the region tree of regions.csv:\n"
                        + "  - regions.csv, line 4, column parent_code: region 140802 (盐湖区) has parent_code 140800, "
                        + "which names no region of regions.csv\n"
                        + "  - regions.csv, line 5, column parent_code: region 140821 (临猗县) has parent_code 140800, "
                        + "which names no region of regions.csv\n"
                        + "  - regions.csv, line 8, column region_code: region 140000 appears twice with different "
                        + "values, on lines 2 and 8: region_name '山西省' on line 2, '山西省\n(重复)' on line 8\n"
                        + "(1 row was quarantined, a missing parent's may be among them: "
                        + "line 3, column economic_zone: 'northeast' is not one of east, central, west)",
                broken(HEADER + "\r\n"
                        + "140000,山西省,,province,central\r\n"
                        + "140800,运城市,140000,city,northeast\r\n"
                        + "140802,盐湖区,140800,county,central\r\n"
                        + "140821,临猗县,140800,county,central\r\n"
                        + "140822,\"万荣县\n(两行)\",140000,county,central\r\n"
                        + "140000,\"山西省\n(重复)\",,province,central\r\n"));
    }

    @Test
    void quarantinedRowsAreNotNamedWhenNoParentIsMissing() throws IOException {
        assertEquals("2 problems with the region tree of regions.csv:\n"
                        + "  - regions.csv, line 4, column parent_code: region 140802 has itself as parent_code: "
                        + "the parent_code links 140802 (line 4) -> 140802 form a cycle\n"
                        + "  - regions.csv, line 5, column region_code: region 140000 appears twice with different "
                        + "values, on lines 2 and 5: region_name '山西省' on line 2, '山西' on line 5",
                broken(HEADER + "\n"
                        + "140000,山西省,,province,central\n"
                        + "140800,运城市,140000,city,northeast\n"
                        + "140802,盐湖区,140802,county,central\n"
                        + "140000,山西,,province,central\n"));
    }

    @Test
    void columnsInAnotherOrderAndABomChangeNothing() throws IOException {
        assertEquals("regions.csv, line 4, column region_code: region 140000 appears twice with different values, "
                        + "on lines 2 and 4: economic_zone 'central' on line 2, 'east' on line 4",
                broken("\uFEFFlevel,economic_zone,region_name,parent_code,region_code\n"
                        + "province,central,山西省,,140000\n"
                        + "city,central,运城市,140000,140800\n"
                        + "province,east,山西省,,140000\n"));
    }
}
