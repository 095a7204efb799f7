package org.netmarket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command's usage help as a terminal shows it: lines of at most 80 columns that break
 * only between words, so that a URL, path or default read or copied from it is whole, and
 * examples that are lines of their own (picocli once split {@code jdbc:postgresql://db:} /
 * {@code 5432/netmarket} and wrapped the examples' comments to column 0).
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
     * Each example is a command line, or a comment, of its own, continued with a backslash
     * when it is long: a wrapped example would be a broken command.
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
                boolean ok = continued ? line.startsWith("      ") && !line.startsWith("       ")
                        : line.startsWith("  # ") || line.startsWith("  " + command + " ");
                assertTrue(ok, "not an example, a comment or a continued example: '" + line + "' in\n" + help);
                examples += !continued && !line.startsWith("  #") ? 1 : 0;
                continued = line.endsWith(" \\");
            }
            assertTrue(examples > 0, help);
        }
    }

    @Test
    void aLongTokenIsLeftWholeAndALabelStaysWithItsValue() {
        String url = "jdbc:postgresql://" + "h".repeat(90) + ":5432/db";
        assertEquals("Warehouse\n" + url + "\n(default: none).",
                HelpLayout.wrap("Warehouse " + url + " (default: none).", 0, 0, false).replace(System.lineSeparator(), "\n"));
    }
}
