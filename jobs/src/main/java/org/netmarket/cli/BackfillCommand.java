package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import org.netmarket.config.RunMode;
import org.netmarket.config.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code backfill}: score and publish a range of years in one run and one transaction. */
@Command(name = "backfill", mixinStandardHelpOptions = true, versionProvider = NetmarketCommand.Version.class,
        description = "Score and publish every year of a range in one run (one transaction: all years or none).",
        footer = {"", "Each year is scored as of its December 31 (another as-of date: run --year Y --as-of DATE).",
                "", "Examples:",
                "  # publish 2022, 2023 and 2024 in one transaction",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --from 2022 --to 2024 \\",
                "      --jdbc-url jdbc:postgresql://db:5432/netmarket",
                "", "Exit codes as for run."})
public final class BackfillCommand implements Callable<Integer> {
    @Mixin
    ScoringOptions options;

    @Option(names = "--from", required = true, paramLabel = "Y", description = "First evaluation year.")
    int from;

    @Option(names = "--to", required = true, paramLabel = "Y", description = "Last evaluation year (inclusive).")
    int to;

    @Option(names = "--" + PipelineConfig.DRY_RUN, description = "Score and print, publish nothing.")
    boolean dryRun;

    /** The settings of the backfill this command line asks for. */
    PipelineConfig config() {
        if (to < from) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        List<Integer> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            years.add(y);
        }
        return options.toConfig().years(years).dryRun(dryRun).mode(RunMode.BACKFILL).command("backfill");
    }

    @Override
    public Integer call() throws Exception {
        return PipelineRunner.run(config(), System.out);
    }
}
