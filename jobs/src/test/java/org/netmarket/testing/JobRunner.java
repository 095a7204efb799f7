package org.netmarket.testing;

import org.netmarket.cli.NetmarketCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the job's command line as a user would (same parser, same exit codes) in the test JVM,
 * with the shared local SparkSession, and captures what it printed.
 */
public final class JobRunner {
    /** Exit code and everything printed to stdout and stderr. */
    public record Result(int exitCode, String output) {
    }

    private JobRunner() {
    }

    /** Runs {@code command} (run, nightly, backfill, validate) with test settings added. */
    public static Result run(Path reportDir, String command, String... args) {
        SharedSpark.session();
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        all.addAll(List.of("--report-dir", reportDir.toString(), "--spark-master", "local[2]", "--shuffle-partitions", "2"));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeStream(captured, out), true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        try {
            int code = NetmarketCommand.execute(all.toArray(new String[0]));
            return new Result(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * The latest run folder under a report directory: of the folders holding a run.log, the one
     * whose run.log was written last. Not the last by name ({@code <yyyyMMdd-HHmmss>-<command>}):
     * two runs of different commands started within one second sort by command.
     */
    public static Path lastRunFolder(Path reportDir) throws IOException {
        try (Stream<Path> folders = Files.list(reportDir)) {
            return folders.filter(f -> Files.exists(f.resolve("run.log")))
                    .max(Comparator.comparing((Path f) -> lastWritten(f.resolve("run.log"))).thenComparing(Comparator.naturalOrder()))
                    .orElseThrow();
        }
    }

    private static FileTime lastWritten(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run.log of {@link #lastRunFolder}. */
    public static String lastRunLog(Path reportDir) throws IOException {
        return Files.readString(lastRunFolder(reportDir).resolve("run.log"));
    }
}
