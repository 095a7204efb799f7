package org.netmarket.staging;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.testing.SharedSpark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary of rows with roles, counted by a job of its own ({@link ReadSummary#of}) and
 * observed while the rows are written ({@link ReadSummary.Observer}): both give the staged counts
 * by role and every file's report, and observing rows Spark knows to be none never waits forever.
 */
class ReadSummaryTest {
    private static final StructType ROLED = new StructType()
            .add("operator_id", DataTypes.StringType)
            .add(LatestVersion.ROLE, DataTypes.StringType)
            .add(SparkColumns.FILE, DataTypes.StringType)
            .add(ExtractReader.REPORT_JSON, DataTypes.StringType);
    private static final FileReport FIRST = report("operators/operators-2024-01.csv", 4);
    private static final FileReport SECOND = report("operators/operators-2024-02.csv", 5);

    private static SparkSession spark;
    private static Dataset<Row> rows;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        spark = SharedSpark.session();
        List<Row> list = new ArrayList<>();
        // Three winning rows, an identical copy, a conflicting pair and a rejected row, then the
        // two files' reports, the second file's first.
        list.add(RowFactory.create("A", LatestVersion.LATEST, FIRST.path(), null));
        list.add(RowFactory.create("B", LatestVersion.LATEST, FIRST.path(), null));
        list.add(RowFactory.create("C", LatestVersion.LATEST, SECOND.path(), null));
        list.add(RowFactory.create("C", LatestVersion.DUPLICATE, SECOND.path(), null));
        list.add(RowFactory.create("D", LatestVersion.CONFLICT, FIRST.path(), null));
        list.add(RowFactory.create("D", LatestVersion.CONFLICT, SECOND.path(), null));
        list.add(RowFactory.create("E", ExtractReader.REJECTED, SECOND.path(), null));
        list.add(RowFactory.create(null, ExtractReader.REPORT, SECOND.path(), ExtractReader.JSON.writeValueAsString(SECOND)));
        list.add(RowFactory.create(null, ExtractReader.REPORT, FIRST.path(), ExtractReader.JSON.writeValueAsString(FIRST)));
        rows = spark.createDataFrame(list, ROLED).repartition(2);
    }

    private static FileReport report(String path, long rowsRead) {
        return new FileReport("operators", path, "UTF-8", "ab".repeat(32), 100 * rowsRead, rowsRead, 0, 0, List.of(), null, -1);
    }

    @Test
    void aJobOfItsOwnCountsTheStagedRolesAndCollectsEveryReportInPathOrder() {
        assertEquals(new ReadSummary(new StagedCounts(3, 1, 2), List.of(FIRST, SECOND)), ReadSummary.of(rows));
    }

    @Test
    void observingTheWriteGivesTheSameSummaryAsAJobOfItsOwn() {
        ReadSummary.Observer observer = new ReadSummary.Observer();
        observer.watch(rows).write().parquet(dir.resolve("observed").toString());
        assertEquals(Optional.of(ReadSummary.of(rows)), observer.summary());
    }

    @Test
    void rowsSparkKnowsToBeNoneGiveNoSummaryOrAnEmptyOneWithoutWaitingForever() {
        Dataset<Row> none = spark.createDataFrame(List.of(), ROLED);
        Optional<ReadSummary> summary = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ReadSummary.Observer observer = new ReadSummary.Observer();
            observer.watch(none).write().parquet(dir.resolve("none").toString());
            return observer.summary();
        });
        // Either way the caller's summary is that of no rows: read back when nothing was reported.
        ReadSummary empty = new ReadSummary(new StagedCounts(0, 0, 0), List.of());
        assertEquals(empty, summary.orElseGet(() -> ReadSummary.of(none)));
        assertTrue(summary.isEmpty() || summary.get().equals(empty), "observed summary of no rows: " + summary);
    }
}
