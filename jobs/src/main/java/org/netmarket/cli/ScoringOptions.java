package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;

/**
 * Options shared by the commands that score and publish ({@code run}, {@code nightly},
 * {@code backfill}): those of reading the extracts, and which regions and items to score and
 * where to publish them ({@code validate} does neither, so it does not offer these).
 */
public final class ScoringOptions {
    @Mixin
    InputOptions input;

    @Option(names = "--" + PipelineConfig.REGIONS, paramLabel = "CODES", split = ",", description = "Score and publish only these region codes "
            + "(comma-separated, e.g. 140800,140802); others stay as published.")
    List<String> regions;

    @Option(names = "--" + PipelineConfig.ITEMS, paramLabel = "CODES", split = ",", description = "Recompute and publish only these items or "
            + "indicators (e.g. 19.2 or 19); other items keep their published points in the totals, so the year must be "
            + "published, as of the same date (--as-of where the command has one, else December 31) and with the same --edition. The "
            + "scorecard is followed by each recomputed item's points, status and measured values.")
    List<String> items;

    @Option(names = "--" + PipelineConfig.JDBC_URL, paramLabel = "URL", description = "Warehouse JDBC URL, e.g. jdbc:postgresql://host:5432/db "
            + "(default: $NETMARKET_JDBC_URL). Credentials: in the URL, PGUSER/PGPASSWORD or ~/.pgpass.")
    String jdbcUrl;

    @Option(names = "--" + PipelineConfig.WAIT_FOR_LOCK, paramLabel = "SECONDS",
            description = "How long to wait while another run holds the warehouse lock before giving up with exit code 3 "
                    + "(default: " + PipelineConfig.DEFAULT_WAIT_FOR_LOCK_SECONDS + "; nightly: "
                    + PipelineConfig.NIGHTLY_WAIT_FOR_LOCK_SECONDS + "; at most " + PipelineConfig.MAX_WAIT_FOR_LOCK_SECONDS + ", a week).")
    Long waitForLockSeconds;

    /** The pipeline settings these options describe, waiting the default time for the warehouse lock. */
    PipelineConfig toConfig() {
        return toConfig(PipelineConfig.DEFAULT_WAIT_FOR_LOCK);
    }

    /**
     * The pipeline settings these options describe; without {@code --wait-for-lock}, the run
     * waits {@code defaultWait} for the warehouse lock.
     */
    PipelineConfig toConfig(Duration defaultWait) {
        return input.toConfig()
                .regions(regions)
                .items(items)
                .jdbcUrl(jdbcUrl)
                .waitForLock(waitForLockSeconds == null ? defaultWait : Duration.ofSeconds(waitForLockSeconds));
    }
}
