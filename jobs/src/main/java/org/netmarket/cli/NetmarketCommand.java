package org.netmarket.cli;

import org.netmarket.config.EnvironmentException;
import org.netmarket.config.JobVersion;
import org.netmarket.pipeline.RunFailure;
import org.netmarket.pipeline.RunFolder;
import org.netmarket.pipeline.RunInterrupted;
import org.netmarket.pipeline.StopReport;
import org.netmarket.report.RunSummary;
import org.netmarket.warehouse.JdbcSettings;
import org.netmarket.warehouse.PublicationOutcomeUnknown;
import org.netmarket.warehouse.RunLedger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * The job's entry point (also the spark-submit main class). Thin: parses the command line into
 * a pipeline configuration, runs it and maps the outcome to an exit code.
 */
@Command(name = "netmarket", mixinStandardHelpOptions = true, versionProvider = NetmarketCommand.Version.class,
        description = "Scores regions on the national evaluation system for online-market supervision and service "
                + "demonstration zones and publishes the scores to PostgreSQL.",
        subcommands = {RunCommand.class, NightlyCommand.class, BackfillCommand.class, ValidateCommand.class,
                GenerateDataCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run '${ROOT-COMMAND-NAME} COMMAND --help' for a command's options and examples."})
public final class NetmarketCommand implements Runnable {
    /**
     * Set by a wrapper script to the command its users type (scripts/run-pipeline is "netmarket
     * run" with defaults): the command named in "Try '... --help'" after bad usage and in the
     * examples of its help.
     */
    static final String HELP_COMMAND_ENV = "NETMARKET_HELP_COMMAND";

    /**
     * The command as the examples of its help name it, the one the user runs: the wrapper
     * script's {@link #HELP_COMMAND_ENV}, else the command's full name ({@code netmarket run},
     * {@code scripts/netmarket run} when that script names the program).
     * Picocli resolves it when the help is shown; a variable set but empty would name nothing,
     * which no script does.
     */
    public static final String EXAMPLE_COMMAND = "${env:" + HELP_COMMAND_ENV + ":-${COMMAND-FULL-NAME}}";

    /**
     * Set by scripts/netmarket to the program its users type in place of {@code netmarket}:
     * the program named in the help and in "Try '... --help'", for itself and its commands
     * ("Try 'scripts/netmarket run --help'"). {@link #HELP_COMMAND_ENV} names one command instead.
     */
    static final String HELP_PROGRAM_ENV = "NETMARKET_HELP_PROGRAM";

    /**
     * Set by the scripts that start a local PostgreSQL for a run: check the command line and run
     * nothing ({@link #checkUsage}), so that a mistyped option is said before a server is
     * started, or installed, for it.
     */
    static final String CHECK_USAGE_ENV = "NETMARKET_CHECK_USAGE";

    /** What the error line of a command refused for its options says before the message. */
    private static final String USAGE_HEADING = "bad usage, nothing was published";

    // This command line, as named (the bare one would be "netmarket" whatever the script says).
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, nightly, backfill, validate or generate-data");
    }

    /**
     * Picocli's message, except for a word where a command belongs, which it calls an unmatched
     * argument at index 0: that is a mistyped command, said so with the commands there are.
     */
    private static String parameterProblem(CommandLine.ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && cl.getParent() == null
                && !cl.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "': the commands are "
                    + String.join(", ", cl.getSubcommands().keySet());
        }
        return ex.getMessage();
    }

    public static void main(String[] args) {
        System.exit(System.getenv(CHECK_USAGE_ENV) != null ? checkUsage(args) : execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests too). */
    public static int execute(String... args) {
        try {
            return commandLine().execute(args);
        } finally {
            // Reported: a JVM being stopped may now halt (the run's shutdown hook waits for this).
            StopReport.given();
        }
    }

    /**
     * Parses a command line without running it: 0 when it parses, else the exit code and the
     * message that running it would give (exit 2, "Try '... --help'").
     */
    static int checkUsage(String... args) {
        CommandLine cl = commandLine();
        try {
            cl.parseArgs(args);
            return ExitCodes.OK;
        } catch (CommandLine.ParameterException e) {
            try {
                return cl.getParameterExceptionHandler().handleParseException(e, args);
            } catch (Exception unexpected) {
                throw new IllegalStateException(unexpected);
            }
        }
    }

    /**
     * The command line with its converters, the handlers that map failures to exit codes, and
     * usage help that breaks lines between words only.
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NetmarketCommand());
        String program = System.getenv(HELP_PROGRAM_ENV);
        if (program != null && !program.isBlank()) {
            cl.setCommandName(program);
        }
        HelpLayout.apply(cl);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        ValueConverters.register(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            // Headed as a refusal of a started run is ("error (bad usage, ...)"), so that a scheduler's
            // mail or a search of the logs finds every refusal of the job in one form; generate-data
            // publishes nothing.
            String heading = ex.getCommandLine().getCommand() instanceof GenerateDataCommand ? "bad usage" : USAGE_HEADING;
            err.println("error (" + heading + "): " + JdbcSettings.redactText(parameterProblem(ex), a));
            // picocli's guess at what was meant, when it has one ("Did you mean: netmarket validate?")
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            // A wrapper script of one command names itself (scripts/run-pipeline is "netmarket run"
            // with defaults); scripts/netmarket names the program, part of the qualified name.
            String command = System.getenv(HELP_COMMAND_ENV);
            err.println("Try '" + (command == null || command.isBlank() ? ex.getCommandLine().getCommandSpec().qualifiedName()
                    : command) + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable cause = ex instanceof StoppedRun stopped ? stopped.getCause() : ex;
            Path runFolder = ex instanceof StoppedRun stopped ? stopped.runFolder() : null;
            int code = exitCode(cause);
            String what = failureHeading(cause);
            String message = JdbcSettings.redactText(cause.getMessage() == null ? cause.toString() : cause.getMessage());
            err.println("error (" + what + "): " + message);
            // Bad input, a held lock and a failure outside the job (EnvironmentException) are
            // said in full by their message; any other failure is a defect, whose stack trace
            // is shown as well. Traces are redacted: a driver's message may quote its URL.
            // A stop has no trace worth reading: it says where the run was when the signal came.
            String trace = code == ExitCodes.FAILURE && !(cause instanceof RunInterrupted)
                    ? JdbcSettings.redactText(stackTrace(cause)) : null;
            if (trace != null && !(cause instanceof EnvironmentException)) {
                err.print(trace);
            }
            if (runFolder != null) {
                // The run's log ends with why it stopped, and with a failure's details (its stack trace).
                try {
                    RunFolder.appendError(runFolder, NetmarketCommand.class.getSimpleName(), what + ": " + message, trace);
                } catch (IOException | RuntimeException e) {
                    err.println("(could not add this error to " + runFolder.resolve("run.log") + ": " + e.getMessage() + ")");
                }
                err.println(RunSummary.runFolderLine(runFolder));
            }
            err.flush();
            return code;
        });
        return cl;
    }

    /**
     * What the error line says of a failure before its message: which kind it is, and that
     * nothing was published (or, after a connection lost as the run committed, that whether
     * anything was is not known).
     */
    static String failureHeading(Throwable cause) {
        return switch (exitCode(cause)) {
            // Named as the ledger's failure_kind names it: options the data cannot serve are
            // the analyst's to change, a bad delivery the supplier's to fix.
            case ExitCodes.BAD_INPUT -> RunFailure.kindOf(cause) == RunLedger.FailureKind.OPTIONS
                    ? USAGE_HEADING : "bad input, nothing was published";
            case ExitCodes.LOCKED -> "warehouse locked, nothing was published";
            default -> PublicationOutcomeUnknown.isCauseOf(cause) ? "failed, whether anything was published is not known"
                    : "failed, nothing was published";
        };
    }

    static int exitCode(Throwable ex) {
        return ExitCodes.of(RunFailure.kindOf(ex instanceof StoppedRun stopped ? stopped.getCause() : ex));
    }

    private static String stackTrace(Throwable ex) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** Reports the job version from the jar manifest (for -V of the job and of every command). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"netmarket-jobs " + JobVersion.current()};
        }
    }
}
