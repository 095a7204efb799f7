package org.netmarket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmarket.testing.JobRunner;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command's usage help as a terminal shows it: lines of at most 80 columns that break
 * only between words, so that a URL, path or default read or copied from it is whole, and
 * examples that are lines of their own (picocli once split {@code jdbc:postgresql://db:} /
 * {@code 5432/netmarket} and wrapped the examples' comments to column 0). The help, its
 * examples and "Try '... --help'" name the command as the user runs it: netmarket run,
 * scripts/netmarket run, scripts/run-pipeline.
 */
class UsageHelpTest {
    // The name users of the checkout type is the longest the help shows ("scripts/netmarket
    // generate-data"): an example that fits under it fits under every name.
    private static final List<String> PROGRAMS = List.of("netmarket", "scripts/netmarket");

    /** The usage help of {@code command}, "" for the job's own. */
    private static String usage(CommandLine root, String command, Ansi ansi) {
        CommandLine cl = command.isEmpty() ? root : root.getSubcommands().get(command);
        return cl.getUsageMessage(ansi);
    }

    private static CommandLine named(CommandLine cl, String program) {
        cl.setCommandName(program);
        return cl;
    }

    private static List<String> words(String text) {
        return Arrays.asList(text.strip().split("\\s+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "nightly", "backfill", "validate", "generate-data", "help"})
    void linesBreakOnlyBetweenWords(String command) {
        for (String program : PROGRAMS) {
            String help = usage(named(NetmarketCommand.commandLine(), program), command, Ansi.OFF);
            // The same help as picocli renders it on lines no paragraph reaches: nothing wrapped.
            CommandLine unwrapped = named(new CommandLine(new NetmarketCommand()), program);
            unwrapped.setUsageHelpWidth(2_000);
            assertEquals(words(usage(unwrapped, command, Ansi.OFF)), words(help),
                    "the help's words, whatever the line breaks: " + program + " " + command + "\n" + help);
            for (String line : help.lines().toList()) {
                assertTrue(line.length() <= HelpLayout.WIDTH, "longer than 80 columns: " + line);
            }
        }
    }

    /** The tokens the new user found split, each on one line. */
    @ParameterizedTest
    @ValueSource(strings = {"run", "nightly", "backfill"})
    void urlsPathsAndDefaultsAreWhole(String command) {
        String help = usage(NetmarketCommand.commandLine(), command, Ansi.OFF);
        List<String> lines = help.lines().toList();
        for (String token : new String[]{"jdbc:postgresql://db:5432/netmarket", "jdbc:postgresql://host:5432/db", "~/.pgpass",
                "(default: .local/reports)", "(default: sample-data)", "[--regions=CODES[,CODES...]]..."}) {
            assertTrue(lines.stream().anyMatch(line -> line.contains(token)), token + " on one line of\n" + help);
        }
    }

    /** Colours take no columns: on a terminal the lines break where they do without them. */
    @ParameterizedTest
    @ValueSource(strings = {"", "run", "generate-data"})
    void coloursDoNotMoveTheLineBreaks(String command) {
        CommandLine cl = NetmarketCommand.commandLine();
        String coloured = usage(cl, command, Ansi.ON);
        assertTrue(coloured.contains("\u001B["), "coloured: " + coloured);
        assertEquals(usage(cl, command, Ansi.OFF), coloured.replaceAll("\u001B\\[[0-9;]*m", ""));
    }

    /**
     * Each example is a command line, a comment or a setting (export) of its own, continued with a backslash
     * when it is long: a wrapped example would be a broken command. It names the command as
     * the user runs it: by its full name when no wrapper script names it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"run", "nightly", "backfill", "validate", "generate-data"})
    void examplesAreCommandsOfTheirOwn(String command) {
        for (String program : PROGRAMS) {
            String help = usage(named(NetmarketCommand.commandLine(), program), command, Ansi.OFF);
            List<String> lines = help.lines().toList();
            int first = lines.indexOf("Examples:") + 1;
            assertTrue(first > 0, help);
            boolean continued = false;
            int examples = 0;
            for (String line : lines.subList(first, lines.size())) {
                if (line.isEmpty()) {
                    break;
                }
                // A setting an example uses ("export NETMARKET_JDBC_URL=...") stands on its own line too.
                boolean ok = continued ? line.startsWith("      ") && !line.startsWith("       ")
                        : line.startsWith("  # ") || line.startsWith("  " + program + " " + command + " ")
                        || line.matches("  export [A-Z_]+=\\S+");
                assertTrue(ok, "not an example, a comment or a continued example: '" + line + "' in\n" + help);
                examples += !continued && !line.startsWith("  #") ? 1 : 0;
                continued = line.endsWith(" \\");
            }
            assertTrue(examples > 0, help);
        }
    }

    /** Run by scripts/run-pipeline, which names itself, {@code run --help} shows examples of scripts/run-pipeline. */
    @Test
    void examplesNameTheWrapperScriptThatRunsTheCommand() throws Exception {
        JobRunner.Result run = job(Map.of(NetmarketCommand.HELP_COMMAND_ENV, "scripts/run-pipeline"), "run", "--help");
        assertEquals(ExitCodes.OK, run.exitCode(), run.output());
        String help = run.output();
        assertTrue(help.contains("\n  scripts/run-pipeline --data /data/netmarket --year 2024 \\\n"
                + "      --jdbc-url jdbc:postgresql://db:5432/netmarket\n"), help);
        assertTrue(help.contains("\n  scripts/run-pipeline --year 2023 --as-of 2023-06-30 --dry-run\n"), help);
        assertFalse(help.contains("  run --") || help.contains("netmarket run --"), help);
        String nightly = job(Map.of(NetmarketCommand.HELP_COMMAND_ENV, "scripts/nightly"), "nightly", "--help").output();
        assertTrue(nightly.contains("\n  scripts/nightly --data /data/netmarket --force\n"), nightly);
        String validate = job(Map.of(), "validate", "--help").output();
        assertTrue(validate.contains("\n  netmarket validate --data /data/netmarket\n"), validate);
    }

    /**
     * Through scripts/netmarket, which names the program, the help and "Try '... --help'" name
     * scripts/netmarket, for the job (there is no netmarket command in a checkout) and for each
     * command; the job alone says netmarket.
     */
    @Test
    void theProgramIsNamedAsTheUserRunsIt() throws Exception {
        Map<String, String> script = Map.of(NetmarketCommand.HELP_PROGRAM_ENV, "scripts/netmarket");
        JobRunner.Result bare = job(script);
        assertEquals(ExitCodes.BAD_INPUT, bare.exitCode(), bare.output());
        assertTrue(bare.output().contains("error (bad usage, nothing was published): missing command: run, nightly, backfill, validate or generate-data\n"
                + "Try 'scripts/netmarket --help'.\n"), bare.output());
        JobRunner.Result option = job(script, "--bogus");
        assertEquals(ExitCodes.BAD_INPUT, option.exitCode(), option.output());
        assertTrue(option.output().contains("Try 'scripts/netmarket --help'.\n"), option.output());
        JobRunner.Result run = job(script, "run", "--yeer", "2024");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.output());
        assertTrue(run.output().contains("Try 'scripts/netmarket run --help'.\n"), run.output());
        String help = job(script, "--help").output();
        assertTrue(help.startsWith("Usage: scripts/netmarket [-hV] [COMMAND]\n"), help);
        assertTrue(help.contains("Run 'scripts/netmarket COMMAND --help' for a command's options and examples."), help);
        String runHelp = job(script, "run", "--help").output();
        assertTrue(runHelp.startsWith("Usage: scripts/netmarket run [-hV]"), runHelp);
        assertTrue(runHelp.contains("\n  scripts/netmarket run --year 2023 --as-of 2023-06-30 --dry-run\n"), runHelp);

        // scripts/run-pipeline names itself for its one command, as before.
        JobRunner.Result pipeline = job(Map.of(NetmarketCommand.HELP_COMMAND_ENV, "scripts/run-pipeline"), "run", "--yeer", "2024");
        assertTrue(pipeline.output().contains("Try 'scripts/run-pipeline --help'.\n"), pipeline.output());
    }

    /** scripts/generate-data runs the generator alone: its help is laid out alike and its examples name the script. */
    @Test
    void theGeneratorAloneShowsTheExamplesOfItsScript() throws Exception {
        JobRunner.Result r = job(GenerateDataCommand.class, Map.of(NetmarketCommand.HELP_COMMAND_ENV, "scripts/generate-data"),
                "--help");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        assertTrue(r.output().contains("\n  scripts/generate-data --scale yuncheng --out sample-data\n"), r.output());
        assertTrue(r.output().contains("\n      --delta-out /data/night2\n"), r.output());
        for (String line : r.output().lines().toList()) {
            assertTrue(line.length() <= HelpLayout.WIDTH, "longer than 80 columns: " + line);
        }
    }

    @Test
    void theJobAloneIsNetmarket() {
        CommandLine cl = NetmarketCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.BAD_INPUT, cl.execute());
        assertTrue(err.toString().contains("Try 'netmarket --help'."), err.toString());
        assertTrue(usage(cl, "", Ansi.OFF).contains("Run 'netmarket COMMAND --help'"));
    }

    /**
     * The job run in a JVM of its own, as the scripts run it, with these environment variables
     * and none of the wrapper scripts' from this JVM: a test cannot set its own.
     */
    private static JobRunner.Result job(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return job(NetmarketCommand.class, env, args);
    }

    private static JobRunner.Result job(Class<?> main, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("NETMARKET_HELP_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the job did not finish within 60 s");
        return new JobRunner.Result(process.exitValue(), output);
    }

    @Test
    void aLongTokenIsLeftWholeAndALabelStaysWithItsValue() {
        String url = "jdbc:postgresql://" + "h".repeat(90) + ":5432/db";
        assertEquals("Warehouse\n" + url + "\n(default: none).",
                HelpLayout.wrap("Warehouse " + url + " (default: none).", 0, 0, false).replace(System.lineSeparator(), "\n"));
    }
}
