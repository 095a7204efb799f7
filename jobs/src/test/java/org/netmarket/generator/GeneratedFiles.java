package org.netmarket.generator;

import org.netmarket.edition.Edition;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.RowValidator;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.extract.ValidationContext;
import org.netmarket.staging.ExtractFileScan;
import org.netmarket.staging.FileReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Reads a generated data directory back with the pipeline's own file scan and validators. */
final class GeneratedFiles {
    /** One row as the pipeline sees it: typed values, or the reason it is quarantined. */
    record Row(String extract, String file, long line, Object[] values, String rejection) {
        Object get(ExtractSchema schema, String column) {
            return values[schema.indexOf(column)];
        }
    }

    /** Every row of one extract, and the file reports. */
    record Extract(ExtractSchema schema, List<Row> rows, List<FileReport> reports) {
        List<Row> valid() {
            return rows.stream().filter(r -> r.rejection() == null).toList();
        }
    }

    private Path root;
    private final SchemaCatalog catalog = SchemaCatalog.load();
    private final Edition edition = DataGenerator.edition();
    private final Set<String> regionCodes;
    private final Map<String, Extract> cache = new HashMap<>();

    GeneratedFiles(Path root) {
        this(root, root);
    }

    /** Reads {@code root} with the regions of {@code referenceRoot} (a next-night folder has none of its own). */
    GeneratedFiles(Path referenceRoot, Path root) {
        this.root = referenceRoot;
        Extract regions = scan(catalog.get("regions"), null);
        Set<String> codes = new LinkedHashSet<>();
        for (Row r : regions.valid()) {
            codes.add((String) r.get(regions.schema(), "region_code"));
        }
        this.regionCodes = codes;
        this.root = root;
    }

    Set<String> regionCodes() {
        return regionCodes;
    }

    SchemaCatalog catalog() {
        return catalog;
    }

    /** Every row of an extract (read once, then kept). */
    Extract read(String extract) {
        return cache.computeIfAbsent(extract, name -> {
            ExtractSchema schema = catalog.get(name);
            return scan(schema, schema.file() == null ? regionCodes : null);
        });
    }

    /** {@code file:line} of every row the pipeline's validators reject, over all extracts. */
    Set<String> rejectedRows() {
        Set<String> out = new TreeSet<>();
        for (ExtractSchema schema : catalog.all()) {
            for (Row r : read(schema.name()).rows()) {
                if (r.rejection() != null) {
                    out.add(r.file() + ":" + r.line());
                }
            }
        }
        return out;
    }

    /** {@code file:line} of the rows the generator broke on purpose for the validators to catch. */
    static Set<String> brokenForValidation(GenerationReport report) {
        Set<String> out = new TreeSet<>();
        for (DeliberateFlaw f : report.flaws()) {
            if (f.caughtBy() == DeliberateFlaw.Check.ROW_VALIDATION) {
                out.add(f.file() + ":" + f.line());
            }
        }
        return out;
    }

    /** Paths of all files under a directory, relative, with forward slashes, sorted. */
    static List<String> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Extract scan(ExtractSchema schema, Set<String> codes) {
        RowValidator validator = new RowValidator(schema, new ValidationContext(codes, edition));
        List<Path> paths = new ArrayList<>();
        if (schema.file() != null) {
            paths.add(root.resolve(schema.file()));
        } else if (Files.isDirectory(root.resolve(schema.name()))) {
            try (Stream<Path> s = Files.list(root.resolve(schema.name()))) {
                s.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(paths::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<FileReport> reports = new ArrayList<>();
        for (Path p : paths) {
            String relative = root.relativize(p).toString().replace('\\', '/');
            try (ExtractFileScan scan = ExtractFileScan.open(relative, () -> Files.newInputStream(p), validator)) {
                while (scan.hasNext()) {
                    ExtractFileScan.Event e = scan.next();
                    if (e.isReport()) {
                        reports.add(e.report());
                    } else {
                        rows.add(new Row(schema.name(), relative, e.line(), e.values(),
                                e.isRejection() ? e.rejection().toString() : null));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Extract(schema, rows, reports);
    }
}
