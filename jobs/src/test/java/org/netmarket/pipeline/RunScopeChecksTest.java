package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.config.UsageException;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestFiles;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an analyst may ask for and the data cannot answer is bad usage (exit 2), not a scorecard
 * of missing data published as if it were one: a year the data has no figures for, an as-of
 * date before the year, some items of a region whose other items were never published.
 */
class RunScopeChecksTest {
    @TempDir
    Path reports;

    @Test
    void yearsOutsideTheDataAreRefusedByName() {
        DataYears covered = new DataYears(2022, 2024, 2024, null, null);
        covered.check(List.of(2022, 2023, 2024));
        assertEquals("the data has no figures for year 2021: its retail and national figures cover 2022-2024",
                assertThrows(UsageException.class, () -> covered.check(List.of(2021))).getMessage());
        UsageException several = assertThrows(UsageException.class, () -> covered.check(List.of(2024, 2025, 2204)));
        assertEquals("the data has no figures for years 2025, 2204: its retail and national figures cover 2022-2024",
                several.getMessage());
        assertEquals(Optional.of("数据中没有 2025, 2204 年的数据：零售额和全国数据只覆盖 2022-2024 年，本次运行未发布任何结果"),
                several.messageZh());
    }

    /** The golden delivery's retail months run 2022-01 to 2024-12 and its national figures cover 2023-2024. */
    @Test
    void aYearWithoutDataStopsTheRun() throws IOException {
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--dry-run", "--year", "1999");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("the data has no figures for year 1999: its retail and national figures cover 2022-2024"),
                r.output());
        assertReadOnlyTheExtractsThatTellTheYears();
    }

    /** The refusal came once retail and national figures were read, before the record extracts. */
    private void assertReadOnlyTheExtractsThatTellTheYears() throws IOException {
        String log = JobRunner.lastRunLog(reports);
        assertTrue(log.contains("extract retail: reading") && log.contains("extract national: reading"), log);
        assertFalse(log.contains("extract complaints: reading") || log.contains("extract operators: reading"), log);
    }

    /**
     * Without retail or national figures the data has no latest complete year: a run without
     * --year is refused rather than scoring last calendar year; with --year it scores that year.
     */
    @Test
    void withoutRetailOrNationalFiguresTheYearMustBeGiven() throws IOException {
        Path data = GoldenData.copyTo(reports.resolve("no-retail-no-national"));
        for (String extract : List.of("retail", "national")) {
            TestFiles.deleteTree(data.resolve(extract));
        }
        JobRunner.Result refused = JobRunner.run(reports, "run", "--data", data.toString(), "--dry-run", "--regions", "140802");
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("no --year given, and the data has neither retail nor national figures to tell "
                + "its latest complete year by: give --year"), refused.output());
        JobRunner.Result given = JobRunner.run(reports, "run", "--data", data.toString(), "--dry-run", "--regions", "140802",
                "--year", "2024");
        assertEquals(ExitCodes.OK, given.exitCode(), given.output());
        assertTrue(given.output().contains("Scorecard 2024"), given.output());
        assertTrue(JobRunner.lastRunLog(reports).contains("WARN  ScoringPipeline - --regions: the regions above them (140800 运城市, "
                + "140000 山西省), whose figures include theirs, are not recomputed"), JobRunner.lastRunLog(reports));
    }

    /** A data directory with regions.csv alone would publish a scorecard of nothing but missing data. */
    @Test
    void aDataDirectoryWithoutAnyExtractFileStopsTheRun() throws IOException {
        Path data = java.nio.file.Files.createDirectories(reports.resolve("only-regions"));
        java.nio.file.Files.copy(GoldenData.GIVEN.resolve("regions.csv"), data.resolve("regions.csv"));
        java.nio.file.Files.createDirectories(data.resolve("retail"));
        // A file marked not to read is no extract file either (not one "still being copied").
        java.nio.file.Files.writeString(data.resolve("retail/_retail-fix.csv"), "region_code,month,total_retail,online_retail,version\n");
        for (String year : new String[]{"2024", null}) {
            List<String> args = new java.util.ArrayList<>(List.of("--data", data.toString(), "--dry-run"));
            if (year != null) {
                args.addAll(List.of("--year", year));
            }
            JobRunner.Result r = JobRunner.run(reports, "run", args.toArray(String[]::new));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
            assertTrue(r.output().contains("the data directory holds no extract file besides regions.csv: nothing to score,"
                    + " nothing published (is the delivery in another folder?)"), r.output());
        }
    }

    @Test
    void anAsOfDateBeforeTheYearStopsTheRun() {
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--dry-run", "--year", "2024",
                "--as-of", "2023-06-30");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("--as-of 2023-06-30 is before the evaluation year 2024: nothing of 2024 could be counted "
                + "by then (to score 2023 as of that date, give --year 2023)"), r.output());
    }

    /**
     * Without --year, the year is the data's latest complete one (2023 in the golden delivery,
     * whose 2024 lacks 140821's December), known once the small extracts are read: refused then.
     */
    @Test
    void anAsOfDateBeforeTheDatasLatestYearStopsTheRunBeforeTheRecordExtractsAreRead() throws IOException {
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--dry-run",
                "--as-of", "2022-06-30");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("--as-of 2022-06-30 is before the evaluation year 2023"), r.output());
        assertReadOnlyTheExtractsThatTellTheYears();
    }

    /** Publishing 19 alone would leave a total that adds up items nobody can see. */
    @Test
    void someItemsOfAnUnpublishedRegionAreRefusedAndNothingIsPublished() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--jdbc-url", url,
                "--year", "2024", "--regions", "140802", "--items", "19");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("--items recomputes items of published scores, but nothing is published for 2024 in 140802: "
                + "score all items first (run without --items)"), r.output());
        assertReadOnlyTheExtractsThatTellTheYears();
        assertEquals(0, WarehouseRows.query(url, "indicator_score", "SELECT * FROM netmarket.indicator_score",
                "region_code", "indicator_code").size());
        assertEquals(0, WarehouseRows.query(url, "evaluation_result", "SELECT * FROM netmarket.evaluation_result",
                "region_code").size());
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT run_id, status, error_zh FROM netmarket.pipeline_run",
                "run_id");
        assertEquals(1, runs.size());
        Map<String, Object> run = runs.all().values().iterator().next();
        assertEquals("failed", run.get("status"));
        // Said as what it is on the dashboards' run banner, not as a defect of the job.
        assertEquals("--items 只重算已发布评分中的部分项目，但 140802 尚未发布 2024 年的评分：请先不带 --items 计算全部项目；本次运行未发布任何结果",
                run.get("error_zh"));
    }

    /**
     * Item 19 recomputed as of June 30 beside the other items of December 31 would publish a
     * total, and a pass, of two cut-off dates under one as-of date.
     */
    @Test
    void someItemsAsOfAnotherDateThanThePublishedYearAreRefusedAndNothingChanges() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        JobRunner.Result published = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--jdbc-url", url,
                "--year", "2024");
        assertEquals(ExitCodes.OK, published.exitCode(), published.output());
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--jdbc-url", url,
                "--year", "2024", "--as-of", "2024-06-30", "--items", "19");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains("as of 2024-12-31 with edition 2022, and this run scores as of 2024-06-30 with edition 2022:"
                + " one total would mix items of different cut-off dates or editions. Give --as-of 2024-12-31, or recompute every"
                + " item (run without --items)"), r.output());
        assertReadOnlyTheExtractsThatTellTheYears();
        WarehouseRows results = WarehouseRows.query(url, "evaluation_result",
                "SELECT region_code, as_of::text AS as_of, run_id FROM netmarket.evaluation_result", "region_code");
        assertTrue(results.size() > 0);
        for (String region : results.all().keySet()) {
            results.assertValue(region, "as_of", "2024-12-31");
            results.assertValue(region, "run_id", 1);
        }
        WarehouseRows.query(url, "pipeline_run", "SELECT run_id, status FROM netmarket.pipeline_run", "run_id")
                .assertValue("2", "status", "failed");
    }
}
