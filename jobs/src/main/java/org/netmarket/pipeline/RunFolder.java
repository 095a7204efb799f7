package org.netmarket.pipeline;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.netmarket.config.EnvironmentException;
import org.netmarket.config.PipelineConfig;
import org.netmarket.rules.Points;
import org.netmarket.rules.Reason;
import org.netmarket.staging.QuarantinedRow;
import org.netmarket.warehouse.RunLedger;
import org.netmarket.warehouse.ScoreChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of one run under the report directory ({@code <report-dir>/<timestamp>-<command>}):
 * the run's log ({@code run.log}), the quarantine report ({@code quarantine.csv}: extract, file,
 * line, region, column, reason in English and Chinese, raw line), the input files
 * ({@code inputs.csv}, as in {@code run_input_file}) and the changes to the published scores
 * ({@code changes.csv}).
 */
public final class RunFolder implements AutoCloseable {
    /** The byte order mark that starts {@code quarantine.csv} and {@code inputs.csv}, for Excel. */
    private static final char BOM = '\uFEFF';
    private static final Logger LOG = LoggerFactory.getLogger(RunFolder.class);
    private static final String APPENDER = "netmarket-run-log";
    /** The commands that make run folders (the CLI's subcommands that run the pipeline). */
    static final List<String> COMMANDS = List.of("run", "nightly", "backfill", "validate");
    /**
     * A run folder's name: {@code <yyyyMMdd-HHmmss>-<command>}, and {@code -<n>} when a second one
     * started that second. Only these commands: housekeeping must not take an operator's
     * {@code 20200101-000000-notes} for a run.
     */
    private static final Pattern NAME = Pattern.compile("(\\d{8}-\\d{6})-(?:" + String.join("|", COMMANDS) + ")(-\\d+)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Path path;
    private FileAppender appender;

    private RunFolder(Path path) {
        this.path = path;
    }

    /**
     * Creates the folder and starts copying the pipeline's log lines into its run.log; a report
     * directory that cannot be written is an {@link EnvironmentException} naming it and why.
     */
    public static RunFolder create(String reportDir, String command) {
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("not a command that makes run folders: " + command + " (one of " + COMMANDS + ")");
        }
        Path dir = Path.of(reportDir).toAbsolutePath().normalize();
        Path p;
        try {
            p = newFolder(dir, command, LocalDateTime.now());
        } catch (IOException e) {
            throw new EnvironmentException("cannot create the run folder under " + dir + ": " + reason(e, dir), e);
        }
        RunFolder folder = new RunFolder(p);
        folder.startLog();
        return folder;
    }

