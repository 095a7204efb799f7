package org.netmarket.cli;

import org.netmarket.report.TextWidth;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The layout of every command's usage help: lines of at most {@link #WIDTH} columns that break
 * only at spaces. Picocli's own wrapping breaks where {@code java.text.BreakIterator} allows,
 * which is inside a token too: after the {@code :} of a JDBC URL's host, the {@code .} of
 * {@code .local/reports} or {@code ~/.pgpass}, the {@code ,} of {@code CODES[,CODES...]}; a
 * user who copies the URL or path gets half of it. So picocli lays each section out on lines
 * no text reaches, and this class wraps them, keeping picocli's indentation.
 */
public final class HelpLayout {
    /** Columns of the help as printed: a terminal's 80. */
    public static final int WIDTH = 80;

    // Wider than any paragraph of the help, so that picocli wraps nothing (it sizes its text
    // cells by the width, so not needlessly wide either).
    private static final int UNWRAPPED = 2_000;

    // Sections laid out as a table (option or command, then its description): a wrapped
    // description continues under itself, indented by two as picocli does.
    private static final Set<String> TABLES = Set.of(UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, UsageMessageSpec.SECTION_KEY_AT_FILE_PARAMETER,
            UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS, UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);

    // The colours picocli adds on a terminal take no columns.
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    private HelpLayout() {
    }

    /** Lays out the help of a command line and of all its subcommands. */
    public static void apply(CommandLine commandLine) {
        commandLine.setUsageHelpWidth(UNWRAPPED);
        wrapSections(commandLine);
    }

    private static void wrapSections(CommandLine commandLine) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(commandLine.getHelpSectionMap());
        sections.replaceAll((key, renderer) -> help -> {
            String text = renderer.render(help);
            if (key.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
                // The synopsis follows "Usage: " on its first line; its options continue under
                // the first one, after the command's name.
                int start = help.synopsisHeadingLength();
                return wrap(text, start, start + visibleLength(help.commandSpec().qualifiedName()) + 1, false);
            }
            return wrap(text, 0, 0, TABLES.contains(key));
        });
        commandLine.setHelpSectionMap(sections);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            wrapSections(sub);
        }
    }

    /**
     * Wraps every line of a section at spaces. A wrapped line continues at {@code indent} in
     * the synopsis; in a table under its text column, plus two; elsewhere under its own start.
     * {@code start} is the column its first line begins at. A token longer than a line is left
     * whole, on a line of its own.
     */
    static String wrap(String text, int start, int indent, boolean table) {
        StringBuilder out = new StringBuilder();
        int column = start;
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            String line = end < 0 ? text.substring(from) : text.substring(from, end);
            int hanging = indent > 0 ? indent : table ? textColumn(line) + 2 : leadingSpaces(line);
            out.append(wrapLine(line, column, hanging));
            if (end >= 0) {
                out.append('\n');
            }
            column = 0;
            from = end < 0 ? text.length() : end + 1;
        }
        return out.toString();
    }

    private static String wrapLine(String line, int column, int hanging) {
        StringBuilder out = new StringBuilder();
        String rest = line;
        int room = WIDTH - column;
        while (visibleLength(rest) > room) {
            int cut = lastBreak(rest, room);
            if (cut < 0) {
                break;
            }
            out.append(rest, 0, cut).append(System.lineSeparator());
            rest = " ".repeat(hanging) + rest.substring(cut).stripLeading();
            room = WIDTH;
        }
        return out.append(rest).toString();
    }

    /**
     * Where to break a line to fill at most {@code room} columns: the first space of the last
     * run of spaces that fits, after the line's own indentation. A label stays with what it
     * labels ({@code (default: .local/reports)}) unless there is no other place; a token too
     * long for the room ends its line. -1: nowhere.
     */
    private static int lastBreak(String line, int room) {
        int cut = -1;
        int afterLabel = -1;
        int beyond = -1;
        int columns = 0;
        boolean text = false;
        for (int i = 0; i < line.length() && beyond < 0; i++) {
            char c = line.charAt(i);
            if (c == '\u001B') {
                int escape = line.indexOf('m', i);
                i = escape < 0 ? line.length() : escape;
                continue;
            }
            if (c == ' ' && text && line.charAt(i - 1) != ' ') {
                boolean label = line.charAt(i - 1) == ':' && i + 1 < line.length() && line.charAt(i + 1) != ' ';
                if (columns > room) {
                    beyond = i;
                } else if (label) {
                    afterLabel = i;
                } else {
                    cut = i;
                }
            }
            text |= c != ' ';
            columns += columns(c);
        }
        return cut >= 0 ? cut : afterLabel >= 0 ? afterLabel : beyond;
    }

    /** Where a table row's text begins: after its first gap of two or more spaces, else after its indentation. */
    private static int textColumn(String line) {
        String plain = ANSI.matcher(line).replaceAll("");
        int indentation = leadingSpaces(plain);
        int gap = plain.indexOf("  ", indentation);
        if (gap < 0) {
            return indentation;
        }
        int column = gap;
        while (column < plain.length() && plain.charAt(column) == ' ') {
            column++;
        }
        return column;
    }

    private static int leadingSpaces(String line) {
        String plain = ANSI.matcher(line).replaceAll("");
        int n = 0;
        while (n < plain.length() && plain.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static int visibleLength(String text) {
        return TextWidth.of(ANSI.matcher(text).replaceAll("").replace("\r", ""));
    }

    /** The columns a character takes on a terminal, none for the carriage return of a Windows line end. */
    private static int columns(char c) {
        return c == '\r' ? 0 : TextWidth.of(c);
    }
}
