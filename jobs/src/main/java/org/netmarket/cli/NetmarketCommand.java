package org.netmarket.cli;

import org.netmarket.config.RunMode;
import org.netmarket.config.UsageException;
import org.netmarket.edition.EditionException;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.generator.GenerateDataCommand;
import org.netmarket.warehouse.JdbcSettings;
import org.netmarket.warehouse.PublishLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * The job's entry point (also the spark-submit main class). Thin: parses the command line into
 * a pipeline configuration, runs it and maps the outcome to an exit code.
 */
@Command(name = "netmarket", mixinStandardHelpOptions = true, versionProvider = NetmarketCommand.Version.class,
        description = "Scores regions on the national evaluation system for online-market supervision and service "
                + "demonstration zones and publishes the scores to PostgreSQL.",
        subcommands = {RunCommand.class, NightlyCommand.class, BackfillCommand.class, ValidateCommand.class,
                GenerateDataCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'netmarket COMMAND --help' for a command's options and examples."})
public final class NetmarketCommand implements Runnable {

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command: run, nightly, backfill, validate or generate-data");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests too). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its converters and the handlers that map failures to exit codes. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NetmarketCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(RunMode.class, s -> RunMode.valueOf(s.toUpperCase(Locale.ROOT)));
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + JdbcSettings.redactText(ex.getMessage()));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code = exitCode(ex);
            String what = switch (code) {
                case ExitCodes.BAD_INPUT -> "bad input, nothing was published";
                case ExitCodes.LOCKED -> "warehouse locked, nothing was published";
                default -> "failed, nothing was published";
            };
            err.println("error (" + what + "): " + JdbcSettings.redactText(ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (code == ExitCodes.FAILURE) {
                // The trace goes to the log too: a driver's message may quote the URL it was given.
                StringWriter trace = new StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(JdbcSettings.redactText(trace.toString()));
            }
            err.flush();
            return code;
        });
        return cl;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof InvalidInputException || ex instanceof EditionException || ex instanceof UsageException) {
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof PublishLock.LockedException) {
            return ExitCodes.LOCKED;
        }
        return ExitCodes.FAILURE;
    }

    /** Reports the job version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NetmarketCommand.class.getPackage().getImplementationVersion();
            return new String[]{"netmarket-jobs " + (v == null ? "dev" : v)};
        }
    }
}
