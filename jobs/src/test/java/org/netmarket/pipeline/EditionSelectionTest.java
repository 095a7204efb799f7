package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --edition FILE} scores with another edition of the indicator system, and the published
 * rows say which: the revised edition's 80% category rule fails 盐湖区, whose development
 * category is exactly 75% (15 of 20) and passes under 2022.
 */
class EditionSelectionTest {
    @TempDir
    Path reports;

    @Test
    void anEditionFileSelectsThePassRuleAndIsRecorded() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        String revised = Path.of("jobs/src/test/resources/editions/revised-85-80.yaml").toString();
        assertEquals(ExitCodes.OK, JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                "--jdbc-url", url, "--regions", "140802").exitCode());
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                "--jdbc-url", url, "--edition", revised, "--regions", "140802");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        // The same points under the new rule: the evaluation changed all the same, and the summary says how.
        assertTrue(r.output().contains("    140802 2024 total 86.0 -> 86.0  PASS -> FAIL  edition 2022 -> revised-test"), r.output());
        String changes = java.nio.file.Files.readString(JobRunner.lastRunFolder(reports).resolve("changes.csv"));
        assertTrue(changes.contains("\nbasis,140802,2024,evaluation,edition,,,,,2022,revised-test\r\n"), changes);
        WarehouseRows evaluation = WarehouseRows.query(url, "evaluation_result",
                "SELECT * FROM netmarket.evaluation_result", "region_code");
        evaluation.assertValue("140802", "edition", "revised-test");
        evaluation.assertValue("140802", "total_points", 86);
        evaluation.assertValue("140802", "passed", false);
        assertEquals(List.of("development"), evaluation.row("140802").get("failing_categories"));
        WarehouseRows runs = WarehouseRows.query(url, "pipeline_run", "SELECT * FROM netmarket.pipeline_run", "run_id");
        runs.assertValue("1", "edition", "2022");
        runs.assertValue("2", "edition", "revised-test");
        // Which text of the file: its checksum, worked out here from the file itself.
        WarehouseRows recorded = WarehouseRows.query(url, "pipeline_run", "SELECT run_id, parameters ->> 'edition' AS edition_given,"
                + " parameters ->> 'edition_sha256' AS edition_sha256 FROM netmarket.pipeline_run", "run_id");
        recorded.assertValue("2", "edition_given", revised);
        recorded.assertValue("2", "edition_sha256", sha256(Path.of(revised)));
        recorded.assertValue("1", "edition_sha256", sha256(Path.of("schemas/editions/2022.yaml")));
        WarehouseRows editions = WarehouseRows.query(url, "edition", "SELECT * FROM netmarket.edition", "edition");
        editions.assertValue("revised-test", "pass_first_level_share", new BigDecimal("0.80"));
        assertTrue(r.output().contains("every first-level category >= 80%"), r.output());
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(file)));
    }

    /** The revised pass rule under the id "2022" would restate the rule of every year published with 2022. */
    @Test
    void anotherPassRuleUnderAPublishedEditionsIdIsRefused() throws Exception {
        String url = TestingPostgres.server().createDatabase();
        assertEquals(ExitCodes.OK, JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                "--jdbc-url", url, "--regions", "140802").exitCode());
        Path relabelled = reports.resolve("relabelled.yaml");
        java.nio.file.Files.writeString(relabelled, java.nio.file.Files.readString(
                Path.of("jobs/src/test/resources/editions/revised-85-80.yaml")).replace("edition: \"revised-test\"", "edition: \"2022\""));
        String refusal = "edition 2022 is published with 100 points, passing at 85 and a first-level share of"
                + " 0.75; this edition file says 100, 85 and 0.8 under the same id: give a changed edition an id of its own";
        // A dry run says what publishing would: refused, not "would change nothing".
        JobRunner.Result dry = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                "--jdbc-url", url, "--edition", relabelled.toString(), "--regions", "140802", "--dry-run");
        assertEquals(ExitCodes.BAD_INPUT, dry.exitCode(), dry.output());
        assertTrue(dry.output().contains(refusal), dry.output());
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--year", "2024",
                "--jdbc-url", url, "--edition", relabelled.toString(), "--regions", "140802");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.output());
        assertTrue(r.output().contains(refusal), r.output());
        String log = JobRunner.lastRunLog(reports);
        assertTrue(log.contains("stage ingest: stopped") && !log.contains("stage facts 2024"),
                "refused while the extracts are read, before anything is scored:\n" + log);
        WarehouseRows editions = WarehouseRows.query(url, "edition", "SELECT * FROM netmarket.edition", "edition");
        editions.assertValue("2022", "pass_first_level_share", new BigDecimal("0.75"));
        WarehouseRows results = WarehouseRows.query(url, "evaluation_result", "SELECT * FROM netmarket.evaluation_result",
                "region_code");
        results.assertValue("140802", "run_id", 1);
    }

    /**
     * A night given an edition file whose rules changed under the same id scores again, though no
     * file of the data directory is new: the night before scored with other rules.
     */
    @Test
    void aNightWhoseEditionFileChangedItsRulesScoresAgain() throws Exception {
        String url = TestingPostgres.server().createWarehouse();
        Path data = GoldenData.copyTo(reports.resolve("data"));
        Path edition = reports.resolve("edition.yaml");
        String text = java.nio.file.Files.readString(Path.of("jobs/src/test/resources/editions/revised-85-80.yaml"));
        java.nio.file.Files.writeString(edition, text);
        String itemThree = "SELECT sum(points) AS points FROM netmarket.indicator_score WHERE indicator_code = '3'";
        assertEquals(ExitCodes.OK, night(url, data, edition).exitCode());
        BigDecimal before = (BigDecimal) WarehouseRows.query(url, "indicator_score", itemThree, "points").all().values()
                .iterator().next().get("points");
        assertTrue(before.signum() > 0, "item 3 scores points under the file's first band: " + before);
        JobRunner.Result unchanged = night(url, data, edition);
        assertTrue(unchanged.output().contains("Run 2: no new or changed files since run 1"), unchanged.output()); // the control

        // Item 3's band moved out of reach, under the same id and pass rule.
        String moved = text.replace("rule: {band: {from: 0.08, to: 0.15, points: [1, 2]}}",
                "rule: {band: {from: 0.98, to: 0.99, points: [1, 2]}}");
        assertTrue(!moved.equals(text), "the band was found in the file");
        java.nio.file.Files.writeString(edition, moved);
        JobRunner.Result changed = night(url, data, edition);
        assertEquals(ExitCodes.OK, changed.exitCode(), changed.output());
        assertTrue(!changed.output().contains("no new or changed files"), changed.output());
        assertTrue(JobRunner.lastRunLog(reports).contains("or the edition's text changed): scoring it"), JobRunner.lastRunLog(reports));
        WarehouseRows after = WarehouseRows.query(url, "indicator_score", itemThree, "points");
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) after.all().values().iterator().next().get("points")),
                "no region reaches the moved band: " + after.all());
    }

    private JobRunner.Result night(String url, Path data, Path edition) {
        return JobRunner.run(reports, "nightly", "--data", data.toString(), "--jdbc-url", url, "--edition", edition.toString());
    }

    @Test
    void anUnknownEditionIsBadUsage() {
        JobRunner.Result r = JobRunner.run(reports, "run", "--data", GoldenData.GIVEN.toString(), "--dry-run",
                "--edition", "1999");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.output().contains("unknown edition '1999'"), r.output());
    }
}
