package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import org.netmarket.edition.EditionLoader;
import org.netmarket.items.ItemRegistry;
import org.netmarket.pipeline.RunOutcome;
import org.netmarket.pipeline.ScoringPipeline;
import org.netmarket.report.ScorecardPrinter;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.staging.FileReport;
import org.netmarket.warehouse.ScoreChanges;

import java.io.PrintStream;

/** Runs the pipeline for a command and prints what a user needs to see afterwards. */
final class PipelineRunner {
    private PipelineRunner() {
    }

    static int run(PipelineConfig config, PrintStream out) throws Exception {
        return run(config, out, false);
    }

    /** Runs, then prints the scorecard (with every indicator of every region when {@code details}). */
    static int run(PipelineConfig config, PrintStream out, boolean details) throws Exception {
        RunOutcome outcome = new ScoringPipeline(config, System.getenv()).run();
        if (outcome.scorecards().isEmpty() && !config.validateOnly()) {
            out.println("Run " + outcome.runId() + ": " + outcome.note() + ". Nothing was published.");
            return ExitCodes.OK;
        }
        if (config.validateOnly()) {
            printValidation(outcome, out);
            return ExitCodes.OK;
        }
        ScorecardPrinter printer = new ScorecardPrinter(new EditionLoader(ItemRegistry::has).load(config.edition()),
                outcome.regions());
        if (details) {
            printer.printDetails(outcome.scorecards(), out);
        }
        printer.print(outcome.scorecards(), out);
        long attention = outcome.scorecards().stream().mapToLong(c -> c.needsAttention().size()).sum();
        long passed = outcome.scorecards().stream().filter(RegionScorecard::passed).count();
        out.println();
        out.printf("%d region-year(s) scored, %d passed; %d item(s) need attention; %d rows read, %d quarantined.%n",
                outcome.scorecards().size(), passed, attention, outcome.rowsRead(), outcome.rowsQuarantined());
        if (outcome.published()) {
            printChanges(outcome, out);
            out.printf("Published as run %d to %s (schema netmarket).%n", outcome.runId(), outcome.warehouse());
        } else {
            out.println("Dry run: nothing was published.");
        }
        out.println("Run folder (run.log, quarantine.csv, inputs.csv): " + outcome.runFolder());
        return ExitCodes.OK;
    }

    /** Items and indicators whose points or status differ from what was published before. */
    private static void printChanges(RunOutcome outcome, PrintStream out) {
        if (outcome.changes().isEmpty()) {
            return;
        }
        out.println();
        out.println("Changes against what was published before (" + outcome.changes().size()
                + "; all in view netmarket.score_change):");
        int shown = 0;
        for (ScoreChanges.Change c : outcome.changes()) {
            if (shown++ == 40) {
                out.println("    ... " + (outcome.changes().size() - 40) + " more");
                break;
            }
            out.printf("    %s %d item %-5s %s -> %s%s%n", c.regionCode(), c.evalYear(), c.code(),
                    c.previousPoints() == null ? "-" : c.previousPoints().stripTrailingZeros().toPlainString(),
                    c.points().stripTrailingZeros().toPlainString(),
                    java.util.Objects.equals(c.previousStatus(), c.status()) ? "" : "  (" + c.previousStatus() + " -> " + c.status() + ")");
        }
    }

    private static void printValidation(RunOutcome outcome, PrintStream out) {
        out.println();
        out.println("Validation of the extracts — nothing was published.");
        out.printf("%-18s %-44s %-12s %10s %11s%n", "extract", "file", "encoding", "rows", "quarantined");
        for (FileReport f : outcome.files()) {
            out.printf("%-18s %-44s %-12s %10d %11d%s%n", f.extract(), f.path(), f.encoding(), f.rowsRead(),
                    f.rowsQuarantined(), f.extraColumns().isEmpty() ? "" : "  extra columns: " + String.join(", ", f.extraColumns()));
        }
        out.printf("%d rows read, %d quarantined. Details: %s%n", outcome.rowsRead(), outcome.rowsQuarantined(),
                outcome.runFolder().resolve("quarantine.csv"));
    }
}
