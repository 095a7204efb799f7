package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import org.netmarket.config.RunMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code run}: ingest, score and publish one evaluation year. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = NetmarketCommand.Version.class,
        description = "Read the extracts, score every region and publish the scores to the warehouse.",
        footer = {"", "Examples:",
                "  # publish 2024 to the warehouse",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --data /data/netmarket --year 2024 \\",
                "      --jdbc-url jdbc:postgresql://db:5432/netmarket",
                "  # recompute one county's indicator 19 of the published 2024 scores, print only",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --year 2024 --regions 140802 --items 19 --dry-run \\",
                "      --jdbc-url jdbc:postgresql://db:5432/netmarket",
                "  # stock figures at mid-year, print only",
                "  # (published, they would replace the year-end scores of 2023)",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --year 2023 --as-of 2023-06-30 --dry-run",
                "  # the city's full scorecard",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --year 2024 --regions 140800 --details --dry-run",
                "", "Exit codes: 0 published; 2 bad usage or bad input, nothing published; 3 warehouse locked by another run;"
                + " 1 other failure, nothing published unless the message says it is not known."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ScoringOptions options;

    @Mixin
    OneYearOptions oneYear;

    @Option(names = "--" + PipelineConfig.DRY_RUN, description = "Score and print the scorecard, publish nothing (needs no warehouse: "
            + "without one, --items shows the other items as computed now; given one, it is read, never written, to roll "
            + "in their published points and list what publishing would change).")
    boolean dryRun;

    @Option(names = "--details", description = "Also print every region's full scorecard: categories of both levels and "
            + "every indicator with its points, status and sub-items.")
    boolean details;

    @Option(names = "--" + PipelineConfig.MODE, paramLabel = "MODE", converter = ModeConverter.class,
            description = "Recorded in pipeline_run: adhoc (default) or nightly.")
    RunMode mode;

    /** The settings of the run this command line asks for. */
    PipelineConfig config() {
        PipelineConfig config = oneYear.applyTo(options.toConfig()).dryRun(dryRun).command("run");
        return mode == null ? config : config.mode(mode);
    }

    @Override
    public Integer call() throws Exception {
        return PipelineRunner.run(config(), System.out, details);
    }

    /**
     * The modes a run may record, in any case. Not backfill: a run scores one year, a backfill is
     * the backfill command's. The message names the modes, not the enum picocli would quote.
     */
    static final class ModeConverter implements CommandLine.ITypeConverter<RunMode> {
        private static final List<RunMode> MODES = List.of(RunMode.ADHOC, RunMode.NIGHTLY);

        @Override
        public RunMode convert(String value) {
            for (RunMode m : MODES) {
                if (m.code().equalsIgnoreCase(value.trim())) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a run mode: expected "
                    + MODES.stream().map(RunMode::code).collect(Collectors.joining(" or ")));
        }
    }
}