    /**
     * Creates the folder of a run started at {@code startedAt}: the first free name of that
     * second. {@code createDirectory} fails on a name taken, atomically, so that two runs started
     * in the same second (an analyst's beside the nightly) never share a folder, a run.log or a
     * quarantine.csv.
     */
    static Path newFolder(Path dir, String command, LocalDateTime startedAt) throws IOException {
        Files.createDirectories(dir);
        String name = startedAt.format(STAMP) + "-" + command;
        for (int n = 1; ; n++) {
            try {
                return Files.createDirectory(dir.resolve(n == 1 ? name : name + "-" + n));
            } catch (FileAlreadyExistsException taken) {
                // the next name
            }
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Deletes the run folders of {@code reportDir} started more than {@code days} days before
     * {@code now} (by the time in their names), each with what it holds; nothing when
     * {@code days} is 0. Only folders named as this class names them are touched: the report
     * directory also holds the staging area and the nightly lock, and may hold what an operator
     * put there. A folder that cannot be deleted is warned of; housekeeping never fails a run.
     *
     * @return the folders deleted
     */
    public static List<Path> deleteExpired(Path reportDir, int days, LocalDateTime now) {
        if (days == 0) {
            return List.of();
        }
        LocalDateTime cutoff = now.minusDays(days);
        List<Path> expired = new ArrayList<>();
        try (Stream<Path> entries = Files.list(reportDir)) {
            for (Path p : entries.sorted().toList()) {
                if (startedAt(p).filter(t -> t.isBefore(cutoff)).isPresent() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    expired.add(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("report directory {}: cannot look for run folders older than {} days: {}", reportDir, days, e.getMessage());
            return List.of();
        }
        List<Path> deleted = new ArrayList<>();
        for (Path folder : expired) {
            try (Stream<Path> tree = Files.walk(folder)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
                deleted.add(folder);
            } catch (IOException e) {
                LOG.warn("report directory {}: cannot delete the expired run folder {}: {}", reportDir, folder.getFileName(),
                        reason(e, folder));
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("report directory {}: deleted {} run folder(s) older than {} days (--{}), the oldest {}", reportDir,
                    deleted.size(), days, PipelineConfig.KEEP_RUN_FOLDERS, deleted.get(0).getFileName());
        }
        return deleted;
    }

    /** When the run of a folder named as {@link #create} names them started; empty for any other name. */
    private static Optional<LocalDateTime> startedAt(Path folder) {
        Matcher m = NAME.matcher(folder.getFileName().toString());
        try {
            return m.matches() ? Optional.of(LocalDateTime.parse(m.group(1), STAMP)) : Optional.empty();
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    public Path log() {
        return path.resolve("run.log");
    }

    /**
     * Writes the quarantine report; returns its path. UTF-8 with a byte order mark: the clerks who
     * open it in Excel then see the Chinese reasons and raw lines as Chinese, not as GBK mojibake.
     */
    public Path writeQuarantine(Iterator<QuarantinedRow> rows) throws IOException {
        Path file = path.resolve("quarantine.csv");
        try (Writer w = withByteOrderMark(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                     .setHeader("extract", "file", "line", "region_code", "column", "reason", "reason_zh", "raw_line").get())) {
            while (rows.hasNext()) {
                QuarantinedRow q = rows.next();
                p.printRecord(q.extract(), q.file(), q.line(), q.regionCode(), q.column(), q.reason().en(), q.reason().zh(),
                        q.rawLine());
            }
        }
        return file;
    }

    private static Writer withByteOrderMark(Writer w) throws IOException {
        w.write(BOM);
        return w;
    }

    /**
     * The rows of the quarantine report, read back from {@code quarantine.csv}: the ledger copies
     * them from the file rather than asking Spark for them a second time.
     */
    public Iterator<QuarantinedRow> quarantine() throws IOException {
        BufferedReader r = Files.newBufferedReader(path.resolve("quarantine.csv"), StandardCharsets.UTF_8);
        r.mark(1);
        if (r.read() != BOM) {
            r.reset();
        }
        CSVParser parser = CSVParser.builder().setReader(r)
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get();
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = records.hasNext();
                if (!more) {
                    try {
                        parser.close();
                    } catch (IOException ignored) {
                        // Everything was read; closing a local file that fails to close loses nothing.
                    }
                }
                return more;
            }

            @Override
            public QuarantinedRow next() {
                CSVRecord c = records.next();
                return new QuarantinedRow(c.get("extract"), c.get("file"), Long.parseLong(c.get("line")),
                        emptyToNull(c.get("raw_line")), emptyToNull(c.get("column")), Reason.of(c.get("reason"), c.get("reason_zh")),
                        emptyToNull(c.get("region_code")));
            }
        };
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * Writes the list of input files with checksums and counts: the run's lineage, the same files
     * as {@code run_input_file} — those the run read ({@code read_by_run} true) and, for a
     * nightly run that merged into its staging area, the other files of the staged state it
     * scored from ({@code read_by_run} false, counts as found by the run that read them; empty
     * when unknown). With a byte order mark, as {@code quarantine.csv}: extra columns' names and
     * the Chinese of a problem are Chinese.
     */
    public Path writeInputs(List<RunLedger.InputFile> files) throws IOException {
        Path file = path.resolve("inputs.csv");
        try (Writer w = withByteOrderMark(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("extract", "path", "encoding",
                     "sha256", "bytes", "rows_read", "rows_quarantined", "extra_columns", "problem", "read_by_run", "problem_zh").get())) {
            for (RunLedger.InputFile f : files) {
                p.printRecord(f.extract(), f.path(), f.encoding(), f.sha256(), f.bytes(), f.rowsRead(), f.rowsQuarantined(),
                        String.join(" ", f.extraColumns()), f.problem(), f.readByRun(), f.problemZh());
            }
        }
        return file;
    }

    /**
     * Writes every change a publication made (or a dry run's would make), which the summary on
     * the console only begins: items and indicators whose points, status or value differ from
     * what was published ({@code changed}), region-years whose total or pass changed
     * ({@code result}: the totals as points, pass or fail as status), and after it those whose
     * edition or as-of date changed ({@code basis}: code edition or as_of, the two as values), taken out of the current scores
     * ({@code taken_out}) and those published for the first time ({@code first_published}).
     * Nothing when there is no change.
     */
    public Optional<Path> writeChanges(ScoreChanges.Report report) throws IOException {
        if (report.isEmpty()) {
            return Optional.empty();
        }
        Path file = path.resolve("changes.csv");
        try (Writer w = withByteOrderMark(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("change", "region_code", "eval_year", "level",
                     "code", "previous_points", "points", "previous_status", "status", "previous_value", "value").get())) {
            for (ScoreChanges.Change c : report.changes()) {
                p.printRecord("changed", c.regionCode(), c.evalYear(), c.level(), c.code(), Points.text(c.previousPoints()),
                        Points.text(c.points()), c.previousStatus(), c.status(), plain(c.previousValue()), plain(c.value()));
            }
            for (ScoreChanges.ResultChange r : report.results()) {
                p.printRecord("result", r.regionCode(), r.evalYear(), "evaluation", "total", Points.text(r.previousTotal()),
                        Points.text(r.total()), r.previouslyPassed() ? "pass" : "fail", r.passed() ? "pass" : "fail", null, null);
                if (r.editionChanged()) {
                    p.printRecord("basis", r.regionCode(), r.evalYear(), "evaluation", "edition", null, null, null, null,
                            r.previousBasis().edition(), r.basis().edition());
                }
                if (r.asOfChanged()) {
                    p.printRecord("basis", r.regionCode(), r.evalYear(), "evaluation", "as_of", null, null, null, null,
                            r.previousBasis().asOf(), r.basis().asOf());
                }
            }
            for (ScoreChanges.RegionYear r : report.removals()) {
                p.printRecord("taken_out", r.regionCode(), r.evalYear(), null, null, null, null, null, null, null, null);
            }
            for (ScoreChanges.RegionYear r : report.additions()) {
                p.printRecord("first_published", r.regionCode(), r.evalYear(), null, null, null, null, null, null, null, null);
            }
        }
        return Optional.of(file);
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    /**
     * What the operating system says of a folder it would not create ("Not a directory",
     * "Permission denied"), with the path it refused when that is not {@code dir} itself (a
     * parent folder), instead of Java's exception text.
     */
    static String reason(IOException e, Path dir) {
        String why;
        Path file = null;
        if (e instanceof AccessDeniedException d) {
            why = "Permission denied";
            file = d.getFile() == null ? null : Path.of(d.getFile());
        } else if (e instanceof FileAlreadyExistsException f) {
            why = "a file that is not a folder is in the way";
            file = f.getFile() == null ? null : Path.of(f.getFile());
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason();
            file = f.getFile() == null ? null : Path.of(f.getFile());
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return file == null || file.equals(dir) ? why : why + " (" + file + ")";
    }

    /**
     * Adds the reason a run stopped to the run.log of a closed run folder, as an ERROR line in
     * the log's own format, followed by {@code details} (a stack trace) when not null: the CLI
     * decides how a run ended only after the pipeline closed its folder, and the log must end
     * with why. Text given here must already be free of credentials.
     */
    public static void appendError(Path folder, String source, String message, String details) throws IOException {
        StringBuilder text = new StringBuilder()
                .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
                .append(" ERROR ").append(source).append(" - ").append(message).append(System.lineSeparator());
        if (details != null) {
            text.append(details);
        }
        Files.writeString(folder.resolve("run.log"), text, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void startLog() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(cfg)
                .withPattern("%d{yyyy-MM-dd HH:mm:ss} %-5p %c{1} - %m%n").build();
        appender = FileAppender.newBuilder().setName(APPENDER).withFileName(log().toString())
                .setLayout(layout).setConfiguration(cfg).build();
        appender.start();
        cfg.addAppender(appender);
        for (String logger : List.of("org.netmarket", "")) {
            LoggerConfig lc = cfg.getLoggerConfig(logger);
            lc.addAppender(appender, logger.isEmpty() ? Level.WARN : Level.INFO, null);
        }
        ctx.updateLoggers();
    }

    @Override
    public void close() {
        if (appender == null) {
            return;
        }
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        for (String logger : List.of("org.netmarket", "")) {
            cfg.getLoggerConfig(logger).removeAppender(APPENDER);
        }
        ctx.updateLoggers();
        appender.stop();
        appender = null;
    }
}
