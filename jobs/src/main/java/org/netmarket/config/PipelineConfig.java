package org.netmarket.config;

import org.netmarket.edition.EditionLoader;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings of one pipeline run: a plain bean with every key named as a constant beside its
 * default. The CLI fills it from options; the environment (NETMARKET_JDBC_URL, the PG*
 * variables) is read where it is used, from the map the pipeline is given. Tests build it directly.
 */
public final class PipelineConfig {
    /** Where the extracts are delivered (local folder or hdfs://, s3a:// URI). */
    public static final String DATA_DIR = "data";
    public static final String DEFAULT_DATA_DIR = "sample-data";

    /** Evaluation years (run and nightly: {@code --year}; backfill: {@code --from} to {@code --to}). */
    public static final String YEARS = "years";

    /** The as-of date of stock figures and completion cut-offs; default December 31 of the year. */
    public static final String AS_OF = "as-of";

    /** Regions to score and publish; default every region of regions.csv. */
    public static final String REGIONS = "regions";

    /** Items or indicators to recompute and publish; default all. */
    public static final String ITEMS = "items";

    /** The warehouse; never recorded in {@link #parameters()}, for it may carry credentials. */
    public static final String JDBC_URL = "jdbc-url";

    /** Score and print the scorecard, publish nothing. */
    public static final String DRY_RUN = "dry-run";

    /** The indicator-system edition: an id under schemas/editions/ or a path to a YAML file. */
    public static final String EDITION = "edition";
    public static final String DEFAULT_EDITION = EditionLoader.DEFAULT_EDITION;

    /** Largest share of one extract's rows that may be quarantined before the run fails. */
    public static final String QUARANTINE_THRESHOLD = "quarantine-threshold";
    public static final String DEFAULT_QUARANTINE_THRESHOLD_TEXT = "0.05";
    public static final BigDecimal DEFAULT_QUARANTINE_THRESHOLD = new BigDecimal(DEFAULT_QUARANTINE_THRESHOLD_TEXT);

    /** Spark master used when none is given by spark-submit. */
    public static final String SPARK_MASTER = "spark-master";
    public static final String DEFAULT_SPARK_MASTER = "local[*]";
    /** The master URLs Spark 4 accepts (SparkContext.createTaskScheduler), loosely: it says what is wrong in the rest. */
    private static final Pattern SPARK_MASTER_URL = Pattern.compile(
            "local|local\\[(\\*|[1-9]\\d*)(, *[1-9]\\d*)?]|local-cluster\\[.+]|(spark|k8s)://.+|yarn");

    /** spark.sql.shuffle.partitions when the job starts its own session (local mode). */
    public static final String SHUFFLE_PARTITIONS = "shuffle-partitions";
    public static final int DEFAULT_SHUFFLE_PARTITIONS = 8;

    /**
     * How long to wait for another run to release the warehouse lock. The nightly run waits
     * longer, so that an analyst's recomputation delays it rather than failing it.
     */
    public static final String WAIT_FOR_LOCK = "wait-for-lock";
    public static final int DEFAULT_WAIT_FOR_LOCK_SECONDS = 60;
    public static final Duration DEFAULT_WAIT_FOR_LOCK = Duration.ofSeconds(DEFAULT_WAIT_FOR_LOCK_SECONDS);
    public static final int NIGHTLY_WAIT_FOR_LOCK_SECONDS = 1800;
    public static final Duration NIGHTLY_WAIT_FOR_LOCK = Duration.ofSeconds(NIGHTLY_WAIT_FOR_LOCK_SECONDS);
    /** The longest wait for the lock: a week, far beyond any run, and short enough to count in nanoseconds. */
    public static final int MAX_WAIT_FOR_LOCK_SECONDS = 7 * 24 * 3600;

    /** Where a run writes its quarantine CSV report and log files. */
    public static final String REPORT_DIR = "report-dir";
    public static final String DEFAULT_REPORT_DIR = ".local/reports";

