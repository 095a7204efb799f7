package org.netmarket.pipeline;

import org.apache.spark.sql.SparkSession;
import org.netmarket.config.PipelineConfig;
import org.netmarket.config.UsageException;
import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionLoader;
import org.netmarket.edition.Indicator;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.facts.EvaluationPeriod;
import org.netmarket.facts.FactBuilder;
import org.netmarket.facts.FactSheet;
import org.netmarket.facts.StagedFactCounts;
import org.netmarket.items.ItemRegistry;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.scoring.EvaluationRollup;
import org.netmarket.scoring.ItemScore;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.staging.DataDirectory;
import org.netmarket.staging.FileReport;
import org.netmarket.staging.Ingestion;
import org.netmarket.staging.LoadedExtract;
import org.netmarket.staging.StagingArea;
import org.netmarket.warehouse.JdbcSettings;
import org.netmarket.warehouse.PublishLock;
import org.netmarket.warehouse.Publication;
import org.netmarket.warehouse.PublishedScores;
import org.netmarket.warehouse.RunLedger;
import org.netmarket.warehouse.RunRecord;
import org.netmarket.warehouse.ScorePublisher;
import org.netmarket.warehouse.ScoreChanges;
import org.netmarket.warehouse.ScoreRows;
import org.netmarket.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the scoring job, stage by stage: edition, warehouse lock and run registration,
 * ingest (read, validate, quarantine, deduplicate), facts, scores, publish. Nothing is published
 * unless every stage succeeded; a failed run is recorded as failed with its reason.
 */
