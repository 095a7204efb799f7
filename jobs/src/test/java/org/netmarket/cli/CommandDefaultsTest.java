package org.netmarket.cli;

import org.junit.jupiter.api.Test;
import org.netmarket.config.PipelineConfig;
import org.netmarket.config.RunMode;
import picocli.CommandLine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bare command line gives the settings {@link PipelineConfig} states as its defaults (the
 * options take their defaults from its constants); each command then sets only what it is about.
 */
class CommandDefaultsTest {

    private static <T> T parsed(Class<T> command, String... args) {
        CommandLine.ParseResult result = NetmarketCommand.commandLine().parseArgs(args);
        return command.cast(result.subcommand().commandSpec().userObject());
    }

    /** Every setting the options fill in, compared with a fresh config's default. */
    private static void assertOptionDefaults(PipelineConfig c, Duration waitForLock) {
        PipelineConfig d = new PipelineConfig();
        assertEquals(d.dataDir(), c.dataDir(), PipelineConfig.DATA_DIR);
        assertEquals(d.edition(), c.edition(), PipelineConfig.EDITION);
        assertEquals(d.asOf(), c.asOf(), PipelineConfig.AS_OF);
        assertEquals(d.regions(), c.regions(), PipelineConfig.REGIONS);
        assertEquals(d.items(), c.items(), PipelineConfig.ITEMS);
        assertEquals(d.jdbcUrl(), c.jdbcUrl(), PipelineConfig.JDBC_URL);
        assertEquals(0, d.quarantineThreshold().compareTo(c.quarantineThreshold()), PipelineConfig.QUARANTINE_THRESHOLD);
        assertEquals(d.reportDir(), c.reportDir(), PipelineConfig.REPORT_DIR);
        assertEquals(d.sparkMaster(), c.sparkMaster(), PipelineConfig.SPARK_MASTER);
        assertEquals(d.shufflePartitions(), c.shufflePartitions(), PipelineConfig.SHUFFLE_PARTITIONS);
        assertEquals(waitForLock, c.waitForLock(), PipelineConfig.WAIT_FOR_LOCK);
    }

    @Test
    void runWithoutOptionsIsAnAdHocRunOnTheDefaults() {
        PipelineConfig c = parsed(RunCommand.class, "run").config();
        assertOptionDefaults(c, PipelineConfig.DEFAULT_WAIT_FOR_LOCK);
        assertEquals(new PipelineConfig().mode(), c.mode());
        assertEquals(List.of(), c.years());
        assertEquals("run", c.command());
        assertFalse(c.dryRun());
        assertFalse(c.incremental());
        assertNull(c.factsCsv());
    }

    @Test
    void nightlyWithoutOptionsKeepsAStagingAreaAndWaitsLongerForTheLock() {
        PipelineConfig c = parsed(NightlyCommand.class, "nightly").config();
        assertOptionDefaults(c, PipelineConfig.NIGHTLY_WAIT_FOR_LOCK);
        assertEquals(Duration.ofMinutes(30), c.waitForLock());
        assertEquals(RunMode.NIGHTLY, c.mode());
        assertEquals("nightly", c.command());
        assertTrue(c.incremental());
        assertTrue(c.skipWhenUnchanged(), "without --force, nothing new means nothing to publish");
        assertFalse(c.fullRebuild());
        assertEquals(new PipelineConfig().stagingDir(), c.stagingDir());
        assertEquals(Duration.ZERO, c.minFileAge());
        assertEquals(Duration.ofMinutes(10), parsed(NightlyCommand.class, "nightly", "--min-file-age", "600").config()
                .minFileAge());
        assertEquals(PipelineConfig.NIGHTLY_KEEP_RUN_FOLDERS_DAYS, c.keepRunFoldersDays());
        assertEquals(0, parsed(NightlyCommand.class, "nightly", "--keep-run-folders", "0").config().keepRunFoldersDays());
    }

    @Test
    void backfillAndValidateWithoutOptionsUseTheDefaults() {
        PipelineConfig b = parsed(BackfillCommand.class, "backfill", "--from", "2022", "--to", "2024").config();
        assertOptionDefaults(b, PipelineConfig.DEFAULT_WAIT_FOR_LOCK);
        assertEquals(List.of(2022, 2023, 2024), b.years());
        assertEquals(RunMode.BACKFILL, b.mode());
        assertEquals(0, b.keepRunFoldersDays(), "only the nightly run deletes old run folders");
        PipelineConfig v = parsed(ValidateCommand.class, "validate", "--edition", "2022", "--quarantine-threshold", "0.2")
                .config();
        assertEquals(0, new BigDecimal("0.2").compareTo(v.quarantineThreshold()), "validate fails on too many bad rows too");
        v.quarantineThreshold(new PipelineConfig().quarantineThreshold());
        assertOptionDefaults(v, PipelineConfig.DEFAULT_WAIT_FOR_LOCK);
        assertTrue(v.validateOnly());
    }

    @Test
    void givenOptionsOverrideTheDefaults() {
        PipelineConfig c = parsed(RunCommand.class, "run", "--data", "/d", "--year", "2023", "--as-of", "2023-06-30",
                "--regions", "140800,140802", "--items", "19.2,3", "--quarantine-threshold", "0.1", "--wait-for-lock", "5",
                "--shuffle-partitions", "3", "--mode", "NIGHTLY", "--dry-run").config();
        assertEquals("/d", c.dataDir());
        assertEquals(List.of(2023), c.years());
        assertEquals(LocalDate.of(2023, 6, 30), c.asOf());
        assertEquals(List.of("140800", "140802"), c.regions());
        assertEquals(List.of("19.2", "3"), c.items());
        assertEquals(new BigDecimal("0.1"), c.quarantineThreshold());
        assertEquals(Duration.ofSeconds(5), c.waitForLock());
        assertEquals(3, c.shufflePartitions());
        assertEquals(RunMode.NIGHTLY, c.mode());
        assertTrue(c.dryRun());
        assertEquals(Duration.ofSeconds(5), parsed(NightlyCommand.class, "nightly", "--wait-for-lock", "5").config().waitForLock(),
                "a given wait wins over the nightly default");
        assertEquals(LocalDate.of(2024, 6, 30), parsed(NightlyCommand.class, "nightly", "--as-of", "2024-06-30").config().asOf());
        assertEquals(RunMode.NIGHTLY, parsed(RunCommand.class, "run", "--mode", "nightly").config().mode());
        assertEquals(RunMode.ADHOC, parsed(RunCommand.class, "run", "--mode", "AdHoc").config().mode());
    }

    @Test
    void theRecordedParametersUseTheOptionNamesAndNeverTheJdbcUrl() {
        PipelineConfig c = parsed(RunCommand.class, "run", "--jdbc-url", "jdbc:postgresql://db/x?password=secret",
                "--as-of", "2024-06-30", "--dry-run").config();
        Map<String, Object> p = c.parameters();
        assertEquals("2024-06-30", p.get("as-of"));
        assertEquals(true, p.get("dry-run"));
        assertEquals("sample-data", p.get("data"));
        assertEquals(60L, p.get("wait-for-lock"));
        assertFalse(p.containsKey(PipelineConfig.JDBC_URL));
        assertFalse(p.toString().contains("secret"), p.toString());
        assertFalse(p.containsKey(PipelineConfig.STAGING_DIR), "only an incremental run has a staging area");
        assertTrue(parsed(NightlyCommand.class, "nightly").config().parameters().containsKey(PipelineConfig.STAGING_DIR));
    }
}
