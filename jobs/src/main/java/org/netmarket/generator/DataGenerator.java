package org.netmarket.generator;

import org.netmarket.edition.Edition;
import org.netmarket.edition.Computations;
import org.netmarket.edition.EditionLoader;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.parallel.Concurrently;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a complete data directory for the pipeline at a given {@link Scale}: every extract
 * of the input contract, deterministic for a seed (same seed and scale, byte-identical files,
 * whatever the number of threads), with a handful of deliberately broken rows that the pipeline
 * must quarantine ({@link GenerationReport#flaws()}). The next night's delivery (about 1% new
 * and 1% revised records of the record-level extracts) goes to a separate directory.
 *
 * <p>Record-level extracts are written as part files in parallel on a small thread pool; the
 * aggregate extracts are small and follow the records (market entities need the count of
 * operators actually written).
 */
public final class DataGenerator {
    /** The default seed: the day the 2022 trial edition of the evaluation system was issued. */
    public static final long DEFAULT_SEED = 20221216L;
    /** The bundled edition whose assessed items the assessments extract covers. */
    public static final String EDITION = EditionLoader.DEFAULT_EDITION;

    private final Scale scale;
    private final long seed;
    private final int threads;

    /**
     * @param threads worker threads for the part files (the output does not depend on it)
     */
    public DataGenerator(Scale scale, long seed, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.scale = scale;
        this.seed = seed;
        this.threads = threads;
    }

    /** Threads by default: the machine's cores, at most 4 (the disk is the limit beyond that). */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The edition the generator reads its assessed items from. */
    public static Edition edition() {
        return new EditionLoader(Computations.ANY).load(EDITION);
    }

    /**
     * Writes the first night's delivery. Files this generator writes (regions.csv and the CSV
     * files of the extract folders) are replaced; nothing else in the directory is touched.
     */
    public GenerationReport firstNight(Path outDir) {
        Edition edition = edition();
        Scenario scenario = Scenario.build(scale, seed, edition);
        clean(outDir);
        GenerationReport report = new GenerationReport();
        GenerationContext ctx = new GenerationContext(scenario, outDir, report);
        ActiveOperators active = new ActiveOperators(scenario.counties().size());
        // The largest files first, so that the threads run out of work at about the same time.
        List<Runnable> tasks = new ArrayList<>();
        for (int part = 0; part < scale.parts(); part++) {
            int p = part;
            tasks.add(() -> new OperatorRegistryWriter(ctx, active).writeFirstNight(p));
            tasks.add(() -> new ComplaintWriter(ctx).writeFirstNight(p));
        }
        for (int part = 0; part < scale.parts(); part++) {
            int p = part;
            tasks.add(() -> new DispatchWriter(ctx).writeFirstNight(p));
            tasks.add(() -> new CaseClueWriter(ctx).writeFirstNight(p));
            tasks.add(() -> new CaseReviewWriter(ctx).writeFirstNight(p));
            tasks.add(() -> new TrainingWriter(ctx).writeFirstNight(p));
        }
        ReferenceWriter reference = new ReferenceWriter(ctx);
        MonthlyFiguresWriter monthly = new MonthlyFiguresWriter(ctx);
        YearlySharesWriter yearly = new YearlySharesWriter(ctx);
        StockFiguresWriter stock = new StockFiguresWriter(ctx);
        tasks.add(reference::writeRegions);
        tasks.add(reference::writeNational);
        tasks.add(monthly::writeRetail);
        tasks.add(monthly::writeExpress);
        tasks.add(yearly::writeTax);
        tasks.add(yearly::writeEmployment);
        tasks.add(stock::writePlatformAccounts);
        tasks.add(() -> new AssessmentWriter(ctx, edition).write());
        run(tasks);
        stock.writeMarketEntities(active);
        if (scale == Scale.YUNCHENG) {
            SampleDataReadme.write(outDir, scenario, report);
        }
        return report;
    }

    /** Writes the next night's delivery: only the record-level folders that have new files. */
    public GenerationReport nextNight(Path deltaDir) {
        Edition edition = edition();
        Scenario scenario = Scenario.build(scale, seed, edition);
        clean(deltaDir);
        GenerationReport report = new GenerationReport();
        GenerationContext ctx = new GenerationContext(scenario, deltaDir, report);
        List<Runnable> tasks = new ArrayList<>();
        for (int part = 0; part < scale.parts(); part++) {
            int p = part;
            tasks.add(() -> new OperatorRegistryWriter(ctx, null).writeNextNight(p));
            tasks.add(() -> new ComplaintWriter(ctx).writeNextNight(p));
            tasks.add(() -> new DispatchWriter(ctx).writeNextNight(p));
            tasks.add(() -> new CaseClueWriter(ctx).writeNextNight(p));
            tasks.add(() -> new CaseReviewWriter(ctx).writeNextNight(p));
            tasks.add(() -> new TrainingWriter(ctx).writeNextNight(p));
        }
        run(tasks);
        return report;
    }

    private void run(List<Runnable> tasks) {
        Concurrently.map(tasks, threads, "generate-data", task -> {
            task.run();
            return null;
        });
    }

    /** Removes what an earlier run wrote, so that a smaller or different run leaves no stale part files. */
    private static void clean(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve("regions.csv"));
            for (String extract : SchemaCatalog.EXTRACTS) {
                Path folder = dir.resolve(extract);
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.csv")) {
                    for (Path f : files) {
                        Files.delete(f);
                    }
                }
                try (DirectoryStream<Path> rest = Files.newDirectoryStream(folder)) {
                    if (!rest.iterator().hasNext()) {
                        Files.delete(folder);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
    }
}