    /** Run mode recorded in pipeline_run. */
    public static final String MODE = "mode";
    public static final RunMode DEFAULT_MODE = RunMode.ADHOC;

    /** Nightly: publish nothing when no file changed since the last published run. */
    public static final String SKIP_WHEN_UNCHANGED = "skip-when-unchanged";
    public static final boolean DEFAULT_SKIP_WHEN_UNCHANGED = false;

    /**
     * Nightly: keep a staging area of the latest rows and merge only the files delivered since
     * (off: read every raw file into memory, as ad-hoc runs do).
     */
    public static final String INCREMENTAL = "incremental";
    public static final boolean DEFAULT_INCREMENTAL = false;

    /** Where the nightly staging area lives; by default the folder {@code staging} of the report directory. */
    public static final String STAGING_DIR = "staging";
    public static final String DEFAULT_STAGING_SUBDIR = "staging";

    /** Nightly: rebuild the staging area from the raw extracts instead of merging new files. */
    public static final String FULL_REBUILD = "full";
    public static final boolean DEFAULT_FULL_REBUILD = false;

    /**
     * Nightly: files of an extract folder modified less than this long before the run started
     * are left for a later run (a file still being copied under its final name would be read in
     * part); 0 reads every file. The schedules in scripts/schedule/ set it.
     */
    public static final String MIN_FILE_AGE = "min-file-age";
    public static final int DEFAULT_MIN_FILE_AGE_SECONDS = 0;

    /**
     * Run folders of the report directory older than this many days are deleted when a run
     * starts; 0 keeps them all. Nightly runs keep {@link #NIGHTLY_KEEP_RUN_FOLDERS_DAYS} (the
     * warehouse keeps every run's quarantined rows and input files for longer); an analyst's run
     * deletes nothing.
     */
    public static final String KEEP_RUN_FOLDERS = "keep-run-folders";
    public static final int DEFAULT_KEEP_RUN_FOLDERS_DAYS = 0;
    public static final int NIGHTLY_KEEP_RUN_FOLDERS_DAYS = 90;

    /** Also write the record-level counts (year, region, fact, count) to this CSV file; null: do not. */
    public static final String FACTS_CSV = "facts-csv";

    private boolean skipWhenUnchanged = DEFAULT_SKIP_WHEN_UNCHANGED;
    private boolean incremental = DEFAULT_INCREMENTAL;
    private String stagingDir;
    private boolean fullRebuild = DEFAULT_FULL_REBUILD;
    private Duration minFileAge = Duration.ofSeconds(DEFAULT_MIN_FILE_AGE_SECONDS);
    private int keepRunFoldersDays = DEFAULT_KEEP_RUN_FOLDERS_DAYS;
    private String factsCsv;
    private String dataDir = DEFAULT_DATA_DIR;
    private String edition = DEFAULT_EDITION;
    private List<Integer> years = List.of();
    private LocalDate asOf;
    private List<String> regions;
    private List<String> items;
    private String jdbcUrl;
    private boolean dryRun;
    private boolean validateOnly;
    private RunMode mode = DEFAULT_MODE;
    private String command = "run";
    private BigDecimal quarantineThreshold = DEFAULT_QUARANTINE_THRESHOLD;
    private String sparkMaster = DEFAULT_SPARK_MASTER;
    private int shufflePartitions = DEFAULT_SHUFFLE_PARTITIONS;
    private Duration waitForLock = DEFAULT_WAIT_FOR_LOCK;
    private String reportDir = DEFAULT_REPORT_DIR;

    public String dataDir() {
        return dataDir;
    }

    public PipelineConfig dataDir(String v) {
        dataDir = v;
        return this;
    }

    public String edition() {
        return edition;
    }

    public PipelineConfig edition(String v) {
        edition = v;
        return this;
    }

    /** Evaluation years; empty means the latest complete year of the data. */
    public List<Integer> years() {
        return years;
    }

    public PipelineConfig years(List<Integer> v) {
        years = List.copyOf(v);
        return this;
    }

