package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.pipeline.RunOutcome;
import org.netmarket.pipeline.ScoringPipeline;
import org.netmarket.report.RunSummary;
import org.netmarket.report.ScorecardPrinter;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** Runs the pipeline for a command and prints what a user needs to see afterwards. */
final class PipelineRunner {
    private PipelineRunner() {
    }

    static int run(PipelineConfig config, PrintStream out) throws Exception {
        return run(config, out, false);
    }

    /** Runs, then prints the scorecard (with every indicator of every region when {@code details}). */
    static int run(PipelineConfig config, PrintStream out, boolean details) throws Exception {
        ScoringPipeline pipeline = new ScoringPipeline(config, System.getenv());
        RunOutcome outcome;
        try {
            outcome = pipeline.run();
        } catch (Exception | Error e) {
            // The failure handler reports after the pipeline closed its folder: tell it where that is.
            Optional<Path> folder = pipeline.runFolder();
            if (folder.isEmpty()) {
                throw e;
            }
            throw new StoppedRun(e, folder.get());
        }
        if (outcome.scorecards().isEmpty() && !config.validateOnly()) {
            out.println("Run " + outcome.runId() + ": " + outcome.note() + ". Nothing was published.");
            RunSummary.printNotRead(outcome, out);
            return ExitCodes.OK;
        }
        if (config.validateOnly()) {
            RunSummary.printValidation(outcome, out);
            if (!outcome.problems().isEmpty()) {
                // After the table: the files say where the problems are. Exit 2, as a run stops on them.
                throw new StoppedRun(new InvalidInputException(outcome.problems()), outcome.runFolder());
            }
            return ExitCodes.OK;
        }
        ScorecardPrinter printer = new ScorecardPrinter(outcome.edition(),
                outcome.regions(), config.asOf());
        if (details) {
            printer.printDetails(outcome.scorecards(), out);
        }
        printer.print(outcome.scorecards(), out);
        if (outcome.itemsRecomputed() != null) {
            printer.printItems(outcome.scorecards(), outcome.itemsRecomputed(), out);
        }
        RunSummary.print(outcome, out);
        out.println(RunSummary.runFolderLine(outcome.runFolder()));
        return ExitCodes.OK;
    }
}
