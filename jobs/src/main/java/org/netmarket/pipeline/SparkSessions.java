package org.netmarket.pipeline;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.netmarket.config.PipelineConfig;

import java.util.Optional;

/**
 * Creates or joins the job's SparkSession. Under spark-submit the master and resources come
 * from the submission and are left alone; run with plain java (scripts/run-pipeline, tests) the
 * session is local ({@code local[*]} by default) with few shuffle partitions and no UI.
 */
public final class SparkSessions {
    /** How many compiled query classes a JVM keeps (a static setting: the session's first one holds). */
    static final String CODEGEN_CACHE_ENTRIES = "spark.sql.codegen.cache.maxEntries";
    static final int LOCAL_CODEGEN_CACHE_ENTRIES = 2000;
    /** Which class serves {@code file:} paths (Hadoop's setting, passed on by Spark's {@code spark.hadoop.} prefix). */
    static final String LOCAL_FILE_SYSTEM = "spark.hadoop.fs.file.impl";
    static final Class<?> LOCAL_FILE_SYSTEM_CLASS = InProcessPermissionsFileSystem.class;

    private SparkSessions() {
    }

    public static SparkSession getOrCreate(PipelineConfig config) {
        SparkConf submitted = new SparkConf();
        boolean local = !submitted.contains("spark.master");
        SparkSession.Builder b = SparkSession.builder()
                .appName("netmarket-scoring")
                // Dates and timestamps as java.time values; timestamps carry no zone (Asia/Shanghai local time).
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", "Asia/Shanghai");
        if (local) {
            b.master(config.sparkMaster())
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", Integer.toString(config.shufflePartitions()))
                    .config("spark.sql.adaptive.enabled", "true")
                    // Spark compiles a query's code once per JVM and keeps 100 compiled classes by
                    // default: fewer than a run needs (about 100 jobs over 15 extracts), so each run
                    // of a JVM that serves many (a backfill's years, the test suite) compiled them
                    // all again, 35% of a small run's time.
                    .config(CODEGEN_CACHE_ENTRIES, Integer.toString(LOCAL_CODEGEN_CACHE_ENTRIES))
                    // Staged Parquet files and their folders get their permissions without a
                    // chmod process each (Hadoop's native library is not in Spark's jars).
                    .config(LOCAL_FILE_SYSTEM, LOCAL_FILE_SYSTEM_CLASS.getName())
                    // Guard a cluster's re-run of a lost map task against different output; a
                    // local run loses no executor, and the checksum hashes every shuffled row.
                    // Either setting makes Spark compute it (ShuffleExchangeExec, Spark 4.2).
                    .config("spark.sql.shuffle.orderIndependentChecksum.enabled", "false")
                    .config("spark.sql.shuffle.orderIndependentChecksum.enableFullRetryOnMismatch", "false")
                    // No UI to show finished queries, jobs and stages: keep few of them (Spark keeps
                    // 1000 queries' plans and metrics by default), so a driver that runs many jobs
                    // in one session (the test suite, a backfill) does not fill its heap with them.
                    .config("spark.sql.ui.retainedExecutions", "20")
                    .config("spark.ui.retainedJobs", "50")
                    .config("spark.ui.retainedStages", "50")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /**
     * Where Spark writes its shuffle files and spills on this machine: SPARK_LOCAL_DIRS, else
     * {@code spark.local.dir}, else the JVM's temporary folder (a cluster's executors use their own).
     */
    static String scratchSpace() {
        String dirs = System.getenv("SPARK_LOCAL_DIRS");
        return dirs != null && !dirs.isBlank() ? dirs
                : new SparkConf().get("spark.local.dir", System.getProperty("java.io.tmpdir"));
    }

    /**
     * For runs through the staging area: what they cache is a night's delivery and the staged
     * rows it touches, small and read a few times, so compressing the cached batches costs more
     * CPU (about 15% of the executors' time in a national nightly run) than the memory it saves.
     * Runs that cache whole extracts keep Spark's default: the session's own value comes back
     * when the returned setting is closed (a session serves every run of a JVM, tests' too).
     */
    public static Setting cacheSmallDatasetsUncompressed(SparkSession spark) {
        return Setting.of(spark, "spark.sql.inMemoryColumnarStorage.compressed", "false");
    }

    /** A session setting for the length of a run, put back as it was (set or unset) when closed. */
    public static final class Setting implements AutoCloseable {
        private final SparkSession spark;
        private final String key;
        private final Optional<String> before;

        private Setting(SparkSession spark, String key, Optional<String> before) {
            this.spark = spark;
            this.key = key;
            this.before = before;
        }

        static Setting of(SparkSession spark, String key, String value) {
            Optional<String> before = spark.conf().getOption(key).isDefined()
                    ? Optional.of(spark.conf().get(key)) : Optional.empty();
            spark.conf().set(key, value);
            return new Setting(spark, key, before);
        }

        @Override
        public void close() {
            if (before.isPresent()) {
                spark.conf().set(key, before.get());
            } else {
                spark.conf().unset(key);
            }
        }
    }
}
