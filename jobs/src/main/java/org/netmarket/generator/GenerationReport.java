package org.netmarket.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a run wrote: every file with its row count and size, and the rows broken on purpose.
 * Lists are sorted by path, so the report of a run is as deterministic as its files.
 */
public final class GenerationReport {

    /** One written file; {@code path} is relative to the data directory, with forward slashes. */
    public record WrittenFile(String extract, String path, long rows, long bytes) {
    }

    private final List<WrittenFile> files = new ArrayList<>();
    private final List<DeliberateFlaw> flaws = new ArrayList<>();

    synchronized void file(String extract, CsvSink sink) {
        files.add(new WrittenFile(extract, sink.relative(), sink.rows(), sink.bytes()));
    }

    synchronized void flaw(DeliberateFlaw flaw) {
        flaws.add(flaw);
    }

    /** Written files sorted by path. */
    public synchronized List<WrittenFile> files() {
        return files.stream().sorted(Comparator.comparing(WrittenFile::path)).toList();
    }

    /** Deliberately broken rows sorted by file and line. */
    public synchronized List<DeliberateFlaw> flaws() {
        return flaws.stream().sorted(Comparator.comparing(DeliberateFlaw::file).thenComparingLong(DeliberateFlaw::line)).toList();
    }

    public synchronized long rows(String extract) {
        return files.stream().filter(f -> f.extract().equals(extract)).mapToLong(WrittenFile::rows).sum();
    }

    public synchronized long totalBytes() {
        return files.stream().mapToLong(WrittenFile::bytes).sum();
    }
}
