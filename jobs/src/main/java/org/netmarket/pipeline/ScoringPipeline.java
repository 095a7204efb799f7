package org.netmarket.pipeline;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.netmarket.config.EnvironmentException;
import org.netmarket.config.JobVersion;
import org.netmarket.config.PipelineConfig;
import org.netmarket.config.RunMode;
import org.netmarket.config.UsageException;
import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionLoader;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.facts.EvaluationPeriod;
import org.netmarket.facts.FactBuilder;
import org.netmarket.facts.FactSheet;
import org.netmarket.facts.StagedFactCounts;
import org.netmarket.items.ItemRegistry;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.Reason;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.staging.DataDirectory;
import org.netmarket.staging.FileReport;
import org.netmarket.staging.Ingestion;
import org.netmarket.staging.RegionsFile;
import org.netmarket.staging.StagingArea;
import org.netmarket.warehouse.BiRole;
import org.netmarket.warehouse.JdbcSettings;
import org.netmarket.warehouse.PublicationOutcomeUnknown;
import org.netmarket.warehouse.PublishLock;
import org.netmarket.warehouse.Publication;
import org.netmarket.warehouse.RunLedger;
import org.netmarket.warehouse.RunRecord;
import org.netmarket.warehouse.ScorePublisher;
import org.netmarket.warehouse.ScoreChanges;
import org.netmarket.warehouse.ScoreRows;
import org.netmarket.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One run of the scoring job, stage by stage: edition, warehouse lock and run registration,
 * ingest (read, validate, quarantine, deduplicate), facts, scores, publish. Nothing is published
 * unless every stage succeeded; a failed run is recorded as failed with its reason.
 */
