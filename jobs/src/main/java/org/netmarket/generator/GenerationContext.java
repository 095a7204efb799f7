package org.netmarket.generator;

import java.nio.file.Path;
import java.util.List;

/**
 * What every writer of one run shares: the scenario, the data directory, the report that
 * collects written files and deliberate flaws, and the part a county's records go to.
 */
final class GenerationContext {
    private final Scenario scenario;
    private final Path root;
    private final GenerationReport report;

    GenerationContext(Scenario scenario, Path root, GenerationReport report) {
        this.scenario = scenario;
        this.root = root;
        this.report = report;
    }

    Scenario scenario() {
        return scenario;
    }

    long seed() {
        return scenario.seed();
    }

    int parts() {
        return scenario.scale().parts();
    }

    CsvSink open(String relative, List<String> header) {
        return new CsvSink(root, relative, header);
    }

    /** Closes the file and records it in the report. */
    void close(String extract, CsvSink sink) {
        sink.close();
        report.file(extract, sink);
    }

    void flaw(String extract, CsvSink sink, long line, DeliberateFlaw.Check check, String description) {
        report.flaw(new DeliberateFlaw(extract, sink.relative(), line, check, description));
    }

    /** The counties whose records go into part {@code part}. */
    List<CountyProfile> countiesOfPart(int part) {
        int parts = parts();
        return scenario.counties().stream().filter(p -> p.index % parts == part).toList();
    }
}
