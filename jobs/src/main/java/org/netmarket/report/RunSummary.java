package org.netmarket.report;

import org.netmarket.extract.ExtractKind;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.pipeline.RunOutcome;
import org.netmarket.rules.Points;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.staging.DataDirectory;
import org.netmarket.staging.FileReport;
import org.netmarket.warehouse.ScoreChanges;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a terminal shows of a run besides its scorecard: the one-line tally, the files not read,
 * what publishing changed (or a dry run's would), the validate table, and where the run's
 * reports are.
 */
public final class RunSummary {
    /** Lines of changes printed after publishing; view score_change has them all. */
    private static final int CHANGES_SHOWN = 40;
    /** Regions named per year published for the first time. */
    private static final int FIRST_SHOWN = 10;
    /** Said when publishing changed nothing published (a year published for the first time is a change). */
    public static final String NO_CHANGE = "No change against what was published before (same points, statuses and values).";
    /** Said by a dry run when publishing would change nothing published. */
    public static final String NO_CHANGE_PREVIEWED = "Publishing would change no published points, statuses or values.";

    private RunSummary() {
    }

    /** After the scorecard: the tally, files not read, the changes, and where the scores went. */
    public static void print(RunOutcome outcome, PrintStream out) {
        long attention = outcome.scorecards().stream().mapToLong(c -> c.needsAttention().size()).sum();
        long passed = outcome.scorecards().stream().filter(RegionScorecard::passed).count();
        out.println();
        out.printf("%d region-year(s) scored, %d passed; %d item(s) need attention; %d rows read, %d quarantined.%n",
                outcome.scorecards().size(), passed, attention, outcome.rowsRead(), outcome.rowsQuarantined());
        printNotRead(outcome, out);
        if (outcome.warehouse() != null) {
            // What a publication changed, or what the dry run's would: said alike.
            boolean published = outcome.published();
            printChanges(outcome.changes().changes(), published, out);
            printResultChanges(outcome.changes().results(), published, out);
            printRemovals(outcome.changes().removals(), published, out);
            printFirstPublications(outcome.changes().additions(), published, out);
            if (outcome.changes().isEmpty()) {
                out.println(published ? NO_CHANGE : NO_CHANGE_PREVIEWED);
            }
            out.println(published ? String.format("Published as run %d to %s (schema netmarket).", outcome.runId(), outcome.warehouse())
                    : String.format("Dry run: nothing was published; compared with what %s holds.", outcome.warehouse()));
        } else {
            String note = outcome.note() == null ? "dry run: nothing was published" : outcome.note();
            out.println(Character.toUpperCase(note.charAt(0)) + note.substring(1) + ".");
        }
    }

    /** The files and folders of the data directory the run did not read, with why, if any. */
    public static void printNotRead(RunOutcome outcome, PrintStream out) {
        if (!outcome.notRead().isEmpty()) {
            out.println("Files and folders of the data directory that were not read:");
            for (DataDirectory.SkippedFile f : outcome.notRead()) {
                out.println("  " + f.path() + "  not read: " + f.reason());
            }
        }
    }

    /**
     * "Run folder (run.log, quarantine.csv, inputs.csv, changes.csv): PATH", naming the reports
     * the folder holds: a run stopped before the extracts were read has only its log.
     */
    public static String runFolderLine(Path folder) {
        List<String> files = Stream.of("run.log", "quarantine.csv", "inputs.csv", "changes.csv")
                .filter(f -> Files.exists(folder.resolve(f))).toList();
        return "Run folder (" + String.join(", ", files) + "): " + folder;
    }

    /**
     * Items and indicators that differ from what was published before: first those whose points
     * or status changed, then those whose computed value moved without changing the score (a
     * revised record shifts a rate), so the analyst sees what matters first.
     */
    public static void printChanges(List<ScoreChanges.Change> changes, boolean published, PrintStream out) {
        if (changes.isEmpty()) {
            return;
        }
        List<ScoreChanges.Change> scored = changes.stream().filter(ScoreChanges.Change::changesScore).toList();
        List<ScoreChanges.Change> valueOnly = changes.stream().filter(c -> !c.changesScore()).toList();
        out.println();
        out.printf("%s (%d: %d in points or status, %d in the value only%s):%n",
                published ? "Changes against what was published before" : "Publishing would change what is published",
                changes.size(), scored.size(), valueOnly.size(), "; all in "
                        + (published ? "view netmarket.score_change and " : "") + "the run folder's changes.csv");
        int room = printChangeLines(scored, CHANGES_SHOWN, out);
        if (!valueOnly.isEmpty() && room > 0) {
            out.println("  value only, points and status unchanged:");
            printChangeLines(valueOnly, room, out);
        } else if (!valueOnly.isEmpty()) {
            out.println("    ... and " + valueOnly.size() + " change(s) of the value only");
        }
    }

    /**
     * The region-years whose total or pass changed (or would): what the item changes add up to,
     * and the first thing an analyst asks of a recomputation. The first forty, as of the items;
     * changes.csv has them all.
     */
    public static void printResultChanges(List<ScoreChanges.ResultChange> results, boolean published, PrintStream out) {
        if (results.isEmpty()) {
            return;
        }
        out.println();
        out.printf("%s (%d):%n", published ? "Evaluations that changed" : "Evaluations publishing would change", results.size());
        for (int i = 0; i < results.size(); i++) {
            if (i == CHANGES_SHOWN) {
                out.println("    ... " + (results.size() - CHANGES_SHOWN) + " more");
                break;
            }
            ScoreChanges.ResultChange r = results.get(i);
            String result = r.previouslyPassed() == r.passed() ? ""
                    : "  " + passOrFail(r.previouslyPassed()) + " -> " + passOrFail(r.passed());
            String edition = !r.editionChanged() ? "" : "  edition " + r.previousBasis().edition() + " -> " + r.basis().edition();
            String asOf = !r.asOfChanged() ? "" : "  as of " + r.previousBasis().asOf() + " -> " + r.basis().asOf();
            out.printf("    %s %d total %s -> %s%s%s%s%n", r.regionCode(), r.evalYear(),
                    points(r.previousTotal()), points(r.total()), result, edition, asOf);
        }
    }

    private static String passOrFail(boolean passed) {
        return passed ? "PASS" : "FAIL";
    }

    /**
     * The regions the run took (or publishing would take) out of the current scores: the most
     * visible change of all on a dashboard, so said after the item changes, never only in the log.
     */
    private static void printRemovals(List<ScoreChanges.RegionYear> removals, boolean published, PrintStream out) {
        if (removals.isEmpty()) {
            return;
        }
        out.println();
        out.println((published ? "Taken out of the current scores" : "Publishing would take out of the current scores")
                + " (no longer in regions.csv of this data directory; their history stays):");
        for (ScoreChanges.RegionYear r : removals) {
            out.printf("    %s %d%n", r.regionCode(), r.evalYear());
        }
    }

    /** The region-years nothing was published for before: all new, so no change lists them. */
    private static void printFirstPublications(List<ScoreChanges.RegionYear> additions, boolean published, PrintStream out) {
        Map<Integer, List<String>> byYear = new TreeMap<>();
        additions.forEach(a -> byYear.computeIfAbsent(a.evalYear(), y -> new ArrayList<>()).add(a.regionCode()));
        byYear.forEach((year, regions) -> out.printf("%n%s %d for the first time for %d region(s): %s%s%n",
                published ? "Published" : "Publishing would publish", year, regions.size(),
                String.join(", ", regions.subList(0, Math.min(regions.size(), FIRST_SHOWN))), regions.size() > FIRST_SHOWN ? ", …" : ""));
    }

    /** Prints up to {@code room} changes and returns how many more lines there is room for. */
    private static int printChangeLines(List<ScoreChanges.Change> changes, int room, PrintStream out) {
        for (int i = 0; i < changes.size(); i++) {
            if (i == room) {
                out.println("    ... " + (changes.size() - room) + " more");
                return 0;
            }
            ScoreChanges.Change c = changes.get(i);
            String status = Objects.equals(c.previousStatus(), c.status()) ? ""
                    : "  (" + Objects.toString(c.previousStatus(), "-") + " -> " + c.status() + ")";
            String value = !c.changesValue() ? ""
                    : "  value " + plain(c.previousValue()) + " -> " + plain(c.value());
            out.printf("    %s %d %-9s %-5s %s -> %s%s%s%n", c.regionCode(), c.evalYear(),
                    c.level(), c.code(), points(c.previousPoints()), points(c.points()),
                    status, value);
        }
        return room - changes.size();
    }

    /** Points as the warehouse and changes.csv write them, "-" for none. */
    private static String points(BigDecimal points) {
        return Objects.toString(Points.text(points), "-");
    }

    private static String plain(BigDecimal number) {
        return number == null ? "-" : number.stripTrailingZeros().toPlainString();
    }

    /** The validate table: every file read, then every file or folder not read, in the same columns. */
    public static void printValidation(RunOutcome outcome, PrintStream out) {
        // The first two columns are as wide as their longest entry (at least the usual 18 and 44), in
        // terminal columns: a delivery's paths may be long (market-entities/market-entities-2019-2024.csv)
        // or Chinese, and a fixed width pushed the later columns out of line.
        List<DataDirectory.SkippedFile> notRead = outcome.notRead();
        int extractWidth = widest(18, outcome.files().stream().map(FileReport::extract),
                notRead.stream().map(DataDirectory.SkippedFile::extract));
        int fileWidth = widest(44, outcome.files().stream().map(FileReport::path),
                notRead.stream().map(DataDirectory.SkippedFile::path));
        out.println();
        out.println("Validation of the extracts — nothing was published.");
        out.println(TextWidth.padRight("extract", extractWidth) + " " + TextWidth.padRight("file", fileWidth)
                + String.format(" %-12s %10s %11s", "encoding", "rows", "quarantined"));
        for (FileReport f : outcome.files()) {
            // A file that cannot be used says so on its own line, not only in the error after the table.
            String note = f.failed() ? "  FAILED: " + withoutPath(f.problem().en(), f.path())
                    : f.extraColumns().isEmpty() ? "" : "  extra columns: " + String.join(", ", f.extraColumns());
            out.println(TextWidth.padRight(f.extract(), extractWidth) + " " + TextWidth.padRight(f.path(), fileWidth)
                    + String.format(" %-12s %10d %11d%s", f.encoding() == null ? "-" : f.encoding(), f.rowsRead(),
                    f.rowsQuarantined(), note));
        }
        // A file the clerk delivered but the run did not read (a .txt, an .xlsx) is listed with
        // the files, so that items without records are not a mystery.
        for (DataDirectory.SkippedFile f : notRead) {
            out.println(TextWidth.padRight(f.extract(), extractWidth) + " " + TextWidth.padRight(f.path(), fileWidth)
                    + " not read: " + f.reason());
        }
        // An extract with no file read at all: not delivered (no folder; its items lack their
        // input) or delivered without rows (an empty folder; its record items have no records).
        Set<String> read = outcome.files().stream().map(FileReport::extract).collect(Collectors.toSet());
        Set<String> skipped = notRead.stream().map(DataDirectory.SkippedFile::extract).collect(Collectors.toSet());
        for (ExtractSchema schema : SchemaCatalog.load().all()) {
            String name = schema.name();
            if (schema.kind() != ExtractKind.REFERENCE && !read.contains(name)) {
                out.println(TextWidth.padRight(name, extractWidth) + " " + TextWidth.padRight("-", fileWidth) + " "
                        + (outcome.notDelivered().contains(name) ? "not delivered: no folder " + name + "/"
                        : "delivered without rows: no .csv file " + (skipped.contains(name) ? "read " : "") + "in " + name + "/"));
            }
        }
        out.printf("%d rows read, %d quarantined.%n", outcome.rowsRead(), outcome.rowsQuarantined());
        if (!outcome.problems().isEmpty()) {
            out.println("Not scorable as delivered: " + outcome.problems().size() + " problem(s), said by the error that follows (on stderr).");
        }
        // The rows themselves go to the file: a delivery may quarantine thousands, too many for a terminal.
        out.println("Quarantined rows (file, line, column, reason in English and Chinese): " + outcome.runFolder().resolve("quarantine.csv"));
    }

    /** A file's problem without the path it starts with, when the table's row names the file already. */
    private static String withoutPath(String problem, String path) {
        return problem.startsWith(path + ": ") ? problem.substring(path.length() + 2) : problem;
    }

    /** The terminal columns of the widest of {@code a} and {@code b}, at least {@code min}. */
    private static int widest(int min, Stream<String> a, Stream<String> b) {
        return Stream.concat(a, b).mapToInt(TextWidth::of).reduce(min, Math::max);
    }
}
