package org.netmarket.staging;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionLoader;
import org.netmarket.extract.ConflictScope;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.extract.UnifiedSocialCreditCode;
import org.netmarket.extract.ValidationContext;
import org.netmarket.items.ItemRegistry;
import org.netmarket.testing.SharedSpark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading an extract with Spark: every file of the folder, later version wins across files,
 * identical rows collapse, conflicting versions are set aside with both rows, and a sale of an
 * operator missing from the registry is quarantined.
 */
class ExtractReaderTest {
    static SparkSession spark;
    static SchemaCatalog catalog;
    static Edition edition;

    @TempDir
    Path data;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.session();
        catalog = SchemaCatalog.load();
        edition = new EditionLoader(ItemRegistry.COMPUTATIONS).load("2022");
    }

    private LoadedExtract read(String extract) {
        DataDirectory dir = DataDirectory.of(data.toString(), spark.sparkContext().hadoopConfiguration());
        return new ExtractReader(spark, dir).read(catalog.get(extract),
                new ValidationContext(Set.of("140800", "140802", "140821"), edition));
    }

    private void write(String relative, String... lines) throws IOException {
        Path p = data.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static final String DISPATCH_HEADER = "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at";

    @Test
    void laterVersionWinsAcrossFilesAndIdenticalRowsCollapse() throws IOException {
        write("dispatches/night-1.csv", DISPATCH_HEADER,
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-02 09:00:00",
                "D2,140821,monitoring_lead,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-02 09:00:00");
        write("dispatches/night-2/part-0.csv", DISPATCH_HEADER,
                // D1 revised: completed, later updated_at
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,2024-01-05 09:00:00,2024-01-06 09:00:00,2024-01-06 10:00:00",
                // D2 delivered again unchanged
                "D2,140821,monitoring_lead,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-02 09:00:00");
        LoadedExtract e = read("dispatches");
        assertEquals(4, e.rowsRead());
        assertEquals(0, e.rowsQuarantined(), "identical rows collapse silently");
        Map<String, Row> latest = e.latest().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("dispatch_id"), r -> r));
        assertEquals(Set.of("D1", "D2"), latest.keySet());
        assertEquals(LocalDateTime.of(2024, 1, 6, 9, 0), latest.get("D1").getAs("completed_at"), "the later version of D1 wins");
        assertEquals("dispatches/night-2/part-0.csv", latest.get("D1").getAs(SparkColumns.FILE));
        // night-2 is the larger file and is scanned first; the row kept is the first by path.
        assertEquals("dispatches/night-1.csv", latest.get("D2").getAs(SparkColumns.FILE));
        assertEquals(3L, (long) latest.get("D2").getAs(SparkColumns.LINE));
        assertTrue(e.conflictScopes().isEmpty());
    }

    @Test
    void conflictingVersionsAreBothSetAside() throws IOException {
        write("dispatches/a.csv", DISPATCH_HEADER,
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00",
                "D3,140821,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00");
        write("dispatches/b.csv", DISPATCH_HEADER,
                // same key and version as D1 in a.csv, different verified_at
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,2024-01-04 09:00:00,,2024-01-03 09:00:00");
        LoadedExtract e = read("dispatches");
        List<String> ids = e.latest().collectAsList().stream().map(r -> r.<String>getAs("dispatch_id")).toList();
        assertEquals(List.of("D3"), ids, "neither version of D1 is used");
        assertEquals(2, e.rowsQuarantined());
        assertEquals(List.of(new ConflictScope("140802", 2024, "identity_claim", null)), e.conflictScopes());
        assertEquals(List.of(Map.of("dispatch_id", "D1")), e.conflictKeys());
        List<Row> q = e.quarantine().orderBy("file").collectAsList();
        assertEquals(2, q.size());
        assertEquals("dispatches/a.csv", q.get(0).getAs("file"));
        assertEquals(2L, (long) q.get(0).<Long>getAs("line"));
        assertEquals("dispatches/b.csv", q.get(1).getAs("file"));
        assertEquals("140802", q.get(0).getAs("region_code"), "a conflicting row is its region's");
        assertEquals("140802", q.get(1).getAs("region_code"));
        // Each row names the other and the column they differ in: the clerk puts the two lines side by side.
        assertEquals("verified_at", q.get(0).getAs("column_name"));
        assertEquals("conflicting versions: this row and another (dispatches/b.csv line 2) have the same key (dispatch_id=D1)"
                + " and the same updated_at 2024-01-03 09:00:00 but differ in verified_at; both are set aside",
                q.get(0).getAs("reason"));
        assertEquals("conflicting versions: this row and another (dispatches/a.csv line 2) have the same key (dispatch_id=D1)"
                + " and the same updated_at 2024-01-03 09:00:00 but differ in verified_at; both are set aside",
                q.get(1).getAs("reason"));
        assertEquals("版本冲突：本行与另一行（dispatches/b.csv 第 2 行）的键相同（dispatch_id=D1），updated_at 也相同"
                + "（2024-01-03 09:00:00），但 verified_at 不同；两行都已隔离", q.get(0).getAs("reason_zh"));
    }

    /** The reading of the README ("A conflict a later version supersedes"): only the greatest version is judged. */
    @Test
    void aConflictThatALaterVersionSupersedesIsNotSetAside() throws IOException {
        write("dispatches/a.csv", DISPATCH_HEADER,
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00",
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,2024-01-04 09:00:00,,2024-01-03 09:00:00");
        write("dispatches/b.csv", DISPATCH_HEADER,
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,2024-01-05 09:00:00,,2024-01-05 10:00:00");
        LoadedExtract e = read("dispatches");
        List<Row> latest = e.latest().collectAsList();
        assertEquals(1, latest.size());
        assertEquals(LocalDateTime.of(2024, 1, 5, 9, 0), latest.get(0).getAs("verified_at"), "the later version is D1's value");
        assertEquals(0, e.rowsQuarantined(), "the two versions below it are superseded, not set aside");
        assertTrue(e.conflictScopes().isEmpty(), "no item of 140802 becomes data_error");
    }

    @Test
    void threeConflictingVersionsNameEveryColumnThatDiffersAndEveryOtherRow() throws IOException {
        write("dispatches/a.csv", DISPATCH_HEADER,
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00",
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,2024-01-04 09:00:00,,2024-01-03 09:00:00",
                "D1,140821,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00");
        List<Row> q = read("dispatches").quarantine().orderBy("line").collectAsList();
        assertEquals(3, q.size());
        assertEquals("region_code", q.get(0).getAs("column_name"), "the first column that differs, in the schema's order");
        assertEquals("conflicting versions: this row and others (dispatches/a.csv line 3; dispatches/a.csv line 4) have the"
                + " same key (dispatch_id=D1) and the same updated_at 2024-01-03 09:00:00 but differ in region_code,"
                + " verified_at; all are set aside", q.get(0).getAs("reason"));
        assertEquals("版本冲突：本行与其他各行（dispatches/a.csv 第 3 行；dispatches/a.csv 第 4 行）的键相同（dispatch_id=D1），"
                + "updated_at 也相同（2024-01-03 09:00:00），但 region_code、verified_at 不同；这些行都已隔离", q.get(0).getAs("reason_zh"));
    }

    /** The same line delivered twice beside a differing one: the copies do not differ from each other. */
    @Test
    void aConflictingRowsIdenticalCopyIsSetAsideWithItWithoutBeingCalledDifferent() throws IOException {
        String d1 = "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00";
        write("dispatches/a.csv", DISPATCH_HEADER, d1);
        write("dispatches/b.csv", DISPATCH_HEADER, d1,
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,2024-01-04 09:00:00,,2024-01-03 09:00:00");
        LoadedExtract e = read("dispatches");
        assertEquals(3, e.rowsQuarantined(), "every line that holds one of the conflicting values is set aside");
        Map<String, Row> q = e.quarantine().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("file") + ":" + r.getAs("line"), r -> r));
        assertEquals("conflicting versions: this row and another (dispatches/b.csv line 3) have the same key (dispatch_id=D1)"
                + " and the same updated_at 2024-01-03 09:00:00 but differ in verified_at; all are set aside,"
                + " this row's identical copy (dispatches/b.csv line 2) too", q.get("dispatches/a.csv:2").getAs("reason"));
        assertEquals("版本冲突：本行与另一行（dispatches/b.csv 第 3 行）的键相同（dispatch_id=D1），updated_at 也相同"
                + "（2024-01-03 09:00:00），但 verified_at 不同；这些行都已隔离，与本行完全相同的行（dispatches/b.csv 第 2 行）也已隔离",
                q.get("dispatches/a.csv:2").getAs("reason_zh"));
        String differing = q.get("dispatches/b.csv:3").getAs("reason");
        assertTrue(differing.startsWith("conflicting versions: this row and others (")
                && differing.contains("dispatches/a.csv line 2") && differing.contains("dispatches/b.csv line 2")
                && differing.endsWith("differ in verified_at; all are set aside"), differing);
    }

    @Test
    void aRevisionThatFailsValidationLeavesTheEarlierVersionStanding() throws IOException {
        write("dispatches/night-1.csv", DISPATCH_HEADER,
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-02 09:00:00");
        write("dispatches/night-2.csv", DISPATCH_HEADER,
                // the revision's completion is before the dispatch: quarantined, takes no part in the versions
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,2024-01-01 09:00:00,2024-01-06 10:00:00");
        LoadedExtract e = read("dispatches");
        List<Row> latest = e.latest().collectAsList();
        assertEquals(1, latest.size());
        assertEquals("dispatches/night-1.csv", latest.get(0).getAs(SparkColumns.FILE), "the earlier valid version stands");
        assertTrue(latest.get(0).isNullAt(latest.get(0).fieldIndex("completed_at")), "no completion in the version that stands");
        List<Row> q = e.quarantine().collectAsList();
        assertEquals(1, q.size());
        assertEquals("dispatches/night-2.csv", q.get(0).getAs("file"));
        assertEquals("completed_at", q.get(0).getAs("column_name"));
        assertTrue(e.conflictScopes().isEmpty(), "a rejected row is no version, so no conflict either");
    }

    @Test
    void invalidRowsAreQuarantinedWithFileLineAndReason() throws IOException {
        write("dispatches/a.csv", DISPATCH_HEADER,
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00",
                "D2,999999,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00",
                "D3,140802,identity_claim,2024-01-02 09:00:00,2024-01-01 09:00:00,,,2024-01-03 09:00:00");
        LoadedExtract e = read("dispatches");
        assertEquals(3, e.rowsRead());
        assertEquals(2, e.rowsQuarantined());
        Map<Long, Row> q = e.quarantine().collectAsList().stream().collect(Collectors.toMap(r -> r.<Long>getAs("line"), r -> r));
        assertEquals("region_code", q.get(3L).getAs("column_name"));
        assertEquals("region code 999999 is not in regions.csv", q.get(3L).getAs("reason"));
        // The Chinese travels with the English from the file scan (one column, split when the quarantine is read).
        assertEquals("行政区划代码 999999 不在 regions.csv 中", q.get(3L).getAs("reason_zh"));
        assertEquals("due_at 2024-01-01 09:00:00 早于 dispatched_at 2024-01-02 09:00:00", q.get(4L).getAs("reason_zh"));
        assertEquals("D2,999999,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00", q.get(3L).getAs("raw_line"));
        assertEquals("due_at", q.get(4L).getAs("column_name"));
        // A county can find its rows: the region of a rejected row, when its field names a known one.
        assertEquals("140802", q.get(4L).getAs("region_code"));
        assertNull(q.get(3L).getAs("region_code"), "999999 is no region the run knows");
        assertEquals(1, e.latest().count());
    }

    /**
     * README "Which files are read": every *.csv of the folder and its subfolders, except names
     * starting with '.' or '_' (a delivery still being copied, Hadoop's _SUCCESS). Each skipped
     * file below holds a valid row of its own, so reading it would show as an extra id.
     */
    @Test
    void filesWhoseNamesStartWithADotOrAnUnderscoreAreNotRead() throws IOException {
        String row = ",140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-02 09:00:00";
        write("dispatches/night-1.csv", DISPATCH_HEADER, "READ-1" + row);
        write("dispatches/night_2.csv", DISPATCH_HEADER, "READ-2" + row);          // '_' inside the name: read
        write("dispatches/more/part-00000.csv", DISPATCH_HEADER, "READ-3" + row);  // a subfolder: read
        write("dispatches/.hidden.csv", DISPATCH_HEADER, "HIDDEN" + row);
        write("dispatches/.night-3.csv", DISPATCH_HEADER, "COPYING" + row);        // still being copied
        write("dispatches/_tmp.csv", DISPATCH_HEADER, "TMP" + row);
        write("dispatches/more/.part-00000.csv", DISPATCH_HEADER, "PART-HIDDEN" + row);
        write("dispatches/more/_part-00001.csv", DISPATCH_HEADER, "PART-UNDERSCORE" + row);
        // Hadoop's marker and a checksum file (of no file read here: Hadoop's local file system
        // would check one named after a file it reads): not CSV, and not taken for a bad file.
        write("dispatches/_SUCCESS");
        write("dispatches/more/.part-00002.csv.crc", "crc");
        LoadedExtract e = read("dispatches");
        assertEquals(List.of("dispatches/more/part-00000.csv", "dispatches/night-1.csv", "dispatches/night_2.csv"),
                e.files().stream().map(FileReport::path).sorted().toList());
        assertEquals(3, e.rowsRead());
        assertEquals(0, e.rowsQuarantined());
        assertEquals(Set.of("READ-1", "READ-2", "READ-3"),
                e.latest().collectAsList().stream().map(r -> r.<String>getAs("dispatch_id")).collect(Collectors.toSet()));
    }

    @Test
    void aFileThatCannotBeOpenedFailsWithItsReasonAndTheOtherFilesAreRead() throws IOException {
        write("dispatches/a.csv", DISPATCH_HEADER,
                "D1,140802,identity_claim,2024-01-02 09:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00");
        Files.createSymbolicLink(data.resolve("dispatches/dead.csv"), Path.of("/nonexistent/file.csv"));
        org.netmarket.testing.UnreadableFiles.socketAt(data.resolve("dispatches/socket.csv"));
        // Read in Spark tasks: the file's report says why, instead of the job failing with a stack trace.
        LoadedExtract e = read("dispatches");
        Map<String, String> problems = e.files().stream().collect(Collectors.toMap(FileReport::path,
                f -> String.valueOf(f.problem())));
        assertEquals(Map.of("dispatches/a.csv", "null",
                "dispatches/dead.csv", "cannot read dispatches/dead.csv: it is a link to /nonexistent/file.csv, which does not exist",
                "dispatches/socket.csv", "cannot read dispatches/socket.csv: No such device or address"), problems);
        // The Chinese travels with the report through Spark (as JSON) too.
        FileReport dead = e.files().stream().filter(f -> f.path().equals("dispatches/dead.csv")).findFirst().orElseThrow();
        assertEquals("无法读取 dispatches/dead.csv：它是指向 /nonexistent/file.csv 的链接，而目标不存在", dead.problem().zh());
        assertEquals(1, e.rowsRead());
    }

    @Test
    void anAbsentFolderIsNotDeliveredAndAnEmptyOneIsDelivered() throws IOException {
        assertFalse(read("case-reviews").delivered());
        Files.createDirectories(data.resolve("case-reviews"));
        LoadedExtract empty = read("case-reviews");
        assertTrue(empty.delivered());
        assertEquals(0, empty.rowsRead());
    }

    @Test
    void salesOfAnOperatorMissingFromTheRegistryAreQuarantined() throws IOException {
        String known = UnifiedSocialCreditCode.complete("91140802MA0000001");
        String unknown = UnifiedSocialCreditCode.complete("91140802MA0000002");
        write("operators/ops.csv", "operator_id,operator_name,region_code,operator_type,registered_on,deregistered_on,updated_at",
                known + ",甲,140802,self_built,2020-01-01,,2024-01-01 00:00:00");
        write("operator-sales/s.csv", "operator_id,year,ecommerce_sales_yuan,reported_at",
                known + ",2024,100.00,2025-01-01", unknown + ",2024,200.00,2025-01-01");
        DataDirectory dir = DataDirectory.of(data.toString(), spark.sparkContext().hadoopConfiguration());
        ExtractReader reader = new ExtractReader(spark, dir);
        ValidationContext ctx = new ValidationContext(Set.of("140802"), edition);
        LoadedExtract operators = reader.read(catalog.get("operators"), ctx);
        LoadedExtract sales = reader.checkReference(reader.read(catalog.get("operator-sales"), ctx), operators,
                Optional.empty());
        assertEquals(1, sales.rowsQuarantined());
        assertEquals(1, sales.latest().count());
        // The sale kept takes its operator's region.
        assertEquals("140802", sales.latest().first().getAs(ExtractReader.REGION_OF_REFERENCE));
        Row q = sales.quarantine().collectAsList().get(0);
        assertEquals("operator_id", q.getAs("column_name"));
        assertEquals("operator_id " + unknown + " is not in the operators registry", q.getAs("reason"));
        assertEquals("operator_id " + unknown + " 不在网络交易经营者名录（operators）中", q.getAs("reason_zh"));
        assertEquals(3L, (long) q.<Long>getAs("line"));
        assertNull(q.getAs("region_code"), "a sale is its operator's region, and this one has no operator");
    }

    @Test
    void aSaleOfAnOperatorWhoseRowWasSetAsideIsToldWhereItWent() throws IOException {
        String setAside = UnifiedSocialCreditCode.complete("91140802MA0000003");
        String absent = UnifiedSocialCreditCode.complete("91140802MA0000004");
        write("operators/ops.csv", "operator_id,operator_name,region_code,operator_type,registered_on,deregistered_on,updated_at",
                // the registry spells the code in lower case, with a no-break space after it (trimmed
                // like any field); the sale in upper case: the same operator
                setAside.toLowerCase(java.util.Locale.ROOT) + "\u00A0,乙,140802,shop,2020-01-01,,2024-01-01 00:00:00");
        write("operator-sales/s.csv", "operator_id,year,ecommerce_sales_yuan,reported_at",
                setAside + ",2024,100.00,2025-01-01", absent + ",2024,200.00,2025-01-01");
        DataDirectory dir = DataDirectory.of(data.toString(), spark.sparkContext().hadoopConfiguration());
        ExtractReader reader = new ExtractReader(spark, dir);
        ValidationContext ctx = new ValidationContext(Set.of("140802"), edition);
        LoadedExtract sales = reader.checkReference(reader.read(catalog.get("operator-sales"), ctx),
                reader.read(catalog.get("operators"), ctx), Optional.empty());
        Map<Long, String> reasons = new HashMap<>();
        Map<Long, String> reasonsZh = new HashMap<>();
        sales.quarantine().collectAsList().forEach(r -> {
            reasons.put(r.getAs("line"), r.getAs("reason"));
            reasonsZh.put(r.getAs("line"), r.getAs("reason_zh"));
        });
        assertEquals(Map.of(
                2L, "operator_id " + setAside + " has its row in the operators registry (operators/ops.csv line 2) quarantined,"
                        + " so this row cannot be placed",
                3L, "operator_id " + absent + " is not in the operators registry"), reasons);
        assertEquals(Map.of(
                2L, "operator_id " + setAside + " 在网络交易经营者名录（operators）中的行（operators/ops.csv 第 2 行）已被隔离，本行无法确定所属地区",
                3L, "operator_id " + absent + " 不在网络交易经营者名录（operators）中"), reasonsZh);
    }

    @Test
    void aConflictIsScopedByTheCohortYearAndTypeOfEachOfItsVersions() throws IOException {
        write("dispatches/a.csv", DISPATCH_HEADER,
                "D1,140802,identity_claim,2023-12-31 23:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00");
        write("dispatches/b.csv", DISPATCH_HEADER,
                // same key and version, another start year and type: both places are concerned
                "D1,140802,monitoring_lead,2024-01-01 08:00:00,2024-01-09 09:00:00,,,2024-01-03 09:00:00");
        LoadedExtract e = read("dispatches");
        assertEquals(Set.of(new ConflictScope("140802", 2023, "identity_claim", null),
                new ConflictScope("140802", 2024, "monitoring_lead", null)), Set.copyOf(e.conflictScopes()));
    }

    @Test
    void conflictingSalesArePlacedInTheirOperatorsRegionAndSalesOfAConflictingOperatorSaySo() throws IOException {
        String placed = UnifiedSocialCreditCode.complete("91140802MA0000001");
        String disputed = UnifiedSocialCreditCode.complete("91140821MA0000003");
        String header = "operator_id,operator_name,region_code,operator_type,registered_on,deregistered_on,updated_at";
        write("operators/ops.csv", header,
                placed + ",甲,140802,self_built,2020-01-01,,2024-01-01 00:00:00",
                disputed + ",乙,140821,self_built,2020-01-01,,2024-01-01 00:00:00");
        // the registry row of the second operator has a conflicting version
        write("operators/ops-2.csv", header, disputed + ",乙,140821,platform,2020-01-01,,2024-01-01 00:00:00");
        write("operator-sales/s.csv", "operator_id,year,ecommerce_sales_yuan,reported_at",
                placed + ",2023,100.00,2025-01-01", placed + ",2023,300.00,2025-01-01", disputed + ",2024,200.00,2025-01-01");
        DataDirectory dir = DataDirectory.of(data.toString(), spark.sparkContext().hadoopConfiguration());
        ExtractReader reader = new ExtractReader(spark, dir);
        ValidationContext ctx = new ValidationContext(Set.of("140802", "140821"), edition);
        LoadedExtract operators = reader.read(catalog.get("operators"), ctx);
        LoadedExtract unplaced = reader.read(catalog.get("operator-sales"), ctx);
        assertEquals(List.of(new ConflictScope(null, 2023, null, placed)), unplaced.conflictScopes(),
                "a sale has no region of its own");
        LoadedExtract sales = reader.checkReference(unplaced, operators, Optional.empty());
        assertEquals(List.of(new ConflictScope("140802", 2023, null, placed)), sales.conflictScopes());
        Row q = sales.quarantine().filter(org.apache.spark.sql.functions.col("column_name").equalTo("operator_id"))
                .collectAsList().get(0);
        assertEquals("operator_id " + disputed + " has conflicting versions in the operators registry (both set aside),"
                + " so this row cannot be placed", q.getAs("reason"));
        assertEquals("operator_id " + disputed + " 在网络交易经营者名录（operators）中有相互冲突的版本（均已隔离），本行无法确定所属地区",
                q.getAs("reason_zh"));
    }
}