public final class ScoringPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringPipeline.class);
    /** Version recorded in pipeline_run. */
    public static final String APP_VERSION = ScoringPipeline.class.getPackage().getImplementationVersion() == null
            ? "dev" : ScoringPipeline.class.getPackage().getImplementationVersion();

    private final PipelineConfig config;
    private final Map<String, String> env;

    public ScoringPipeline(PipelineConfig config, Map<String, String> env) {
        this.config = config;
        this.env = env;
    }

    public RunOutcome run() throws IOException, SQLException {
        Edition edition;
        try (Stage s = Stage.start("edition")) {
            edition = new EditionLoader(ItemRegistry::has).load(config.edition());
            LOG.info("edition {}: {} indicators, {} items", edition.id(), edition.indicators().size(), edition.items().size());
        }
        List<String> itemCodes;
        try {
            itemCodes = config.items() == null ? null : edition.expandItemCodes(config.items());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--items: " + e.getMessage());
        }
        boolean publishing = !config.dryRun() && !config.validateOnly();
        String jdbcUrl = config.jdbcUrl() != null ? config.jdbcUrl() : env.get(JdbcSettings.URL_ENV);
        if (publishing && jdbcUrl == null) {
            throw new UsageException("no warehouse to publish to: give --jdbc-url or set "
                    + JdbcSettings.URL_ENV + " (or use --dry-run to print the scorecard only)");
        }
        Warehouse warehouse = null;
        PublishLock lock = null;
        RunLedger ledger = null;
        long runId = -1;
        RunFolder folder = RunFolder.create(config.reportDir(), config.command());
        try {
            if (publishing) {
                try (Stage s = Stage.start("warehouse")) {
                    warehouse = Warehouse.open(JdbcSettings.of(jdbcUrl, env));
                    lock = PublishLock.acquire(warehouse.connect(), config.waitForLock());
                    ledger = new RunLedger(warehouse);
                    runId = ledger.start(runRecord(edition));
                    ledger.closeAbandoned(runId);
                    LOG.info("run {} registered in {}", runId, warehouse.settings().redactedUrl());
                }
            }
            try {
                RunOutcome outcome = runStages(edition, itemCodes, warehouse, ledger, runId, folder);
                LOG.info("run folder: {}", folder.path());
                return outcome;
            } catch (RuntimeException | IOException | SQLException | Error e) {
                if (ledger != null) {
                    recordFailure(ledger, runId, e);
                }
                throw e;
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
            folder.close();
        }
    }

    private RunOutcome runStages(Edition edition, List<String> itemCodes, Warehouse warehouse, RunLedger ledger, long runId,
                                 RunFolder folder) throws IOException, SQLException {
        SparkSession spark = SparkSessions.getOrCreate(config);
        DataDirectory dir = DataDirectory.of(config.dataDir(), spark.sparkContext().hadoopConfiguration());
        SchemaCatalog catalog = SchemaCatalog.load();
        StagingArea staging = null;
        StagingArea.Plan plan = null;
        String fingerprint = null;
        if (config.incremental()) {
            SparkSessions.cacheSmallDatasetsUncompressed(spark);
            try (Stage s = Stage.start("staging plan")) {
                staging = StagingArea.open(spark, config.stagingDir());
                fingerprint = StagingArea.fingerprint(APP_VERSION, edition, catalog.all());
                plan = staging.plan(dir, catalog.all(), fingerprint, config.fullRebuild());
                if (plan.rebuild()) {
                    LOG.info("rebuilding the staging area {} from the raw extracts: {}", staging.root(), plan.reason());
                } else {
                    LOG.info("staging area {}: {} file(s) delivered since it was built", staging.root(), plan.newFileCount());
                }
            }
            if (!plan.rebuild() && plan.newFileCount() == 0 && ledger != null && config.skipWhenUnchanged()) {
                String unchanged = unchangedSincePublished(staging, warehouse, ledger);
                if (unchanged != null) {
                    ledger.succeedWithoutPublishing(runId, unchanged);
                    LOG.info("{}; nothing to publish", unchanged);
                    return new RunOutcome(runId, false, edition.id(), null, List.of(), List.of(), 0, 0, folder.path(),
                            warehouse.settings().redactedUrl(), unchanged, List.of());
                }
            }
            if (!plan.rebuild()) {
                staging.compact(StagingArea.staged(catalog.all()));
            }
        }
        Ingestion.Result ingest;
        List<FileReport> files;
        try {
            try (Stage s = Stage.start("ingest")) {
                LOG.info("data directory {}", dir.root());
                Ingestion ingestion = new Ingestion(spark, catalog);
                ingest = staging == null ? ingestion.ingest(dir, edition) : ingestion.ingest(dir, edition, staging, plan);
            }
            files = ingest.files();
            // The lineage of a merging night: the files it read and those of the staged state it
            // scores from, staged by earlier runs (what a full read of the same state would list).
            List<RunLedger.InputFile> lineage = RunLedger.InputFile.of(files,
                    staging == null ? Map.of() : staging.stagedEarlier(plan, files));
            try (Stage s = Stage.start("quarantine report")) {
                folder.writeInputs(lineage);
                folder.writeQuarantine(ingest.quarantine());
                if (ledger != null) {
                    ledger.recordInputs(runId, lineage, ingest.summaries(), ingest.rowsRead(), ingest.rowsQuarantined());
                    ledger.recordQuarantine(runId, folder.quarantine());
                }
                LOG.info("{} rows read, {} quarantined; report {}", ingest.rowsRead(), ingest.rowsQuarantined(),
                        folder.path().resolve("quarantine.csv"));
            }
            checkInput(ingest);
        } catch (RuntimeException | IOException | SQLException | Error e) {
            if (staging != null) {
                staging.abandon();
            }
            throw e;
        }
        if (staging != null) {
            staging.commit(plan, dir.root(), fingerprint, files, ingest.referencedRows());
        }
        if (config.validateOnly()) {
            return new RunOutcome(runId, false, edition.id(), ingest.regions(), List.of(), files, ingest.rowsRead(),
                    ingest.rowsQuarantined(), folder.path(), null, "validated only", List.of());
        }
        RegionTree tree = ingest.regions();
        List<Region> scored = regionsToScore(tree);
        List<Integer> years = config.years().isEmpty() ? List.of(LatestCompleteYear.of(ingest.extracts())) : config.years();
        if (ledger != null && config.years().isEmpty()) {
            ledger.recordYears(runId, years);
        }
        FactBuilder facts = new FactBuilder(edition, tree, ingest.extracts(),
                staging == null ? null : new StagedFactCounts(staging), years);
        List<RegionScorecard> cards = new ArrayList<>();
        List<Publication> publications = new ArrayList<>();
        List<FactSheet> factCounts = new ArrayList<>();
        for (int year : years) {
            EvaluationPeriod period = config.asOf() == null ? EvaluationPeriod.of(year) : new EvaluationPeriod(year, config.asOf());
            FactSheet sheet;
            try (Stage s = Stage.start("facts " + year + " (as of " + period.asOf() + ")")) {
                sheet = facts.build(period);
            }
            if (config.factsCsv() != null) {
                factCounts.add(sheet);
            }
            List<RegionScorecard> yearCards = new ArrayList<>();
            try (Stage s = Stage.start("score " + year)) {
                // Regions are scored independently from facts that are only read by now.
                yearCards.addAll(scored.parallelStream().map(r -> RegionEvaluator.evaluate(edition, sheet, r)).toList());
                if (itemCodes != null && warehouse != null) {
                    yearCards = keepPublished(edition, warehouse, year, yearCards, Set.copyOf(itemCodes));
                }
            }
            cards.addAll(yearCards);
            publications.add(new Publication(edition, year, scored.stream().map(Region::code).toList(),
                    itemCodes == null ? null : codesInScope(edition, itemCodes), ScoreRows.of(edition, yearCards, period.asOf())));
        }
        if (config.factsCsv() != null) {
            FactCountsCsv.write(Path.of(config.factsCsv()), factCounts);
            LOG.info("record-level counts written to {}", config.factsCsv());
        }
        List<ScoreChanges.Change> changes = List.of();
        if (warehouse != null) {
            try (Stage s = Stage.start("publish")) {
                changes = new ScorePublisher(warehouse).publish(runId, tree.all(), publications);
            }
            if (staging != null) {
                staging.published(runId, warehouse.settings().redactedUrl());
            }
        }
        return new RunOutcome(runId, warehouse != null, edition.id(), tree, cards, files, ingest.rowsRead(),
                ingest.rowsQuarantined(), folder.path(), warehouse == null ? null : warehouse.settings().redactedUrl(),
                warehouse == null ? "dry run: nothing was published" : null, changes);
    }

    /**
     * Null when the staged state still has to be published (no run published it to this
     * warehouse, or that run is not recorded as succeeded there); otherwise a note saying that
     * nothing was delivered since the run that published it.
     */
    private static String unchangedSincePublished(StagingArea staging, Warehouse warehouse, RunLedger ledger) throws SQLException {
        StagingArea.Published published = staging.manifest().published();
        if (published == null || !published.warehouse().equals(warehouse.settings().redactedUrl())
                || !ledger.succeeded(published.runId())) {
            LOG.info("the staged state was not published to this warehouse yet: scoring it");
            return null;
        }
        return "no new or changed files since run " + published.runId();
    }

    /** Stops the run before publishing when a file is unreadable or an extract has too many bad rows. */
    private void checkInput(Ingestion.Result ingest) {
        List<String> problems = new ArrayList<>();
        for (FileReport f : ingest.files()) {
            if (f.failed()) {
                problems.add(f.problem());
            }
        }
        // regions.csv is an extract of the contract like the others, though read apart from them.
        tooManyQuarantined("regions", ingest.regionsQuarantined().size(), ingest.regionsReport().rowsRead(), problems);
        for (LoadedExtract e : ingest.extracts().values()) {
            tooManyQuarantined(e.name(), e.quarantinedOfRowsRead(), e.rowsRead(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Adds a problem when quarantined / read is above the threshold, decided exactly. */
    private void tooManyQuarantined(String extract, long quarantined, long read, List<String> problems) {
        BigDecimal threshold = config.quarantineThreshold();
        if (read > 0 && BigDecimal.valueOf(quarantined).compareTo(threshold.multiply(BigDecimal.valueOf(read))) > 0) {
            problems.add(String.format(java.util.Locale.ROOT,
                    "extract %s: %d of %d rows quarantined (%.1f%%), more than the allowed %s%%; see the quarantine report",
                    extract, quarantined, read, 100.0 * quarantined / read,
                    threshold.movePointRight(2).stripTrailingZeros().toPlainString()));
        }
    }

    private List<Region> regionsToScore(RegionTree tree) {
        if (config.regions() == null) {
            return tree.all();
        }
        List<Region> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String code : new LinkedHashSet<>(config.regions())) {
            if (tree.contains(code)) {
                out.add(tree.get(code));
            } else {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UsageException("--regions names region(s) not in regions.csv: " + String.join(", ", unknown));
        }
        return out;
    }

    /** Item codes plus the codes of their indicators: the indicator_score rows an item recompute replaces. */
    private static List<String> codesInScope(Edition edition, List<String> itemCodes) {
        Set<String> codes = new LinkedHashSet<>(itemCodes);
        for (String code : itemCodes) {
            codes.add(edition.item(code).indicatorCode());
        }
        return List.copyOf(codes);
    }

    /**
     * When only some items are recomputed, the other items keep their published points, so the
     * categories and total combine the new items with what is published.
     */
    private static List<RegionScorecard> keepPublished(Edition edition, Warehouse warehouse, int year,
                                                       List<RegionScorecard> fresh, Set<String> recomputed) throws SQLException {
        Map<String, Map<String, PublishedScores.PublishedItem>> published = PublishedScores.read(warehouse, year,
                fresh.stream().map(RegionScorecard::regionCode).toList());
        List<RegionScorecard> out = new ArrayList<>();
        for (RegionScorecard card : fresh) {
            Map<String, PublishedScores.PublishedItem> mine = published.getOrDefault(card.regionCode(), Map.of());
            Map<String, ItemScore> items = new LinkedHashMap<>();
            for (ItemScore s : card.items()) {
                PublishedScores.PublishedItem p = mine.get(s.code());
                items.put(s.code(), recomputed.contains(s.code()) || p == null ? s
                        : new ItemScore(s.item(), p.status(), p.points(), null, null, p.reason()));
            }
            out.add(EvaluationRollup.rollUp(edition, card.regionCode(), year, items));
        }
        return out;
    }

    private RunRecord runRecord(Edition edition) {
        return new RunRecord(config.mode().code(), config.command(), edition.id(), config.years().isEmpty() ? null : config.years(),
                config.asOf(), config.regions(), config.items(), config.dataDir(), config.parameters(), host(), APP_VERSION);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void recordFailure(RunLedger ledger, long runId, Throwable e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        try {
            ledger.fail(runId, reason);
        } catch (SQLException | RuntimeException ex) {
            // The database may be the reason; the next run marks this one failed.
            LOG.warn("could not record run {} as failed ({}); the next run will", runId, ex.getMessage());
        }
    }
}
