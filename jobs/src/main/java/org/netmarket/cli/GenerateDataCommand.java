package org.netmarket.cli;

import org.netmarket.config.JobVersion;
import org.netmarket.generator.DataGenerator;
import org.netmarket.generator.DeliberateFlaw;
import org.netmarket.generator.GenerationReport;
import org.netmarket.generator.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code generate-data}: writes a deterministic data directory for the pipeline at one of the
 * scales, and optionally the next night's delivery.
 */
@Command(name = "generate-data", mixinStandardHelpOptions = true, versionProvider = GenerateDataCommand.Version.class,
        description = {
                "Writes a complete, deterministic data directory for the scoring pipeline: regions.csv and "
                        + "every extract folder (national, retail, express, tax, employment, market-entities, "
                        + "platform-accounts, operators, operator-sales, dispatches, case-clues, case-reviews, "
                        + "complaints, training, assessments), with a few deliberately broken rows that the "
                        + "pipeline must quarantine. The same scale and seed always give byte-identical files.",
                "",
                "Scales: yuncheng = 运城市 and its 13 counties (the committed sample-data/, about 4 MB); "
                        + "province = Shanxi's 11 cities, about 100,000 operators; national = 31 provinces, "
                        + "341 cities, 3,410 counties, 10 million operators and complaints (about 4 GB).",
                ""},
        footer = {"", "Examples:",
                "  # the committed sample data",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --scale yuncheng --out sample-data",
                "  # a province, from another seed",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --scale province --out /tmp/province --seed 7",
                "  # the national scale and the next night's delivery (to /tmp/national-delta)",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --scale national --out /tmp/national --delta",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --scale national --out /data/night1 \\",
                "      --delta-out /data/night2"})
public final class GenerateDataCommand implements Callable<Integer> {

    @Option(names = "--scale", paramLabel = "SCALE", defaultValue = "yuncheng",
            description = "yuncheng, province or national (default: ${DEFAULT-VALUE}); tiny is a miniature for tests.",
            converter = ScaleConverter.class)
    Scale scale;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Data directory to write the first night's delivery to (created if missing;"
                    + " CSV files of earlier runs in its extract folders are replaced).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DataGenerator.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}, which gives the committed sample data).")
    long seed;

    @Option(names = "--delta",
            description = "Also write the next night's delivery: about 1%% new and 1%% revised records of the"
                    + " record-level extracts, as new part files.")
    boolean delta;

    @Option(names = "--delta-out", paramLabel = "DIR",
            description = "Where the next night's delivery goes (default: <out>-delta); implies --delta.")
    Path deltaOut;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads for the part files (default: cores, at most 4); the output does not depend on it.")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (threads != null && threads < 1) {
            // Bad usage (exit 2 with a short message), not a failure with the generator's stack trace.
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, was " + threads);
        }
        boolean writesDelta = delta || deltaOut != null;
        Path dir = deltaOut != null ? deltaOut : out.resolveSibling(out.getFileName() + "-delta");
        for (Path p : writesDelta ? new Path[]{out, dir} : new Path[]{out}) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(), p + " is a file, not a folder: give a data directory");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        DataGenerator generator = new DataGenerator(scale, seed, threads == null ? DataGenerator.defaultThreads() : threads);
        long start = System.nanoTime();
        GenerationReport first = generator.firstNight(out);
        summarise(outWriter, "first night -> " + out, first, System.nanoTime() - start);
        if (writesDelta) {
            long t = System.nanoTime();
            GenerationReport next = generator.nextNight(dir);
            summarise(outWriter, "next night -> " + dir, next, System.nanoTime() - t);
        }
        if (!first.flaws().isEmpty()) {
            err.println(first.flaws().size() + " rows are broken on purpose (the pipeline must quarantine them):");
            for (DeliberateFlaw f : first.flaws()) {
                err.println("  " + f.file() + ":" + f.line() + "  " + f.description());
            }
        }
        outWriter.flush();
        err.flush();
        return 0;
    }

    private void summarise(PrintWriter w, String title, GenerationReport report, long nanos) {
        Map<String, long[]> byExtract = new LinkedHashMap<>();
        for (GenerationReport.WrittenFile f : report.files()) {
            long[] v = byExtract.computeIfAbsent(f.extract(), k -> new long[3]);
            v[0]++;
            v[1] += f.rows();
            v[2] += f.bytes();
        }
        w.printf("%s (%s scale, seed %d) in %.1f s%n", title, scale.code(), seed, nanos / 1e9);
        w.printf("  %-18s %6s %12s %14s%n", "extract", "files", "rows", "bytes");
        byExtract.forEach((k, v) -> w.printf("  %-18s %6d %12d %14d%n", k, v[0], v[1], v[2]));
        w.printf("  %-18s %6d %12d %14d%n", "total", report.files().size(),
                report.files().stream().mapToLong(GenerationReport.WrittenFile::rows).sum(), report.totalBytes());
    }

    /** Accepts scale names in any case. */
    static final class ScaleConverter implements CommandLine.ITypeConverter<Scale> {
        @Override
        public Scale convert(String value) {
            try {
                return Scale.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The job version from the jar manifest ("dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"generate-data, netmarket-jobs " + JobVersion.current()};
        }
    }

    /** Runs the command and exits with its exit code (scripts/generate-data). */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new GenerateDataCommand());
        // "Usage: scripts/generate-data ...", as its examples name it.
        String command = System.getenv(NetmarketCommand.HELP_COMMAND_ENV);
        if (command != null && !command.isBlank()) {
            cl.setCommandName(command);
        }
        // Its help as under the job's command line: lines that break between words only.
        HelpLayout.apply(cl);
        System.exit(cl.execute(args));
    }
}