    /** The as-of date; null means December 31 of each evaluation year. */
    public LocalDate asOf() {
        return asOf;
    }

    public PipelineConfig asOf(LocalDate v) {
        asOf = v;
        return this;
    }

    /** Regions to score and publish; null means every region of regions.csv. */
    public List<String> regions() {
        return regions;
    }

    public PipelineConfig regions(List<String> v) {
        regions = v == null ? null : codes(REGIONS, "region", v);
        return this;
    }

    /** Items or indicators to recompute and publish; null means all. */
    public List<String> items() {
        return items;
    }

    public PipelineConfig items(List<String> v) {
        items = v == null ? null : codes(ITEMS, "item", v);
        return this;
    }

    /**
     * The codes given, without spaces around them ({@code --regions "140800, 140802"}). An empty
     * code ({@code --regions ''}, a doubled comma) names nothing: refused here, before anything
     * is read, rather than reported later as a code missing from the data.
     */
    private static List<String> codes(String option, String what, List<String> given) {
        List<String> codes = given.stream().map(String::strip).toList();
        if (codes.stream().allMatch(String::isEmpty)) {
            throw new UsageException("--" + option + ": no " + what + " code given");
        }
        if (codes.contains("")) {
            throw new UsageException("--" + option + ": an empty " + what + " code in '" + String.join(",", given) + "'");
        }
        // Once each, in the order given: a code named twice is one region or item to score.
        return codes.stream().distinct().toList();
    }

    /** The warehouse JDBC URL; null when none was given (then nothing can be published). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public PipelineConfig jdbcUrl(String v) {
        jdbcUrl = v;
        return this;
    }

    /** Score and print, publish nothing. */
    public boolean dryRun() {
        return dryRun;
    }

    public PipelineConfig dryRun(boolean v) {
        dryRun = v;
        return this;
    }

    /** Read and check the extracts, report, publish nothing. */
    public boolean validateOnly() {
        return validateOnly;
    }

    public PipelineConfig validateOnly(boolean v) {
        validateOnly = v;
        return this;
    }

    public RunMode mode() {
        return mode;
    }

    public PipelineConfig mode(RunMode v) {
        mode = v;
        return this;
    }

    /** The command line's subcommand, recorded in pipeline_run. */
    public String command() {
        return command;
    }

    public PipelineConfig command(String v) {
        command = v;
        return this;
    }

    public BigDecimal quarantineThreshold() {
        return quarantineThreshold;
    }