public final class ScoringPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringPipeline.class);
    /**
     * How long a stopped job (SIGTERM) may take to record itself as stopped before the JVM exits
     * anyway: well inside systemd's 90 s stop timeout, and about what Spark's own hooks take.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final PipelineConfig config;
    private final Map<String, String> env;
    /** The run's folder once created; null before (or when it could not be created). */
    private Path runFolder;
    // What a dry run's summary adds to "nothing was published": what it could not show.
    private final List<String> dryRunCaveats = new ArrayList<>();
    /**
     * Set by a shutdown hook while the run goes on: a failure after it is the run being stopped
     * (SIGTERM from a scheduler, Ctrl-C), and is recorded as that rather than as what broke.
     */
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Counted down when {@link #run} has recorded how it ended and let go of the lock. */
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Stages stages = new Stages(stopping::get);
    /** When the run started: files modified less than --min-file-age before it are left for later. */
    private final Instant started = Instant.now();
    /** What the run scores, checked as early as each part can be. */
    private final RunScope scope;

    public ScoringPipeline(PipelineConfig config, Map<String, String> env) {
        this.config = config;
        this.env = env;
        this.scope = new RunScope(config);
    }

    /**
     * The folder of the run once {@link #run} created it: after a run that stopped, where its
     * run.log (and the quarantine report, when the extracts were read) can be found.
     */
    public Optional<Path> runFolder() {
        return Optional.ofNullable(runFolder);
    }

    public RunOutcome run() throws IOException, SQLException {
        // Loaded and checked with the options before the run folder exists: a bad edition or option
        // is a usage error that leaves no folder behind.
        Edition edition = new EditionLoader(ItemRegistry.COMPUTATIONS).load(config.edition());
        List<String> itemCodes = scope.checkOptions(edition);
        boolean publishing = !config.dryRun() && !config.validateOnly();
        String jdbcUrl = config.jdbcUrl() != null ? config.jdbcUrl() : env.get(JdbcSettings.URL_ENV);
        if (publishing && jdbcUrl == null) {
            // nightly has no --dry-run to point to.
            throw new UsageException("no warehouse to publish to: give --jdbc-url or set " + JdbcSettings.URL_ENV
                    + (config.mode() == RunMode.NIGHTLY ? "" : " (or use --dry-run to print the scorecard only)"));
        }
        // A --data that is no location (file:relative) is bad usage here too, as a dry run finds
        // it, not a failure of registering the run that names it.
        DataDirectory.uriOf(config.dataDir());
        RunFolder folder = RunFolder.create(config.reportDir(), config.command());
        runFolder = folder.path();
        LOG.info("edition {}: {} indicators, {} items", edition.id(), edition.indicators().size(), edition.items().size());
        RunFolder.deleteExpired(folder.path().getParent(), config.keepRunFoldersDays(), LocalDateTime.now());
        Registration registration = null;
        Thread stopFlag = new Thread(this::stopRequested, "netmarket-stop-flag");
        Runtime.getRuntime().addShutdownHook(stopFlag);
        try {
            if (publishing) {
                try {
                    registration = stages.run("warehouse", () -> register(jdbcUrl, edition));
                } catch (SQLException | RuntimeException e) {
                    // A warehouse whose disk is full refuses to register the run (or to migrate).
                    EnvironmentException full = NoSpaceLeft.of(e, placesWritten());
                    if (full != null) {
                        throw full;
                    }
                    throw e;
                }
            }
            Warehouse warehouse = registration == null ? null : registration.warehouse();
            RunLedger ledger = registration == null ? null : registration.ledger();
            long runId = registration == null ? -1 : registration.runId();
            Warehouse published = warehouse != null || config.validateOnly() || jdbcUrl == null ? warehouse
                    : dryRunWarehouse(jdbcUrl, itemCodes != null);
            if (itemCodes != null && published == null) {
                LOG.warn("dry run without a warehouse: the items not recomputed are shown as computed now, not with their "
                        + "published points (give --jdbc-url to preview what publishing would do)");
                dryRunCaveats.add("the items not recomputed are shown as computed now, not with their published points "
                        + "(no warehouse given)");
            }
            try {
                RunOutcome outcome = runStages(new Run(edition, itemCodes, warehouse,
                        registration == null ? null : registration.lock(), published, ledger, runId, folder));
                LOG.info("run folder: {}", folder.path());
                return outcome;
            } catch (Exception | Error e) {
                // Exception, not only the declared ones: Spark throws checked exceptions undeclared
                // (AnalysisException, SparkException), and such a run must be recorded as failed too.
                // A publication whose outcome is not known is said as that even when the job is being
                // stopped: "interrupted before it finished" would say that nothing was published.
                RuntimeException interrupted = stopping.get() && !PublicationOutcomeUnknown.isCauseOf(e) ? interrupted(e) : null;
                // A connection lost for a moment (the ledger may be reachable again) or a full disk:
                // recorded as the environment's failure, as the console says it.
                EnvironmentException outside = interrupted != null ? null
                        : Optional.ofNullable(jdbcUrl == null ? null : Warehouse.lostConnection(e, JdbcSettings.redact(jdbcUrl)))
                                .orElseGet(() -> NoSpaceLeft.of(e, placesWritten()));
                Throwable failure = interrupted != null ? interrupted : outside != null ? outside : e;
                boolean recorded = ledger != null && recordFailure(ledger, runId, failure,
                        interrupted != null ? RunLedger.FailureKind.INTERRUPTED : RunFailure.kindOf(failure));
                if (stopping.get()) {
                    // Said here, in the run's log: the JVM may exit before the caller reports it.
                    LOG.warn("{}{}", failure.getMessage(), recorded ? "; run " + runId + " recorded as failed" : "");
                }
                if (interrupted != null) {
                    throw interrupted;
                }
                if (outside != null) {
                    throw outside;
                }
                throw e;
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopFlag);
            } catch (IllegalStateException shuttingDown) {
                // The hook has run or is running: nothing to remove.
            }
            try {
                if (registration != null) {
                    registration.lock().close();
                }
                folder.close();
            } finally {
                ended.countDown();
            }
        }
    }

    /**
     * The shutdown hook: no further stage starts, Spark's own hook cancels the running Spark
     * work, a publication under way rolls back before its commit, and the JVM's exit is held (for
     * at most {@link #STOP_GRACE}) until the run has recorded itself as stopped and let go of the
     * lock, so that pipeline_run says what happened rather than 'running' until the next run
     * closes it; then until the command line has said so too ({@link StopReport}).
     */
    private void stopRequested() {
        // From here on Spark logs its own shutting down under the run (jobs cancelled, blocks and
        // its class server gone) as errors with stack traces: noise that would bury the one line
        // saying the run was stopped, which is what a scheduler's mail shows (the log's last lines).
        // Silenced before the run can see the flag, so that nothing of it follows that line.
        Configurator.setAllLevels("org.apache", Level.OFF);
        stopping.set(true);
        try {
            if (!ended.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the run did not stop within {} s; the next run will record it as failed", STOP_GRACE.toSeconds());
            } else {
                StopReport.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The warehouse a dry run reads, never writes: to preview what publishing would change and,
     * recomputing some items, to roll them up with the others' published points. Unreachable, it
     * stops a dry run of some items (which needs those points); any other dry run goes on without
     * the preview, with a warning.
     */
    private Warehouse dryRunWarehouse(String jdbcUrl, boolean needed) {
        try {
            return Warehouse.forReading(JdbcSettings.of(jdbcUrl, env));
        } catch (EnvironmentException e) {
            if (needed) {
                throw e;
            }
            LOG.warn("{}: the dry run goes on without listing what publishing would change", e.getMessage());
            dryRunCaveats.add("nothing was compared with the warehouse either (" + e.getMessage() + ")");
            return null;
        }
    }

    /** What a dry run's summary ends with: nothing was published, and what the run could not show. */
    private String dryRunNote() {
        return String.join("; ", Stream.concat(Stream.of("dry run: nothing was published"), dryRunCaveats.stream()).toList());
    }

    /** A publishing run's warehouse, the lock it holds on it for the whole run, and its entry in the run ledger. */
    private record Registration(Warehouse warehouse, PublishLock lock, RunLedger ledger, long runId) {
    }

    /**
     * Opens (and migrates) the warehouse, takes the publishing lock, registers the run, closes
     * runs abandoned since and gives the BI role its password when one is set; the lock is let go
     * again when any of it fails, and a failure after registering is recorded on the run. A run
     * that cannot get the lock is recorded as failed, saying which run held it, so that
     * pipeline_run lists every run a scheduler started.
     */
    private Registration register(String jdbcUrl, Edition edition) throws SQLException {
        Warehouse warehouse = Warehouse.open(JdbcSettings.of(jdbcUrl, env));
        PublishLock lock;
        try {
            lock = PublishLock.acquire(warehouse.connect(), config.waitForLock(), stopping::get);
        } catch (PublishLock.LockedException e) {
            // Stopped (SIGTERM, Ctrl-C) while waiting: recorded as every stopped run is, not as a lock
            // that timed out, which dashboards would show as a night that found the warehouse busy.
            boolean stopped = stopping.get();
            RuntimeException failure = stopped ? interrupted(e, Reason.of(" (" + e.getMessage() + ")",
                    "（" + RunFailure.inChinese(e) + "）")) : e;
            RunLedger.FailureKind kind = stopped ? RunLedger.FailureKind.INTERRUPTED : RunLedger.FailureKind.LOCK;
            try {
                long runId = new RunLedger(warehouse).refused(runRecord(edition), failure.getMessage(), RunFailure.inChinese(failure), kind);
                if (stopped) {
                    LOG.warn("{}; run {} recorded as failed", failure.getMessage(), runId);
                } else {
                    LOG.info("run {} recorded as failed: the warehouse lock was held", runId);
                }
            } catch (SQLException | RuntimeException ex) {
                LOG.warn("could not record the refused run in pipeline_run: {}", ex.getMessage());
            }
            throw failure;
        }
        try {
            RunLedger ledger = new RunLedger(warehouse);
            long runId = ledger.start(runRecord(edition));
            try {
                ledger.closeAbandoned(runId);
                // Once the run is registered: a BI password that cannot be set (a warehouse user
                // without CREATEROLE) fails the run as recorded, not before pipeline_run knows of it.
                BiRole.setPasswordIfGiven(warehouse, warehouse.settings().biPassword());
            } catch (SQLException | RuntimeException e) {
                recordFailure(ledger, runId, e, RunFailure.kindOf(e));
                throw e;
            }
            LOG.info("run {} registered in {}", runId, warehouse.settings().redactedUrl());
            return new Registration(warehouse, lock, ledger, runId);
        } catch (SQLException | RuntimeException | Error e) {
            // An Error too: the caller has no registration to close, and a JVM that lives on (an
            // embedding process, the tests) would keep the lock's session, and every later run wait.
            lock.close();
            throw e;
        }
    }

    /**
     * The run being executed: its edition, the items it recomputes (null for all), and, when it
     * publishes, the warehouse and the ledger it is registered in (else null and -1); the
     * warehouse the published scores are read from (the same one, or a dry run's, read only; null
     * when a dry run has none); its report folder in every case.
     */
    private record Run(Edition edition, List<String> itemCodes, Warehouse warehouse, PublishLock lock, Warehouse published,
                       RunLedger ledger, long runId, RunFolder folder) {
    }

    /** A nightly run's staging area, what the run does to it, and the fingerprint it commits it under. */
    private record PlannedStaging(StagingArea area, StagingArea.Plan plan, String fingerprint) {
    }

    /**
     * What scoring the years produced: every scorecard, a publication per year, and the fact
     * sheets kept for --facts-csv.
     */
    private record Scores(List<RegionScorecard> cards, List<Publication> publications, List<FactSheet> factSheets) {
    }

    /** What ingesting produced: the extracts read, and the rows set aside per region, for the lineage. */
    private record Ingested(Ingestion.Result result, RegionRowCounts rowsByRegion) {
    }

    /**
     * The stages after registration: staging plan (nightly), ingest, facts and scores per year,
     * publish. A nightly run asked to skip unchanged data stops after the plan when nothing was
     * delivered since its staged state was published.
     */
    private RunOutcome runStages(Run run) throws IOException, SQLException {
        SparkSession spark = SparkSessions.getOrCreate(config);
        try {
            return runStages(run, spark);
        } finally {
            // What the run cached (and the plans, broadcast tables and key filters behind it) is
            // the run's: a driver that runs the job again in the same session (the test suite,
            // an embedding application) would otherwise keep every run's until its heap is full.
            spark.catalog().clearCache();
        }
    }

    private RunOutcome runStages(Run run, SparkSession spark) throws IOException, SQLException {
        DataDirectory dir = DataDirectory.of(config.dataDir(), spark.sparkContext().hadoopConfiguration())
                .settled(config.minFileAge(), started);
        dir.rootProblem().ifPresent(why -> {
            // A scheduled run's data directory is configured once: missing, it is a share not
            // mounted (yet), which a retry may find (exit 1); an analyst's is a --data to correct (exit 2).
            throw config.mode() == RunMode.NIGHTLY
                    ? new EnvironmentException(Reason.of("the data directory " + dir.shown() + " " + why.en()
                            + ": is the delivery share mounted? (the scheduler may retry)",
                            "数据目录 " + dir.shown() + " " + why.zh() + "：投递共享目录是否已挂载？（调度可以重试）"), null)
                    : new UsageException(Reason.of(DataDirectory.WHAT.en() + " " + dir.shown() + " " + why.en(),
                            DataDirectory.WHAT.zh() + dir.shown() + " " + why.zh() + "；" + UsageException.NOTHING_PUBLISHED_ZH));
        });
        SchemaCatalog catalog = SchemaCatalog.load();
        if (!config.incremental()) {
            return ingestScoreAndPublish(run, spark, dir, catalog, null);
        }
        PlannedStaging staging = planStaging(spark, dir, catalog, run.edition());
        try (SparkSessions.Setting uncompressed = SparkSessions.cacheSmallDatasetsUncompressed(spark)) {
            RunOutcome skipped = skipWhenUnchanged(run, staging, dir, catalog);
            if (skipped != null) {
                return skipped;
            }
            if (!staging.plan().rebuild()) {
                staging.area().compact(catalog.withoutRegions());
            }
            return ingestScoreAndPublish(run, spark, dir, catalog, staging);
        } catch (Exception e) {
            // Spark failing to read a staged generation is the machine's state, not a defect.
            Optional<EnvironmentException> damage = staging.area().damage(e);
            if (damage.isPresent()) {
                throw damage.get();
            }
            throw e;
        }
    }

    /** Reads the extracts (merging them into the staging area, when there is one), scores and publishes. */
    private RunOutcome ingestScoreAndPublish(Run run, SparkSession spark, DataDirectory dir, SchemaCatalog catalog,
                                             PlannedStaging staging) throws IOException, SQLException {
        Ingested ingested = ingest(run, new Ingestion(spark, catalog), catalog, dir, staging);
        Ingestion.Result ingest = ingested.result();
        List<FileReport> files = ingest.files();
        if (staging != null) {
            staging.area().commit(staging.plan(), dir.root(), staging.fingerprint(), files, ingest.referencedRows(),
                    ingested.rowsByRegion()::rejectedOf);
        }
        if (config.validateOnly()) {
            return new RunOutcome(run.runId(), false, run.edition(), ingest.regions(), List.of(), files, ingest.rowsRead(),
                    ingest.rowsQuarantined(), run.folder().path(), null, "validated only", ScoreChanges.Report.NONE, ingest.notRead(),
                    ingest.notDelivered(),
                    InputProblems.of(ingest, config.quarantineThreshold(), Map.of()).stream().map(Reason::en).toList(),
                    run.itemCodes());
        }
        RegionTree tree = ingest.regions();
        List<Region> regions = scope.regions(tree, ingest.regionsSetAside());
        List<Integer> years = scope.years();
        if (config.years().isEmpty() && run.ledger() != null) {
            // The year the data chose, which the run record could not name when it was registered.
            run.ledger().recordYears(run.runId(), years);
        }
        FactBuilder facts = new FactBuilder(run.edition(), tree, ingest.extracts(),
                staging == null ? null : new StagedFactCounts(staging.area()), years);
        Scores scores = scoreYears(run, facts, regions, years, ingest.regionsSetAside(), ingested.rowsByRegion());
        if (config.factsCsv() != null) {
            FactCountsCsv.write(Path.of(config.factsCsv()), scores.factSheets());
            LOG.info("record-level counts written to {}", config.factsCsv());
        }
        ScoreChanges.Report changes = run.warehouse() == null && run.published() != null
                ? ScoreChanges.preview(run.published(), scores.publications())
                : publish(run, tree, scores.publications(), staging);
        try {
            run.folder().writeChanges(changes);
        } catch (IOException e) {
            // After publishing: the scores and score_change stand; only the report file is missing.
            LOG.warn("cannot write changes.csv to the run folder {}: {}", run.folder().path(), e.getMessage());
        }
        NeedsAttentionLog.lines(scores.cards(), tree).forEach(LOG::warn);
        Warehouse warehouse = run.warehouse() != null ? run.warehouse() : run.published();
        return new RunOutcome(run.runId(), run.warehouse() != null, run.edition(), tree, scores.cards(), files,
                ingest.rowsRead(), ingest.rowsQuarantined(), run.folder().path(),
                warehouse == null ? null : warehouse.settings().redactedUrl(),
                run.warehouse() == null ? dryRunNote() : null, changes, ingest.notRead(), ingest.notDelivered(),
                List.of(), run.itemCodes());
    }

    /** Opens the staging area and decides whether this run merges the new files into it or rebuilds it. */
    private PlannedStaging planStaging(SparkSession spark, DataDirectory dir, SchemaCatalog catalog, Edition edition)
            throws IOException, SQLException {
        return stages.run("staging plan", () -> {
            StagingArea staging = StagingArea.open(spark, config.stagingDir());
            String fingerprint = StagingArea.fingerprint(JobVersion.current(), edition, catalog.all());
            StagingArea.Plan plan = staging.plan(dir, catalog.all(), fingerprint, config.fullRebuild());
            if (plan.rebuild()) {
                LOG.info("rebuilding the staging area {} from the raw extracts: {}", staging.root(), plan.reason());
            } else {
                LOG.info("staging area {}: {} file(s) delivered since it was built", staging.root(), plan.newFileCount());
            }
            return new PlannedStaging(staging, plan, fingerprint);
        });
    }

    /**
     * The outcome of a publishing run that stops early because nothing was delivered since it
     * published the staged state to this warehouse (only when asked to skip such runs, and for
     * the default scope: a year or regions asked for are scored); null when the run goes on.
     */
    private RunOutcome skipWhenUnchanged(Run run, PlannedStaging staging, DataDirectory dir, SchemaCatalog catalog)
            throws SQLException {
        StagingArea.Plan plan = staging.plan();
        if (plan.rebuild() || plan.newFileCount() != 0 || run.ledger() == null || !config.skipWhenUnchanged()
                || !config.defaultScope()) {
            return null;
        }
        String unchanged = unchangedSincePublished(staging.area(), run.ledger(), run.edition());
        if (unchanged == null) {
            return null;
        }
        List<DataDirectory.SkippedFile> notRead = Ingestion.filesNotRead(dir, catalog, staging.plan().listed());
        if (!notRead.isEmpty()) {
            unchanged += "; " + notRead.size() + " file(s) of the data directory not read (named in the run's log)";
        }
        run.ledger().succeedWithoutPublishing(run.runId(), unchanged);
        LOG.info("{}; nothing to publish", unchanged);
        if (config.factsCsv() != null) {
            // Said, or a script waiting for the file would find the one of an earlier night, or none.
            LOG.info("--{} {} not written: nothing was scored (--force scores the staged state)", PipelineConfig.FACTS_CSV,
                    config.factsCsv());
        }
        return new RunOutcome(run.runId(), false, run.edition(), null, List.of(), List.of(), 0, 0, run.folder().path(),
                run.warehouse().settings().redactedUrl(), unchanged, ScoreChanges.Report.NONE, notRead, List.of(), List.of(),
                run.itemCodes());
    }

    /**
     * Reads, validates, quarantines and deduplicates every extract (merging into the staging
     * area on a nightly run), records what was read, and stops the run when the input is
     * unusable; on any failure this run's staged generations are discarded.
     */
    private Ingested ingest(Run run, Ingestion ingestion, SchemaCatalog catalog, DataDirectory dir, PlannedStaging staging)
            throws IOException, SQLException {
        try {
            Ingestion.Result ingest = stages.run("ingest", () -> {
                LOG.info("data directory {}", dir.shown());
                RegionsFile.Result regions = ingestion.readRegions(dir);
                // Each extract folder listed once (on HDFS or S3 a round trip per folder): what is
                // checked, read and said not read is one listing; a nightly's plan has made it.
                Map<String, DataDirectory.Contents> listed = staging == null ? dir.contents(catalog.withoutRegions())
                        : staging.plan().listed();
                if (!config.validateOnly()) {
                    requireSomethingToScore(catalog.withoutRegions().stream().map(s -> listed.get(s.name())).toList(), staging);
                }
                // An unknown --regions code is refused before the extracts are read, a year outside
                // the data once the small extracts that tell its years are, before the big ones.
                List<Region> scoped = scope.regions(regions.tree(), regions.setAside());
                RunScope.staleAncestors(scoped, regions.tree()).ifPresent(LOG::warn);
                List<String> codes = scoped.stream().map(Region::code).toList();
                Ingestion.FirstRead first = config.validateOnly() ? Ingestion.FirstRead.NONE
                        : new Ingestion.FirstRead(DataYears.EXTRACTS,
                                early -> scope.checkAgainstData(early, codes, run.edition(), run.itemCodes(), run.published()));
                return staging == null ? ingestion.ingest(dir, regions, run.edition(), listed, first)
                        : ingestion.ingest(dir, regions, run.edition(), staging.area(), staging.plan(), first);
            });
            // A merging night scores from files staged by earlier runs as well as those it read.
            Map<String, StagingArea.StagedFile> stagedEarlier = staging == null ? Map.of()
                    : staging.area().stagedEarlier(staging.plan(), ingest.files());
            RegionRowCounts rowsByRegion = recordInputs(run, ingest, stagedEarlier, catalog);
            if (!config.validateOnly()) {
                // validate reports the problems with its table of the files
                InputProblems.check(ingest, config.quarantineThreshold(), InputProblems.Earlier.of(stagedEarlier.values()));
            }
            return new Ingested(ingest, rowsByRegion);
        } catch (Exception | Error e) {
            if (staging != null) {
                staging.area().abandon();
            }
            throw e;
        }
    }

    /**
     * Writes the files read and the quarantined rows to the run folder and, when publishing, to
     * the run ledger; counts the rows set aside per region on the way, for the lineage.
     */
    private RegionRowCounts recordInputs(Run run, Ingestion.Result ingest, Map<String, StagingArea.StagedFile> stagedEarlier,
                                         SchemaCatalog catalog) throws IOException, SQLException {
        // The lineage of a merging night: the files it read and those of the staged state it
        // scores from, staged by earlier runs (what a full read of the same state would list).
        List<RunLedger.InputFile> lineage = new ArrayList<>();
        ingest.files().forEach(f -> lineage.add(RunLedger.InputFile.read(f)));
        stagedEarlier.forEach((path, f) -> lineage.add(new RunLedger.InputFile(f.extract(), path, f.encoding(), f.sha256(),
                f.bytes(), f.rowsRead(), f.rowsQuarantined(), f.extraColumns(), null, null, false)));
        // Rows of national figures and operator sales name no region of their own (a sale's is its operator's).
        RegionRowCounts rowsByRegion = new RegionRowCounts(ingest.regions(), catalog.withoutRegions().stream()
                .filter(e -> e.regionColumn().isPresent()).map(ExtractSchema::name).toList());
        stagedEarlier.values().forEach(rowsByRegion::stagedEarlier);
        ingest.extracts().values().forEach(e -> rowsByRegion.conflicts(e.name(), e.conflictRowsByRegion()));
        stages.run("quarantine report", () -> {
            run.folder().writeInputs(lineage);
            QuarantineExamples examples = new QuarantineExamples();
            Path report = run.folder().writeQuarantine(Watched.each(ingest.quarantine(), examples.andThen(rowsByRegion)));
            examples.lines(report.toString()).forEach(LOG::warn);
            if (run.ledger() != null) {
                run.ledger().recordInputs(run.runId(), lineage, ingest.summaries(), ingest.rowsRead(), ingest.rowsQuarantined());
                run.ledger().recordQuarantine(run.runId(), run.folder().quarantine());
            }
            LOG.info("{} rows read, {} quarantined; report {}", ingest.rowsRead(), ingest.rowsQuarantined(), report);
            return null;
        });
        return rowsByRegion;
    }

    /**
     * Refuses a run that would score nothing, since every item would be missing_data and,
     * published, the scorecard would replace real scores with zeros: a data directory with no
     * extract file besides regions.csv (a delivery moved away: bad input), or whose every file is
     * still too recent to read (--min-file-age) with no rows staged before (a delivery still being
     * copied: a later run reads it, so a failure a scheduler retries).
     */
    private static void requireSomethingToScore(List<DataDirectory.Contents> extracts, PlannedStaging staging) {
        if (extracts.stream().noneMatch(DataDirectory.Contents::hasCsvFiles)) {
            throw InvalidInputException.of(Reason.of("the data directory holds no extract file besides regions.csv: nothing to"
                            + " score, nothing published (is the delivery in another folder?)",
                    "数据目录中除 regions.csv 外没有任何数据文件：无可计分，未发布任何结果（数据是否放在了别的文件夹？）"));
        }
        boolean stagedBefore = staging != null && !staging.plan().rebuild();
        if (stagedBefore) {
            return; // the staged rows of an extract stand for its files still arriving
        }
        if (extracts.stream().allMatch(c -> c.files().isEmpty())) {
            throw new EnvironmentException(Reason.of("every extract file of the data directory was modified too recently to be"
                            + " read (--min-file-age): the delivery is still being copied; a later run reads it, nothing published",
                    "数据目录中的数据文件都是刚刚修改的（--min-file-age）：数据仍在复制中，稍后的运行会读取；未发布任何结果"), null);
        }
        List<String> arriving = extracts.stream().filter(DataDirectory.Contents::onlyStillArriving)
                .map(c -> c.skipped().get(0).extract()).toList();
        if (!arriving.isEmpty()) {
            // Scored now, such an extract would read as delivered without a row: its items
            // no_records for every region, published as if there had been nothing to count.
            throw new EnvironmentException(Reason.of("every file of " + String.join(", ", arriving) + " was modified too recently"
                            + " to be read (--min-file-age): still being copied, and scored without them the items would read as"
                            + " delivered with nothing to count; a later run reads them, nothing published",
                    String.join("、", arriving) + " 的文件都是刚刚修改的（--min-file-age）：仍在复制中，此时计分会把相关指标当作已报送但无记录；"
                            + "稍后的运行会读取；未发布任何结果"), null);
        }
    }

    /** Builds the facts of each year and scores the regions from them. */
    private Scores scoreYears(Run run, FactBuilder facts, List<Region> regions, List<Integer> years,
                              Map<String, Long> regionRowsSetAside, RegionRowCounts rowsByRegion)
            throws IOException, SQLException {
        List<RegionScorecard> cards = new ArrayList<>();
        List<Publication> publications = new ArrayList<>();
        List<FactSheet> factSheets = new ArrayList<>();
        // The rows set aside do not depend on the year: rolled up once, for the reasons and the lineage.
        RegionEvaluator.SetAsideRows setAside = rowsByRegion.rolledUp();
        for (int year : years) {
            EvaluationPeriod period = scope.period(year);
            FactSheet sheet = stages.run("facts " + year + " (as of " + period.asOf() + ")", () -> facts.build(period));
            if (config.factsCsv() != null) {
                factSheets.add(sheet);
            }
            List<RegionScorecard> yearCards = scoreRegions(run, sheet, regions, year, setAside);
            cards.addAll(yearCards);
            publications.add(new Publication(run.edition(), year, regions.stream().map(Region::code).toList(),
                    run.itemCodes() == null ? null : ItemRecompute.codesInScope(run.edition(), run.itemCodes()),
                    config.regions() == null && run.itemCodes() == null ? DataDirectory.uriOf(config.dataDir()) : null,
                    regionRowsSetAside, ScoreRows.of(run.edition(), yearCards, period.asOf(), rowsByRegion.rows(sheet, regions, setAside))));
        }
        return new Scores(cards, publications, factSheets);
    }

    /** The scorecards of a year; when only some items are recomputed, the others keep their published points. */
    private List<RegionScorecard> scoreRegions(Run run, FactSheet sheet, List<Region> regions, int year,
                                               RegionEvaluator.SetAsideRows setAside) throws IOException, SQLException {
        return stages.run("score " + year, () -> {
            // Regions are scored independently from facts that are only read by now.
            List<RegionScorecard> cards = regions.parallelStream()
                    .map(r -> RegionEvaluator.evaluate(run.edition(), sheet, r, setAside)).toList();
            if (run.itemCodes() != null && run.published() != null) {
                return ItemRecompute.keepPublished(run.edition(), year, cards, Set.copyOf(run.itemCodes()),
                        scope.publishedItems(year));
            }
            return cards;
        });
    }

    /**
     * Publishes the scores when the run has a warehouse; the changes it made to the published
     * scores. Only a run of the default scope records the staged state it scored, which counts
     * as published once the publishing transaction marks the run succeeded: after a night asked
     * for another year or some regions, the next plain night still scores.
     */
    private ScoreChanges.Report publish(Run run, RegionTree tree, List<Publication> publications,
                                        PlannedStaging staging) throws IOException, SQLException {
        if (run.warehouse() == null) {
            return ScoreChanges.Report.NONE;
        }
        if (staging != null && config.defaultScope()) {
            run.ledger().scoresStagedState(run.runId(), staging.area().manifest().stateId());
        }
        return stages.run("publish",
                () -> new ScorePublisher(run.lock(), run.warehouse(), stopping::get).publish(run.runId(), tree.all(), publications));
    }

    /**
     * Null when the staged state still has to be published (no run that succeeded in this
     * warehouse published it, or another run replaced what it published since); otherwise a note
     * saying that nothing was delivered since the run that did.
     */
    private static String unchangedSincePublished(StagingArea staging, RunLedger ledger, Edition edition) throws SQLException {
        OptionalLong published = ledger.publishedStagedState(staging.manifest().stateId(), staging.manifest().dataDir(),
                edition.sourceSha256());
        if (published.isEmpty()) {
            LOG.info("the staged state is not what this warehouse shows (not published to it yet, another run published "
                    + "since, or the edition's text changed): scoring it");
            return null;
        }
        return "no new or changed files since run " + published.getAsLong();
    }

    private RunRecord runRecord(Edition edition) {
        Map<String, Object> parameters = new LinkedHashMap<>(config.parameters());
        // The edition's id says which edition it claims to be; its file's checksum which text was scored with.
        parameters.put(RunLedger.EDITION_SHA256, edition.sourceSha256());
        return new RunRecord(config.mode().code(), config.command(), edition.id(), config.years().isEmpty() ? null : config.years(),
                config.asOf(), config.regions(), config.items(),
                DataDirectory.uriOf(config.dataDir()), parameters, host(), JobVersion.current());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * A failure while the JVM was shutting down: the run was stopped, which is what the ledger and
     * the user are told (one line), with what broke because of it as the cause.
     */
    static RunInterrupted interrupted(Throwable e) {
        return interrupted(e, Reason.of("", ""));
    }

    /** As {@link #interrupted(Throwable)}, with what the run was doing when stopped appended. */
    private static RunInterrupted interrupted(Throwable e, Reason doing) {
        return new RunInterrupted(Reason.of(
                "interrupted: the job was stopped (SIGTERM, Ctrl-C or a JVM shutdown) before it finished" + doing.en(),
                "运行被中止：作业在完成前被停止（SIGTERM、Ctrl-C 或 JVM 关闭）" + doing.zh()), e);
    }

    /** Where a run writes, named as the user gives them: what a full disk may be (the staging area: a nightly's only). */
    private List<String> placesWritten() {
        List<String> places = new ArrayList<>(List.of("the report folder (--report-dir) " + config.reportDir()));
        if (config.incremental()) {
            places.add("the staging area (--staging) " + config.stagingDir());
        }
        places.add("Spark's scratch space (spark.local.dir) " + SparkSessions.scratchSpace());
        if (config.factsCsv() != null) {
            places.add("--facts-csv " + config.factsCsv());
        }
        return places;
    }

    /**
     * Records the run as failed; false when it could not be, or was no longer running (its
     * publication landed after all, or a run that took the lock since marked it failed).
     */
    private static boolean recordFailure(RunLedger ledger, long runId, Throwable e, RunLedger.FailureKind kind) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        try {
            return ledger.fail(runId, reason, RunFailure.inChinese(e), kind);
        } catch (SQLException | RuntimeException ex) {
            // The database may be the reason; the next run marks this one failed.
            LOG.warn("could not record run {} as failed ({}); the next run will", runId, ex.getMessage());
            return false;
        }
    }
}
