package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import org.netmarket.config.RunMode;
import org.netmarket.pipeline.NightlyLock;
import org.netmarket.warehouse.JdbcSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code nightly}: the scheduled run. Merges the files delivered since the last run into the
 * staging area (the latest version of every record, as Parquet) and scores the current
 * evaluation year from it; when nothing was delivered since the last published run it records
 * that there was nothing new. Never overlaps another nightly run ({@link NightlyLock}); waits
 * longer for the warehouse lock than an ad-hoc run, so that an analyst's recomputation delays
 * the nightly run rather than failing it.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true, versionProvider = NetmarketCommand.Version.class,
        description = "The scheduled run: score the current evaluation year when new or revised extracts were delivered "
                + "since the last published run, publish, and exit with a code a scheduler can act on.",
        footer = {"", "Examples:",
                "  # publish the current year if extracts were delivered since the last run",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --data /data/netmarket \\",
                "      --jdbc-url jdbc:postgresql://db:5432/netmarket",
                "  # the warehouse from the environment instead; score even if nothing changed",
                "  export " + JdbcSettings.URL_ENV + "=jdbc:postgresql://db:5432/netmarket",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --data /data/netmarket --force",
                "  # rebuild the staging area from every raw file",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --data /data/netmarket --full",
                "  # on a cluster",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --data hdfs://nn/netmarket \\",
                "      --staging hdfs://nn/netmarket-staging",
                "", "Exit codes: 0 published, or nothing new to publish; 2 bad input or usage, nothing published;"
                + " 3 the warehouse stayed locked; 1 other failure, nothing published unless the message says it is not known.",
                "Schedule it with scripts/nightly (dated log file, no overlapping runs); see scripts/schedule/."})
public final class NightlyCommand implements Callable<Integer> {
    @Mixin
    ScoringOptions options;

    @Mixin
    OneYearOptions oneYear;

    @Option(names = "--force", description = "Score and publish even when no file changed since the last published run.")
    boolean force;

    @Option(names = "--" + PipelineConfig.FULL_REBUILD, description = "Rebuild the staging area from every raw file instead of merging the files "
            + "delivered since the last run (a changed or removed file forces this anyway).")
    boolean full;

    @Option(names = "--" + PipelineConfig.STAGING_DIR, converter = ValueConverters.NonEmptyPath.class, paramLabel = "DIR", description = "The staging area: Parquet files of the latest "
            + "version of every record and a manifest of the files merged (default: <report-dir>/staging; on a cluster "
            + "a shared hdfs:// or s3a:// location).")
    String staging;

    @Option(names = "--" + PipelineConfig.MIN_FILE_AGE, paramLabel = "SECONDS", description = "Leave for a later night the "
            + "files of an extract folder modified less than this many seconds before the run started: a file still being "
            + "copied under its final name would be read in part; a staged file being rewritten keeps its staged rows "
            + "for the night (default: " + PipelineConfig.DEFAULT_MIN_FILE_AGE_SECONDS
            + ", every file is read; the schedules in scripts/schedule/ give 600).")
    long minFileAgeSeconds = PipelineConfig.DEFAULT_MIN_FILE_AGE_SECONDS;

    @Option(names = "--" + PipelineConfig.KEEP_RUN_FOLDERS, paramLabel = "DAYS", description = "Delete the run folders of "
            + "--report-dir (run.log, quarantine.csv, inputs.csv, changes.csv) older than this many days; the warehouse keeps every run's "
            + "quarantined rows and input files regardless (default: " + PipelineConfig.NIGHTLY_KEEP_RUN_FOLDERS_DAYS
            + "; 0 keeps them all).")
    int keepRunFoldersDays = PipelineConfig.NIGHTLY_KEEP_RUN_FOLDERS_DAYS;

    /** The settings of the nightly run this command line asks for. */
    PipelineConfig config() {
        return oneYear.applyTo(options.toConfig(PipelineConfig.NIGHTLY_WAIT_FOR_LOCK))
                .mode(RunMode.NIGHTLY).command("nightly").skipWhenUnchanged(!force).incremental(true).fullRebuild(full)
                .stagingDir(staging).minFileAge(Duration.ofSeconds(minFileAgeSeconds))
                .keepRunFoldersDays(keepRunFoldersDays);
    }

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = config();
        try (NightlyLock lock = NightlyLock.acquire(Path.of(config.reportDir()))) {
            return PipelineRunner.run(config, System.out);
        }
    }
}
