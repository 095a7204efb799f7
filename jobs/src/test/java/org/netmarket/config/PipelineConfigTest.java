package org.netmarket.config;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The defaults of a run, stated once here so that changing one is a visible decision. */
class PipelineConfigTest {
    @Test
    void defaults() {
        PipelineConfig c = new PipelineConfig();
        assertEquals("sample-data", c.dataDir());
        assertEquals("2022", c.edition());
        assertEquals(List.of(), c.years(), "empty: the latest complete year of the data");
        assertNull(c.asOf(), "null: December 31 of the evaluation year");
        assertNull(c.regions(), "null: every region");
        assertNull(c.items(), "null: every item");
        assertNull(c.jdbcUrl());
        assertFalse(c.dryRun());
        assertFalse(c.validateOnly());
        assertEquals(RunMode.ADHOC, c.mode());
        assertEquals(0, new BigDecimal("0.05").compareTo(c.quarantineThreshold()));
        assertEquals("local[*]", c.sparkMaster());
        assertEquals(8, c.shufflePartitions());
        assertEquals(Duration.ofSeconds(60), c.waitForLock());
        assertEquals(Duration.ofMinutes(30), PipelineConfig.NIGHTLY_WAIT_FOR_LOCK, "nightly waits longer for an analyst's run");
        assertEquals(".local/reports", c.reportDir());
        assertFalse(c.incremental(), "only the nightly run keeps a staging area");
        assertFalse(c.fullRebuild());
        assertEquals(Duration.ZERO, c.minFileAge(), "every file is read unless a schedule asks otherwise");
        assertEquals(0, c.keepRunFoldersDays(), "an analyst's run deletes no run folder");
        assertEquals(90, PipelineConfig.NIGHTLY_KEEP_RUN_FOLDERS_DAYS, "the nightly run keeps three months of run folders");
        assertEquals(".local/reports/staging", c.stagingDir(), "the staging area lives in the report directory");
        assertEquals("/srv/reports/staging", new PipelineConfig().reportDir("/srv/reports").stagingDir());
        assertEquals("hdfs://nn/netmarket/staging", new PipelineConfig().reportDir("/srv/reports")
                .stagingDir("hdfs://nn/netmarket/staging").stagingDir());
        assertNull(c.factsCsv());
        assertFalse(c.skipWhenUnchanged(), "only the nightly run skips when nothing changed");
        assertEquals("run", c.command());
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThrows(UsageException.class, () -> new PipelineConfig().quarantineThreshold(new BigDecimal("5")));
        assertThrows(UsageException.class, () -> new PipelineConfig().quarantineThreshold(new BigDecimal("-0.01")));
        assertThrows(UsageException.class, () -> new PipelineConfig().shufflePartitions(0));
        assertThrows(UsageException.class, () -> new PipelineConfig().waitForLock(Duration.ofSeconds(-1)));
        assertThrows(UsageException.class, () -> new PipelineConfig().keepRunFoldersDays(-1));
        assertEquals(0, new PipelineConfig().keepRunFoldersDays(0).keepRunFoldersDays(), "0: keep every run folder");
        assertEquals(Duration.ZERO, new PipelineConfig().waitForLock(Duration.ZERO).waitForLock(), "0: give up at once");
        for (String master : new String[]{"local", "local[2]", "local[*]", "local[4,2]", "local-cluster[2,1,1024]",
                "spark://127.0.0.1:7077", "yarn", "k8s://https://10.0.0.1:6443"}) {
            assertEquals(master, new PipelineConfig().sparkMaster(master).sparkMaster());
        }
        for (String master : new String[]{"bogus", "local[0]", "local[]", "spark:/x", ""}) {
            assertThrows(UsageException.class, () -> new PipelineConfig().sparkMaster(master), master);
        }
        Duration week = Duration.ofDays(7);
        assertEquals(week, new PipelineConfig().waitForLock(week).waitForLock(), "a week is the longest wait");
        assertThrows(UsageException.class, () -> new PipelineConfig().waitForLock(week.plusSeconds(1)));
    }

    /** An empty code (--regions '', a doubled comma) names no region or item: refused, not looked up. */
    @Test
    void rejectsEmptyRegionAndItemCodes() {
        assertEquals("--regions: no region code given",
                assertThrows(UsageException.class, () -> new PipelineConfig().regions(List.of(""))).getMessage());
        assertEquals("--regions: no region code given",
                assertThrows(UsageException.class, () -> new PipelineConfig().regions(List.of())).getMessage());
        assertEquals("--regions: an empty region code in '140802,,140800'",
                assertThrows(UsageException.class, () -> new PipelineConfig().regions(List.of("140802", "", "140800"))).getMessage());
        assertEquals("--items: no item code given",
                assertThrows(UsageException.class, () -> new PipelineConfig().items(List.of(" "))).getMessage());
        assertEquals(List.of("140802", "140800"), new PipelineConfig().regions(List.of("140802", " 140800")).regions(),
                "a space after a comma is not part of the code");
        assertEquals(List.of("140802", "140800"), new PipelineConfig().regions(List.of("140802", "140800", " 140802")).regions(),
                "a code named twice is kept once (as pipeline_run records it), in the order given");
        assertEquals(List.of("19.2", "3"), new PipelineConfig().items(List.of("19.2", "3", "19.2")).items());
        assertNull(new PipelineConfig().regions(null).regions(), "null: every region");
        assertNull(new PipelineConfig().items(null).items(), "null: every item");
    }
}
