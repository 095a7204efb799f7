package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** Options shared by the commands that read extracts and score. */
public final class ScoringOptions {
    @Option(names = "--" + PipelineConfig.DATA_DIR, paramLabel = "DIR", description = "Data directory with regions.csv and one folder per extract: "
            + "a local path or an hdfs:// / s3a:// URI (default: ${DEFAULT-VALUE}).", defaultValue = PipelineConfig.DEFAULT_DATA_DIR)
    String data;

    @Option(names = "--" + PipelineConfig.AS_OF, paramLabel = "DATE", description = "As-of date YYYY-MM-DD for stock figures and completion "
            + "cut-off (default: December 31 of the evaluation year).")
    LocalDate asOf;

    @Option(names = "--" + PipelineConfig.REGIONS, paramLabel = "CODES", split = ",", description = "Score and publish only these region codes "
            + "(comma-separated, e.g. 140800,140802); others stay as published.")
    List<String> regions;

    @Option(names = "--" + PipelineConfig.ITEMS, paramLabel = "CODES", split = ",", description = "Recompute and publish only these items or "
            + "indicators (e.g. 19.2 or 19); other items keep their published points in the totals.")
    List<String> items;

    @Option(names = "--" + PipelineConfig.EDITION, paramLabel = "ID|FILE", defaultValue = PipelineConfig.DEFAULT_EDITION,
            description = "Indicator-system edition: an id under schemas/editions/ or a YAML file (default: ${DEFAULT-VALUE}).")
    String edition;

    @Option(names = "--" + PipelineConfig.JDBC_URL, paramLabel = "URL", description = "Warehouse JDBC URL, e.g. jdbc:postgresql://host:5432/db "
            + "(default: $NETMARKET_JDBC_URL). Credentials: in the URL, PGUSER/PGPASSWORD or ~/.pgpass.")
    String jdbcUrl;

    @Option(names = "--" + PipelineConfig.QUARANTINE_THRESHOLD, paramLabel = "FRACTION",
            defaultValue = PipelineConfig.DEFAULT_QUARANTINE_THRESHOLD_TEXT,
            description = "Fail before publishing when more than this share of one extract's rows is quarantined "
                    + "(default: ${DEFAULT-VALUE}).")
    BigDecimal quarantineThreshold;

    @Option(names = "--" + PipelineConfig.REPORT_DIR, paramLabel = "DIR", defaultValue = PipelineConfig.DEFAULT_REPORT_DIR,
            description = "Where each run writes its folder with run.log, quarantine.csv and inputs.csv (default: ${DEFAULT-VALUE}).")
    String reportDir;

    @Option(names = "--" + PipelineConfig.WAIT_FOR_LOCK, paramLabel = "SECONDS",
            description = "How long to wait while another run holds the warehouse lock before giving up with exit code 3 "
                    + "(default: " + PipelineConfig.DEFAULT_WAIT_FOR_LOCK_SECONDS + "; nightly: "
                    + PipelineConfig.NIGHTLY_WAIT_FOR_LOCK_SECONDS + ").")
    Long waitForLockSeconds;

    @Option(names = "--" + PipelineConfig.SPARK_MASTER, paramLabel = "MASTER", defaultValue = PipelineConfig.DEFAULT_SPARK_MASTER,
            description = "Spark master when not run by spark-submit (default: ${DEFAULT-VALUE}).")
    String sparkMaster;

    @Option(names = "--" + PipelineConfig.SHUFFLE_PARTITIONS, paramLabel = "N",
            defaultValue = "" + PipelineConfig.DEFAULT_SHUFFLE_PARTITIONS,
            description = "spark.sql.shuffle.partitions in local mode (default: ${DEFAULT-VALUE}).")
    int shufflePartitions;

    /** The pipeline settings these options describe, waiting the default time for the warehouse lock. */
    PipelineConfig toConfig() {
        return toConfig(PipelineConfig.DEFAULT_WAIT_FOR_LOCK);
    }

    /**
     * The pipeline settings these options describe; without {@code --wait-for-lock}, the run
     * waits {@code defaultWait} for the warehouse lock.
     */
    PipelineConfig toConfig(Duration defaultWait) {
        return new PipelineConfig()
                .dataDir(data)
                .asOf(asOf)
                .regions(regions)
                .items(items)
                .edition(edition)
                .jdbcUrl(jdbcUrl)
                .quarantineThreshold(quarantineThreshold)
                .reportDir(reportDir)
                .waitForLock(waitForLockSeconds == null ? defaultWait : Duration.ofSeconds(waitForLockSeconds))
                .sparkMaster(sparkMaster)
                .shufflePartitions(shufflePartitions);
    }
}
