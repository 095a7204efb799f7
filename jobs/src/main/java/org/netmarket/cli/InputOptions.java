package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import picocli.CommandLine.Option;

import java.math.BigDecimal;

/**
 * Options of every command that reads the extracts, {@code validate} included: where they are,
 * the edition they are checked against (it decides which assessed items exist), how many bad
 * rows stop a run, where the run folder goes, and how a local Spark runs.
 */
public final class InputOptions {
    @Option(names = "--" + PipelineConfig.DATA_DIR, converter = ValueConverters.NonEmptyPath.class, paramLabel = "DIR", description = "Data directory with regions.csv and one folder per extract: "
            + "a local path or an hdfs:// / s3a:// URI (default: ${DEFAULT-VALUE}).", defaultValue = PipelineConfig.DEFAULT_DATA_DIR)
    String data;

    @Option(names = "--" + PipelineConfig.EDITION, paramLabel = "ID|FILE", defaultValue = PipelineConfig.DEFAULT_EDITION,
            description = "Indicator-system edition: an id under schemas/editions/ or a YAML file (default: ${DEFAULT-VALUE}).")
    String edition;

    @Option(names = "--" + PipelineConfig.QUARANTINE_THRESHOLD, paramLabel = "FRACTION",
            defaultValue = PipelineConfig.DEFAULT_QUARANTINE_THRESHOLD_TEXT,
            description = "Stop with exit code 2, publishing nothing, when more than this share of one extract's rows is "
                    + "quarantined (default: ${DEFAULT-VALUE}).")
    BigDecimal quarantineThreshold;

    @Option(names = "--" + PipelineConfig.REPORT_DIR, converter = ValueConverters.NonEmptyPath.class, paramLabel = "DIR", defaultValue = PipelineConfig.DEFAULT_REPORT_DIR,
            description = "Where each run writes its folder with run.log, quarantine.csv, inputs.csv and changes.csv (default: ${DEFAULT-VALUE}).")
    String reportDir;

    @Option(names = "--" + PipelineConfig.SPARK_MASTER, paramLabel = "MASTER", defaultValue = PipelineConfig.DEFAULT_SPARK_MASTER,
            description = "Spark master when not run by spark-submit (default: ${DEFAULT-VALUE}).")
    String sparkMaster;

    @Option(names = "--" + PipelineConfig.SHUFFLE_PARTITIONS, paramLabel = "N",
            defaultValue = "" + PipelineConfig.DEFAULT_SHUFFLE_PARTITIONS,
            description = "spark.sql.shuffle.partitions in local mode (default: ${DEFAULT-VALUE}).")
    int shufflePartitions;

    /** The pipeline settings these options describe; the others keep their defaults. */
    PipelineConfig toConfig() {
        return new PipelineConfig()
                .dataDir(data)
                .edition(edition)
                .quarantineThreshold(quarantineThreshold)
                .reportDir(reportDir)
                .sparkMaster(sparkMaster)
                .shufflePartitions(shufflePartitions);
    }
}