    public PipelineConfig quarantineThreshold(BigDecimal v) {
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new UsageException("--" + QUARANTINE_THRESHOLD + " must be a fraction in [0, 1], e.g. 0.05");
        }
        quarantineThreshold = v;
        return this;
    }

    public String sparkMaster() {
        return sparkMaster;
    }

    public PipelineConfig sparkMaster(String v) {
        if (v == null || !SPARK_MASTER_URL.matcher(v).matches()) {
            // Spark would refuse it only once the run started, with two stack traces.
            throw new UsageException("--" + SPARK_MASTER + " must be local, local[N], local[*], spark://HOST:PORT, yarn "
                    + "or k8s://https://HOST:PORT; was '" + v + "'");
        }
        sparkMaster = v;
        return this;
    }

    public int shufflePartitions() {
        return shufflePartitions;
    }

    public PipelineConfig shufflePartitions(int v) {
        if (v < 1) {
            throw new UsageException("--" + SHUFFLE_PARTITIONS + " must be at least 1");
        }
        shufflePartitions = v;
        return this;
    }

    public Duration waitForLock() {
        return waitForLock;
    }

    public PipelineConfig waitForLock(Duration v) {
        if (v.isNegative()) {
            // A negative wait would give up at once, like 0, while saying it waited a negative time.
            throw new UsageException("--" + WAIT_FOR_LOCK + " must be at least 0 seconds, was " + v.toSeconds());
        }
        if (v.compareTo(Duration.ofSeconds(MAX_WAIT_FOR_LOCK_SECONDS)) > 0) {
            throw new UsageException("--" + WAIT_FOR_LOCK + " must be at most " + MAX_WAIT_FOR_LOCK_SECONDS
                    + " seconds (a week), was " + v.toSeconds());
        }
        waitForLock = v;
        return this;
    }

    public boolean skipWhenUnchanged() {
        return skipWhenUnchanged;
    }

    /**
     * No --year, --as-of, --regions or --items: the run scores the latest complete year of every
     * region and item, the scope a nightly run's "nothing new since it was published" refers to.
     */
    public boolean defaultScope() {
        return years.isEmpty() && asOf == null && regions == null && items == null;
    }

    public PipelineConfig skipWhenUnchanged(boolean v) {
        skipWhenUnchanged = v;
        return this;
    }

    public String reportDir() {
        return reportDir;
    }

    public PipelineConfig reportDir(String v) {
        reportDir = v;
        return this;
    }

    public boolean incremental() {
        return incremental;
    }

    public PipelineConfig incremental(boolean v) {
        incremental = v;
        return this;
    }

    /** The staging area: as set, else {@code <report-dir>/staging}. */
    public String stagingDir() {
        return stagingDir != null ? stagingDir : reportDir + "/" + DEFAULT_STAGING_SUBDIR;
    }

    public PipelineConfig stagingDir(String v) {
        stagingDir = v;
        return this;
    }

    public boolean fullRebuild() {
        return fullRebuild;
    }

    public PipelineConfig fullRebuild(boolean v) {
        fullRebuild = v;
        return this;
    }

    public Duration minFileAge() {
        return minFileAge;
    }

    public PipelineConfig minFileAge(Duration v) {
        if (v.isNegative()) {
            throw new UsageException("--" + MIN_FILE_AGE + " must be at least 0 seconds, was " + v.toSeconds());
        }
        minFileAge = v;
        return this;
    }

    public int keepRunFoldersDays() {
        return keepRunFoldersDays;
    }

    public PipelineConfig keepRunFoldersDays(int v) {
        if (v < 0) {
            throw new UsageException("--" + KEEP_RUN_FOLDERS + " must be at least 0 days (0 keeps every run folder), was " + v);
        }
        keepRunFoldersDays = v;
        return this;
    }

    public String factsCsv() {
        return factsCsv;
    }

    public PipelineConfig factsCsv(String v) {
        factsCsv = v;
        return this;
    }

    /**
     * The settings recorded in {@code pipeline_run.parameters}, keyed by the names above: the
     * command-line options' names, but for {@code years} (from --year, or --from and --to),
     * {@code skip-when-unchanged} (off with --force) and {@code incremental} (a nightly run's
     * merging into staging). The JDBC URL is left out: it may carry credentials.
     */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(DATA_DIR, dataDir);
        p.put(YEARS, years);
        p.put(AS_OF, asOf == null ? null : asOf.toString());
        p.put(REGIONS, regions);
        p.put(ITEMS, items);
        p.put(EDITION, edition);
        p.put(DRY_RUN, dryRun);
        p.put(QUARANTINE_THRESHOLD, quarantineThreshold);
        p.put(SPARK_MASTER, sparkMaster);
        p.put(SHUFFLE_PARTITIONS, shufflePartitions);
        p.put(WAIT_FOR_LOCK, waitForLock.toSeconds());
        p.put(REPORT_DIR, reportDir);
        p.put(INCREMENTAL, incremental);
        if (incremental) {
            p.put(STAGING_DIR, stagingDir());
            p.put(FULL_REBUILD, fullRebuild);
            p.put(SKIP_WHEN_UNCHANGED, skipWhenUnchanged);
            p.put(MIN_FILE_AGE, minFileAge.toSeconds());
        }
        p.put(KEEP_RUN_FOLDERS, keepRunFoldersDays);
        p.put(FACTS_CSV, factsCsv);
        return p;
    }
}
