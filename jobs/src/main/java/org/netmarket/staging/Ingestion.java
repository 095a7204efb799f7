package org.netmarket.staging;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.netmarket.edition.Edition;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.extract.ValidationContext;
import org.netmarket.parallel.Concurrently;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The staging layer of a run: reads regions.csv, then every extract of the catalog (validation,
 * quarantine, later-version-wins), then the cross-extract reference checks.
 */
public final class Ingestion {
    private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);

    private final SparkSession spark;
    private final SchemaCatalog catalog;

    public Ingestion(SparkSession spark, SchemaCatalog catalog) {
        this.spark = spark;
        this.catalog = catalog;
    }

    /** Hidden files named in the log line of an extract (the count says how many there are). */
    private static final int HIDDEN_NAMED = 5;

    /**
     * Everything read: the region tree and every extract, with the files and what was set aside,
     * and the files of the extract folders that were not read (not CSV files; hidden files aside).
     *
     * @param regionsSetAside the region codes of regions.csv rows that were set aside, with their line
     */
    public record Result(RegionTree regions, FileReport regionsReport, List<QuarantinedRow> regionsQuarantined,
                         Map<String, Long> regionsSetAside, Map<String, LoadedExtract> extracts,
                         List<DataDirectory.SkippedFile> notRead) {
        public Result {
            regionsSetAside = Map.copyOf(regionsSetAside);
            notRead = List.copyOf(notRead);
        }

        public LoadedExtract extract(String name) {
            LoadedExtract e = extracts.get(name);
            if (e == null) {
                throw new IllegalArgumentException("extract " + name + " was not read");
            }
            return e;
        }

        /** The extracts whose folder is not in the data directory. */
        public List<String> notDelivered() {
            return extracts.values().stream().filter(e -> !e.delivered()).map(LoadedExtract::name).toList();
        }

        /** Every file read, regions.csv first. */
        public List<FileReport> files() {
            List<FileReport> out = new ArrayList<>();
            out.add(regionsReport);
            extracts.values().forEach(e -> out.addAll(e.files()));
            return out;
        }

        public long rowsRead() {
            return regionsReport.rowsRead() + extracts.values().stream().mapToLong(LoadedExtract::rowsRead).sum();
        }

        public long rowsQuarantined() {
            return regionsQuarantined.size() + extracts.values().stream().mapToLong(LoadedExtract::rowsQuarantined).sum();
        }

        /** Per extract: files, rows read, quarantined and used (counts the latest rows). */
        public List<ExtractSummary> summaries() {
            List<LoadedExtract> list = List.copyOf(extracts.values());
            List<ExtractSummary> out = new ArrayList<>();
            out.add(new ExtractSummary("regions", true, 1, regionsReport.rowsRead(), regionsQuarantined.size(),
                    regions.codes().size(), 0));
            out.addAll(Concurrently.map(list, e -> new ExtractSummary(e.name(), e.delivered(), e.files().size(),
                    e.rowsRead(), e.rowsQuarantined(), e.delivered() ? e.latestCount() : 0, e.conflictKeys().size())));
            return out;
        }

        /**
         * Per extract that references another and went through the staging area: its rows
         * that resolve, as of the state this run leaves (what the next night starts from).
         */
        public Map<String, StagingArea.ReferencedRows> referencedRows() {
            Map<String, StagingArea.ReferencedRows> out = new LinkedHashMap<>();
            extracts.values().stream().filter(e -> e.schema().reference().isPresent() && e.change() != null)
                    .forEach(e -> out.put(e.name(), new StagingArea.ReferencedRows(e.change().after(), e.latestCount())));
            return out;
        }

        /** All quarantined rows, streamed to the driver extract by extract. */
        public Iterator<QuarantinedRow> quarantine() {
            List<Stream<QuarantinedRow>> parts = new ArrayList<>();
            parts.add(regionsQuarantined.stream());
            for (LoadedExtract e : extracts.values()) {
                if (e.rowsQuarantined() > 0) {
                    Dataset<Row> q = e.quarantine().orderBy("file", "line");
                    parts.add(streamOf(q.toLocalIterator()).map(r -> new QuarantinedRow(r.getString(0), r.getString(1),
                            r.getLong(2), r.getString(3), r.getString(4), Reason.of(r.getString(5), r.getString(6)),
                            r.getString(7))));
                }
            }
            return oneAfterAnother(parts);
        }
    }

    /**
     * How a run turns one extract's files into a {@link LoadedExtract}: read into Spark's cache
     * ({@link ExtractReader#read}), or through the nightly staging area ({@link StagingArea#load}).
     */
    @FunctionalInterface
    public interface ExtractLoader {
        LoadedExtract load(ExtractReader reader, ExtractSchema schema, ValidationContext context);
    }

    /**
     * Reads regions.csv, the first step of ingesting: small, read on the driver, and what the
     * run's scope (--regions) is checked against before the extracts are read.
     */
    public RegionsFile.Result readRegions(DataDirectory dir) {
        RegionsFile.Result regions = RegionsFile.read(dir, catalog.get("regions"));
        LOG.info("regions.csv: {} regions ({} rows quarantined)", regions.tree().codes().size(), regions.quarantined().size());
        return regions;
    }

    /**
     * Extracts to load before the others, and a check of them (always made, with those of them
     * delivered) that may stop the run by throwing before the big extracts are read: the run's
     * scope checked against small extracts.
     */
    public record FirstRead(Set<String> extracts, Consumer<Map<String, LoadedExtract>> check) {
        /** Nothing first: every extract is loaded at once. */
        public static final FirstRead NONE = new FirstRead(Set.of(), loaded -> { });
    }

    /**
     * Reads every delivered file of every extract (no staging area), given the run's regions.csv
     * and its listing of the extracts' folders.
     */
    public Result ingest(DataDirectory dir, RegionsFile.Result regions, Edition edition, Map<String, DataDirectory.Contents> listed,
                         FirstRead first) {
        return ingest(dir, regions, edition, listed,
                (reader, schema, context) -> reader.read(schema, context, listed.get(schema.name())), extract -> Optional.empty(),
                first);
    }

    /** Loads every extract through the staging area: rebuilt, or the plan's new files merged in. */
    public Result ingest(DataDirectory dir, RegionsFile.Result regions, Edition edition, StagingArea area, StagingArea.Plan plan,
                         FirstRead first) {
        return ingest(dir, regions, edition, plan.listed(), (reader, schema, context) -> area.load(plan, reader, dir, schema, context),
                area::referencedRows, first);
    }

    /**
     * Loads every extract with the loader (those of {@code first} before the others, then checked),
     * then checks references (with what is known of the referencing rows that resolved in the
     * state the run started from). {@code listed} is the one listing of the extracts' folders the
     * loader reads from, so that the files said not read are those of the folders the run read.
     */
    private Result ingest(DataDirectory dir, RegionsFile.Result regions, Edition edition, Map<String, DataDirectory.Contents> listed,
                          ExtractLoader loader, Function<String, Optional<StagingArea.ReferencedRows>> referencedBefore,
                          FirstRead first) {
        ValidationContext context = new ValidationContext(Set.copyOf(regions.tree().codes()), edition, regions.setAside());
        ExtractReader reader = new ExtractReader(spark, dir);
        // Biggest extract first: its chain of jobs is the longest, and the small ones fill the
        // cores around it instead of leaving it to run alone at the end.
        List<ExtractSchema> loaded = catalog.withoutRegions();
        Map<String, Long> bytes = new HashMap<>();
        for (ExtractSchema s : loaded) {
            bytes.put(s.name(), listed.get(s.name()).files().stream().mapToLong(DataDirectory.DeliveredFile::bytes).sum());
        }
        List<DataDirectory.SkippedFile> notRead = filesNotRead(dir, catalog, listed);
        List<ExtractSchema> schemas = loaded.stream()
                .sorted(Comparator.comparing((ExtractSchema s) -> bytes.get(s.name())).reversed()).toList();
        Map<String, LoadedExtract> byName = new HashMap<>();
        List<ExtractSchema> firstSchemas = schemas.stream().filter(s -> first.extracts().contains(s.name())).toList();
        Concurrently.map(firstSchemas, schema -> loader.load(reader, schema, context)).forEach(e -> byName.put(e.name(), e));
        // Checked even when none of them was delivered: the check is the run's scope, not theirs.
        first.check().accept(Map.copyOf(byName));
        Concurrently.map(schemas.stream().filter(s -> !first.extracts().contains(s.name())).toList(),
                schema -> loader.load(reader, schema, context)).forEach(e -> byName.put(e.name(), e));
        Map<String, LoadedExtract> extracts = new LinkedHashMap<>();
        catalog.all().stream().filter(s -> byName.containsKey(s.name())).forEach(s -> extracts.put(s.name(), byName.get(s.name())));
        for (ExtractSchema schema : catalog.all()) {
            schema.reference().ifPresent(ref -> extracts.put(schema.name(), reader.checkReference(extracts.get(schema.name()),
                    extracts.get(ref.extract()), referencedBefore.apply(schema.name()))));
        }
        // Rows set aside after the scan (conflicts, unknown references) get their raw text read
        // again from the file, once every set-aside row of the extract is known; the rows the
        // row rules rejected kept theirs, so an extract with no others needs no job to look.
        extracts.replaceAll((name, e) -> e.rowsQuarantined() == e.rowsRejected() ? e
                : e.withQuarantine(RawLines.fill(spark, dir, e.quarantine())));
        extracts.replaceAll((name, e) -> e.rowsQuarantined() == e.files().stream().mapToLong(FileReport::rowsQuarantined).sum() ? e
                : e.withFileCounts(quarantinedByFile(e.quarantine())));
        return new Result(regions.tree(), regions.report(), regions.quarantined(), regions.setAside(), extracts, notRead);
    }

    /** Rows set aside per file (a small job: the quarantine of an extract is small). */
    private static Map<String, Long> quarantinedByFile(Dataset<Row> quarantine) {
        Map<String, Long> out = new HashMap<>();
        for (Row r : quarantine.groupBy("file").count().collectAsList()) {
            out.put(r.getString(0), r.getLong(1));
        }
        return out;
    }

    /**
     * Every file of the data directory that a run would not read, each warned of in the log as
     * a run that reads the extracts does: for a nightly run that finds nothing new to read, so
     * that a delivery under a name it does not read (retail.CSV, retail.csv.gz) is said on the
     * night it arrives, not only on the next night that reads anything.
     */
    public static List<DataDirectory.SkippedFile> filesNotRead(DataDirectory dir, SchemaCatalog catalog,
                                                               Map<String, DataDirectory.Contents> listed) {
        List<DataDirectory.SkippedFile> out = new ArrayList<>();
        for (ExtractSchema s : catalog.withoutRegions()) {
            out.addAll(notRead(s, listed.get(s.name())));
        }
        out.addAll(strays(dir, catalog));
        return out;
    }

    /** Files and folders of the data directory outside every extract's place, each warned of. */
    private static List<DataDirectory.SkippedFile> strays(DataDirectory dir, SchemaCatalog catalog) {
        List<DataDirectory.SkippedFile> strays = dir.strays(catalog.all());
        for (DataDirectory.SkippedFile f : strays) {
            LOG.warn("data directory: {} not read: {}", f.path(), f.reason());
        }
        return strays;
    }

    /**
     * The files of an extract's folder that are not read, each warned of (a misnamed delivery
     * would otherwise turn items into no_records without a word); hidden files, left there on
     * purpose, in one line.
     */
    private static List<DataDirectory.SkippedFile> notRead(ExtractSchema schema, DataDirectory.Contents contents) {
        for (DataDirectory.SkippedFile f : contents.skipped()) {
            LOG.warn("extract {}: {} not read: {}", schema.name(), f.path(), f.reason());
        }
        List<String> hidden = contents.hidden();
        if (!hidden.isEmpty()) {
            LOG.info("extract {}: {} hidden file(s) not read (names starting with . or _): {}{}", schema.name(), hidden.size(),
                    String.join(", ", hidden.subList(0, Math.min(HIDDEN_NAMED, hidden.size()))),
                    hidden.size() > HIDDEN_NAMED ? " and " + (hidden.size() - HIDDEN_NAMED) + " more" : "");
        }
        return contents.skipped();
    }

    /**
     * The elements of the streams one after the other, each taken as the iterator reaches it.
     * Concatenated, not flat-mapped: an iterator over {@code Stream.flatMap} takes each inner
     * stream whole into a buffer (every set-aside row of an extract, raw lines and all, on the
     * driver at once); over {@code Stream.concat} it takes one element at a time.
     */
    static <T> Iterator<T> oneAfterAnother(List<Stream<T>> parts) {
        return parts.stream().reduce(Stream.empty(), Stream::concat).iterator();
    }

    /** The elements of an iterator as a sequential stream, taken as the stream is consumed. */
    static <T> Stream<T> streamOf(Iterator<T> iterator) {
        Iterable<T> iterable = () -> iterator;
        return StreamSupport.stream(iterable.spliterator(), false);
    }
}
