package org.netmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmarket.testing.TestFiles;

/**
 * The shell scripts users and schedulers call: every one parses, and the {@code --help} of those
 * that answer without building the job prints the script's header comment and nothing of its
 * code (the help once printed {@code set -euo pipefail} after a header grew by a line).
 */
class ScriptsTest {

    private static final Path SCRIPTS = Path.of("scripts");

    @Test
    void everyScriptParses() throws Exception {
        List<Path> scripts = scripts();
        assertTrue(scripts.size() >= 8, "scripts found: " + scripts);
        for (Path script : scripts) {
            Result result = run("bash", "-n", script.toString());
            assertEquals(0, result.exitCode, script + " does not parse: " + result.output);
        }
    }

    @Test
    void everyHelpIsTheHeaderCommentAndNoCode() throws Exception {
        List<Path> withHelp = scripts().stream()
                .filter(script -> read(script).stream().anyMatch(line -> line.contains("script_help \"$")))
                .collect(Collectors.toList());
        assertTrue(withHelp.size() >= 6, "scripts with script_help: " + withHelp);
        for (Path script : withHelp) {
            Result result = run("bash", "-c", "source scripts/lib/common.sh && script_help \"$0\"", script.toString());
            assertEquals(0, result.exitCode, script + ": " + result.output);
            assertHelpWithoutCode(script, result.output);
        }
    }

    /**
     * The scripts whose --help answers without building the job, run as a user runs them
     * (cluster-check once ran its whole check, and test handed --help to Maven).
     */
    @ParameterizedTest
    @ValueSource(strings = {"bench", "cluster-check", "data-dictionary", "local-postgres", "spark-cluster", "test"})
    void helpExitsZeroWithUsage(String name) throws Exception {
        Path script = SCRIPTS.resolve(name);
        Result result = run("bash", script.toString(), "--help");
        assertEquals(0, result.exitCode, name + " --help: " + result.output);
        assertTrue(result.output.contains("scripts/" + name), name + " --help shows no usage line");
        assertHelpWithoutCode(script, result.output);
    }

    /**
     * The JVM tuning (collector and JIT options) is written twice, for the scripts' JVM and the
     * tests' (pom.xml cannot read a shell file): the suite runs with what a run in production gets.
     */
    @Test
    void theTestsJvmHasTheScriptsTuning() throws Exception {
        Result scripts = run("bash", "-c", "source scripts/lib/common.sh && printf '%s' \"$NETMARKET_TUNING_OPTS\"");
        assertEquals(0, scripts.exitCode, scripts.output);
        String pom = Files.readString(Path.of("pom.xml"));
        int start = pom.indexOf("<tuning.opts>");
        assertTrue(start >= 0, "pom.xml has no tuning.opts property");
        assertEquals(scripts.output, pom.substring(start + "<tuning.opts>".length(), pom.indexOf("</tuning.opts>", start)),
                "tuning.opts in pom.xml against NETMARKET_TUNING_OPTS in scripts/lib/common.sh");
    }

    /**
     * The benchmark refuses a value it could not use before generating data for minutes (a
     * heap size the JVM refuses would fail the first run after the generation).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--repeat|0|--repeat takes a number of rounds (1 or more), not '0'",
            "--repeat|two|--repeat takes a number of rounds (1 or more), not 'two'",
            "--seed|-1|--seed takes a whole number, not '-1'",
            "--heap|4 g|--heap takes a JVM heap size such as 4g or 3500m, not '4 g'",
            "--heap|4gb|--heap takes a JVM heap size such as 4g or 3500m, not '4gb'"})
    void theBenchmarkRefusesAValueItCannotUse(String option, String value, String message) throws Exception {
        Result result = run("bash", SCRIPTS.resolve("bench").toString(), option, value);
        assertEquals(2, result.exitCode, result.output);
        assertEquals("error: " + message + "\n", result.output);
    }

    /**
     * A postmaster.pid left by a server that did not stop (a power cut, a crash) may name a PID
     * another process of the server's user holds by now: pg_ctl takes that process for the
     * server, and its stop sends it SIGTERM. The scripts remove the file instead: status says the
     * cluster is stopped, and stop leaves the process alone.
     */
    @ParameterizedTest
    @CsvSource({"status,3", "stop,0"})
    void aPostmasterPidNamingAnotherProcessIsRemovedNotBelieved(String action, int exitCode, @TempDir Path dir)
            throws Exception {
        Path root = checkoutOf(dir, "local-postgres");
        String common = root.resolve("scripts/lib/common.sh").toString();
        // Where the scripts keep a cluster the postgres user must reach when they run as root.
        Path cluster = Files.createTempDirectory(Path.of("/tmp"), "netmarket-pg-");
        Process other = null;
        String pid = null;
        try {
            Path data = Files.createDirectories(cluster.resolve("data"));
            Result bin = run("bash", "-c", "source \"$0\" && pg_bindir", common);
            Files.writeString(data.resolve("PG_VERSION"), Path.of(bin.output.strip()).getParent().getFileName() + "\n");
            Files.createDirectories(root.resolve(".local"));
            Files.createSymbolicLink(root.resolve(".local/pg"), cluster);
            // Another process of the server's user (postgres when the tests run as root), named by the file.
            other = new ProcessBuilder("bash", "-c", "source \"$0\" && as_pg_user bash -c 'echo $$; exec sleep 300'", common)
                    .redirectErrorStream(true).start();
            pid = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(pid != null && pid.matches("[0-9]+"), "the other process's PID: " + pid);
            Files.writeString(data.resolve("postmaster.pid"), pid + "\n" + data + "\n1700000000\n54399\n\n127.0.0.1\n"
                    + "  54399001         0\nready   \n");
            assertEquals(0, run("bash", "-c", "[[ $(id -u) -ne 0 ]] || chown -R postgres:postgres \"$0\"", cluster.toString())
                    .exitCode);

            Result result = run("bash", root.resolve("scripts/local-postgres").toString(), action);
            assertEquals(exitCode, result.exitCode, result.output);
            assertTrue(result.output.contains(data + "/postmaster.pid names process " + pid + ", which is not this cluster's"
                    + " server (left by a server that did not stop): the file is removed"), result.output);
            assertFalse(Files.exists(data.resolve("postmaster.pid")));
            assertTrue(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false),
                    "the process the file named was left alone: " + result.output);
        } finally {
            if (pid != null) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
            if (other != null) {
                other.destroyForcibly();
            }
            TestFiles.deleteTree(cluster);
        }
    }

    /** A mistyped action is named as the mistake (exit 2), not answered with the help alone. */
    @Test
    void anUnknownLocalPostgresActionIsNamed() throws Exception {
        Result result = run("bash", SCRIPTS.resolve("local-postgres").toString(), "strat");
        assertEquals(2, result.exitCode, result.output);
        assertTrue(result.output.startsWith("error: unknown action 'strat' (start, stop, status, url, psql or remove)"), result.output);
    }

    /**
     * A local database name the JDBC URL cannot carry as it is is refused before a server is
     * touched (names of mixed case or with a hyphen are created as written, by quoting them).
     */
    @Test
    void aLocalDatabaseNameTheUrlCannotCarryIsRefused() throws Exception {
        Result result = run("env", "NETMARKET_PG_DB=score card", "bash", SCRIPTS.resolve("local-postgres").toString(), "url");
        assertEquals(2, result.exitCode, result.output);
        assertEquals("error: NETMARKET_PG_DB must be letters, digits, _ and -, not 'score card'\n", result.output);
    }

    /**
     * scripts/netmarket names itself in the job's help and messages ("Try 'scripts/netmarket
     * run --help'"), and not as a wrapper of one command would, even when a variable of one
     * such as scripts/run-pipeline is about.
     */
    @Test
    void netmarketNamesItselfAsTheProgram(@TempDir Path dir) throws Exception {
        List<String> job = viaStandInJava(dir, Map.of("NETMARKET_HELP_COMMAND", "scripts/run-pipeline"),
                SCRIPTS.resolve("netmarket"), "generate-data", "--help");
        assertEquals("NETMARKET_HELP_PROGRAM=scripts/netmarket NETMARKET_HELP_COMMAND=unset", job.get(0), job.toString());
        assertEquals(List.of("generate-data", "--help"), job.subList(1, job.size()));
    }

    /**
     * Run from another folder, scripts/netmarket reads the checkout's sample data and writes
     * its run folders under the checkout's .local/reports, as its header says, instead of
     * looking for sample-data in the current folder and leaving a .local/reports there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"run", "nightly", "backfill", "validate"})
    void netmarketDefaultsToTheCheckoutsFolders(String command, @TempDir Path dir) throws Exception {
        String root = Path.of("").toAbsolutePath().toString();
        assertEquals(List.of(command, "--data", root + "/sample-data", "--report-dir", root + "/.local/reports", "--dry-run"),
                jobArguments(dir, command, "--dry-run"));
    }

    /** Run through a link (a command on the PATH, say), a script still finds its checkout. */
    @Test
    void aScriptRunThroughALinkFindsItsCheckout(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("netmarket-link"), SCRIPTS.resolve("netmarket").toAbsolutePath());
        String root = Path.of("").toAbsolutePath().toString();
        List<String> job = viaStandInJava(dir, Map.of(), link, "validate");
        assertEquals(List.of("validate", "--data", root + "/sample-data", "--report-dir", root + "/.local/reports"),
                job.subList(1, job.size()));
    }

    /** Before a first start (no .local yet), status says there is no cluster (exit 3) and stop has nothing to do. */
    @Test
    void localPostgresWithoutAClusterYetSaysSo(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "local-postgres");
        Result status = run("bash", root.resolve("scripts/local-postgres").toString(), "status");
        assertEquals(new Result(3, "no local cluster\n"), status);
        assertEquals(new Result(0, ""), run("bash", root.resolve("scripts/local-postgres").toString(), "stop"));
        assertFalse(Files.exists(root.resolve(".local/pg")), "nothing made by asking");
    }

    /** remove deletes only the folder it made: a link edited to point elsewhere goes, what it names stays. */
    @Test
    void removingTheLocalPostgresLeavesAFolderItDidNotMake(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "local-postgres");
        Path elsewhere = Files.createDirectories(dir.resolve("someone-elses/data"));
        Files.writeString(elsewhere.resolve("PG_VERSION"), "15\n");
        Files.createDirectories(root.resolve(".local"));
        Files.createSymbolicLink(root.resolve(".local/pg"), elsewhere.getParent());
        Result removed = run("bash", root.resolve("scripts/local-postgres").toString(), "remove");
        assertEquals(0, removed.exitCode(), removed.output());
        assertFalse(Files.exists(root.resolve(".local/pg"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link is gone");
        assertTrue(Files.exists(elsewhere.resolve("PG_VERSION")), "what it named stays");
    }

    /** {@code b} run in {@code dir} with the stand-ins of {@code bin} first on the PATH, without the CDS archive, output merged. */
    private static ProcessBuilder withStandIns(ProcessBuilder b, Path bin, Path dir) {
        b.directory(dir.toFile()).redirectErrorStream(true);
        b.environment().put("NETMARKET_CDS", "off");
        b.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        return b;
    }

    /**
     * Two commands that start together in a checkout whose jar is stale build it once: the
     * second waits for the first's build and finds the jar current. The build does not hold a
     * night's lock (fd 9), which a build left running would keep from the next night.
     */
    @Test
    void twoCommandsStartingTogetherBuildOnceWithoutHoldingTheLocks(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "netmarket");
        Path jar = root.resolve("target/netmarket-jobs-0.1.0.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000)); // older than pom.xml
        Path builds = dir.resolve("builds");
        Path bin = standIns(dir, "exit 0");
        // A build that takes a while, says whether it or the shell that runs it holds a night's
        // lock (fd 9), and leaves the jar current.
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\nsleep 2\nholding=\"\"; for p in $$ $PPID; do "
                + "[[ -e /proc/$p/fd/9 ]] && holding=\" holding the night's lock\"; done\necho \"build$holding\" >> " + builds
                + "\ntouch " + jar + "\n");
        List<Process> commands = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // As scripts/nightly runs the job: holding its lock on fd 9.
            commands.add(withStandIns(new ProcessBuilder("bash", "-c", "exec 9>>\"$0.lock\"; exec bash \"$0\" --version",
                    root.resolve("scripts/netmarket").toString()), bin, dir).start());
        }
        for (Process p : commands) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
        }
        assertEquals(List.of("build"), Files.readAllLines(builds), "one build, not holding a night's lock");
    }

    /**
     * A build after which Maven keeps the jar as it was (a pom.xml edit that changed no class:
     * the jar plugin does not rewrite an unchanged jar) is not asked for again by every later
     * command, as it was while the jar, older than the edit, was what the sources were compared with.
     */
    @Test
    void aBuildThatLeavesTheJarAsItWasIsNotRepeated(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "netmarket");
        Path jar = root.resolve("target/netmarket-jobs-0.1.0.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000)); // older than pom.xml
        Path builds = dir.resolve("builds");
        Path bin = standIns(dir, "exit 0");
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\necho build >> " + builds + "\n");
        for (int i = 0; i < 2; i++) {
            Process p = withStandIns(new ProcessBuilder("bash", root.resolve("scripts/netmarket").toString(), "--version"),
                    bin, dir).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
        }
        assertEquals(List.of("build"), Files.readAllLines(builds), "built once");
    }

    /**
     * A checkout whose target/ the user cannot write (built by root, run by the nightly's service
     * account) still runs when nothing needs building: the source listing it cannot record is
     * said, not a bare "Permission denied" of set -e. (Played by a folder where the listing's
     * file would go: tests run as root, whom permissions do not stop.)
     */
    @Test
    void aCheckoutWhoseTargetCannotBeWrittenRunsWhenNothingNeedsBuilding(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "netmarket");
        Files.createDirectories(root.resolve("target/source-listing.sha256"));
        Path bin = standIns(dir, "echo ran", "exit 0");
        Process p = start(bin, dir, Map.of(), root.resolve("scripts/netmarket"), "--version").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("ran"), output);
        assertTrue(output.contains("cannot record the source listing in " + root.resolve("target")), output);
    }

    /**
     * scripts/test builds holding the checkout's build lock, as every other script's build does:
     * a run started meanwhile waits instead of building into the target/ the suite cleans. The
     * scripts the suite itself runs (ScriptsTest, here the stand-in Maven) build without waiting
     * for the lock their ancestor holds, which would never come.
     */
    @Test
    void theTestSuiteBuildsHoldingTheBuildLock(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "test");
        Files.createDirectories(root.resolve(".local"));
        Path bin = standIns(dir, "exit 0");
        Path seen = dir.resolve("seen");
        // flock on a file of its own: refused while the lock is held on another open file.
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\nif flock -n " + root.resolve(".local/build.lock")
                + " true; then echo free; else echo held; fi >> " + seen + "\n"
                + "bash -c 'source \"$0\"; with_build_lock echo built inside' " + root.resolve("scripts/lib/common.sh")
                + " >> " + seen + "\n");
        Process p = start(bin, dir, Map.of("NETMARKET_BUILD_WAIT_SECONDS", "2"), root.resolve("scripts/test"), "-Dtest=None")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals(List.of("held", "built inside"), Files.readAllLines(seen), output);
    }

    /**
     * Two commands that find the local PostgreSQL not yet made start one cluster between them
     * (a real server, in a checkout of its own on a port of its own): the second waits for the
     * first and is given the same URL; the server holds no lock of theirs.
     */
    @Test
    void twoCommandsStartingTheLocalPostgresTogetherStartOneCluster(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "local-postgres");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path script = root.resolve("scripts/local-postgres");
        try {
            List<Process> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ProcessBuilder b = new ProcessBuilder("bash", script.toString(), "url").redirectErrorStream(false);
                b.environment().put("NETMARKET_PG_PORT", Integer.toString(port));
                starts.add(b.start());
            }
            List<String> urls = new ArrayList<>();
            for (Process p : starts) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(120, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), out + err);
                urls.add(out.strip());
            }
            assertEquals(List.of("jdbc:postgresql://127.0.0.1:" + port + "/netmarket?user=postgres",
                    "jdbc:postgresql://127.0.0.1:" + port + "/netmarket?user=postgres"), urls);
            String pid = Files.readAllLines(root.resolve(".local/pg/data/postmaster.pid")).get(0);
            try (Stream<Path> fds = Files.list(Path.of("/proc", pid, "fd"))) {
                assertFalse(fds.anyMatch(fd -> {
                    try {
                        return Files.readSymbolicLink(fd).toString().endsWith(".lock");
                    } catch (IOException e) {
                        return false; // closed meanwhile
                    }
                }), "the server holds no lock file open");
            }
            // remove: stopped, deleted with its folder in /tmp (scripts/test removes a cluster it made).
            Path cluster = root.resolve(".local/pg").toRealPath();
            Result removed = run("bash", script.toString(), "remove");
            assertEquals(0, removed.exitCode(), removed.output());
            assertThrows(java.net.ConnectException.class, () -> new java.net.Socket("127.0.0.1", port).close(),
                    "the server was stopped before its data were deleted");
            assertFalse(Files.exists(root.resolve(".local/pg"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link is gone");
            assertFalse(Files.exists(cluster), cluster + " is gone");
            assertEquals(new Result(3, "no local cluster\n"), run("bash", script.toString(), "status"));
            assertEquals(new Result(0, ""), run("bash", script.toString(), "remove"), "nothing to remove is not a failure");
        } finally {
            Process stop = new ProcessBuilder("bash", script.toString(), "stop").redirectErrorStream(true).start();
            stop.getInputStream().readAllBytes();
            stop.waitFor(60, TimeUnit.SECONDS);
            Path pg = root.resolve(".local/pg");
            if (Files.isSymbolicLink(pg)) {
                // A checkout postgres may not enter keeps its cluster in /tmp: not left behind.
                Path target = pg.toRealPath();
                new ProcessBuilder("rm", "-rf", target.toString()).start().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** A --data or --report-dir the user gives is used as given, relative to the user's folder. */
    @Test
    void netmarketKeepsTheFoldersGiven(@TempDir Path dir) throws Exception {
        String root = Path.of("").toAbsolutePath().toString();
        assertEquals(List.of("validate", "--report-dir", root + "/.local/reports", "--data", "extracts"),
                jobArguments(dir, "validate", "--data", "extracts"));
        assertEquals(List.of("run", "--data", root + "/sample-data", "--report-dir=reports", "--year", "2024"),
                jobArguments(dir, "run", "--report-dir=reports", "--year", "2024"));
        assertEquals(List.of("run", "--data=d", "--report-dir", "r"), jobArguments(dir, "run", "--data=d", "--report-dir", "r"));
    }

    /** generate-data, the help and the version take no data or report folder: they get none. */
    @Test
    void netmarketAddsNothingToTheOtherCommands(@TempDir Path dir) throws Exception {
        for (List<String> args : List.of(List.of("generate-data", "--scale", "tiny", "--out", "x"), List.of("--version"),
                List.of("help", "run"), List.<String>of())) {
            assertEquals(args, jobArguments(dir, args.toArray(new String[0])));
        }
        List<String> help = viaStandInJava(dir, Map.of(), SCRIPTS.resolve("netmarket"), "--help");
        assertTrue(help.get(0).startsWith("The job's command line"), "the script's header first: " + help);
        assertEquals(List.of("--help"), help.subList(help.size() - 1, help.size()));
    }

    /** The arguments scripts/netmarket, run from {@code dir}, hands the job. */
    private static List<String> jobArguments(Path dir, String... args) throws IOException, InterruptedException {
        List<String> job = viaStandInJava(dir, Map.of(), SCRIPTS.resolve("netmarket"), args);
        return job.subList(1, job.size());
    }

    /**
     * Runs a script from {@code dir} with stand-ins for java and mvn: java prints the variables
     * that name the program and command, then the job's arguments, one a line; mvn, should the
     * jar look stale, builds nothing. So the script's part is tested without building or running
     * the job.
     */
    private static List<String> viaStandInJava(Path dir, Map<String, String> env, Path script, String... args)
            throws IOException, InterruptedException {
        Path bin = standIns(dir, "echo \"NETMARKET_HELP_PROGRAM=${NETMARKET_HELP_PROGRAM-unset} "
                        + "NETMARKET_HELP_COMMAND=${NETMARKET_HELP_COMMAND-unset}\"",
                "while [[ $# -gt 0 && $1 != org.netmarket.cli.NetmarketCommand ]]; do shift; done",
                "shift", "[[ $# -gt 0 ]] && printf '%s\\n' \"$@\"", "exit 0");
        Process process = start(bin, dir, env, script, args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(script + " did not finish within 60 s");
        }
        assertEquals(0, process.exitValue(), script + ": " + output);
        return output.lines().collect(Collectors.toList());
    }

    /** A stand-in java running {@code javaBody} (bash lines), and an mvn that builds nothing, in dir/bin. */
    private static Path standIns(Path dir, String... javaBody) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        List<String> java = new ArrayList<>(List.of("#!/usr/bin/env bash"));
        java.addAll(List.of(javaBody));
        java.add("");
        Files.writeString(bin.resolve("java"), String.join("\n", java));
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\nexit 0\n");
        for (String tool : new String[]{"java", "mvn"}) {
            assertTrue(bin.resolve(tool).toFile().setExecutable(true), tool);
        }
        return bin;
    }

    /** A script run from {@code dir} with the stand-ins of {@code bin} first on the PATH. */
    private static ProcessBuilder start(Path bin, Path dir, Map<String, String> env, Path script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        // A stand-in java writes no class-data-sharing archive: the scripts would try for every run.
        builder.environment().put("NETMARKET_CDS", "off");
        builder.environment().putAll(env);
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        return builder;
    }

    /**
     * A checkout of its own with the scripts given and a built jar (empty, newer than every
     * source, so that nothing is built), for a test that writes to its target/ or .local/.
     */
    private static Path checkoutOf(Path dir, String... scripts) throws IOException {
        Path root = dir.resolve("checkout");
        Files.createDirectories(root.resolve("scripts/lib"));
        for (String script : scripts) {
            Files.copy(SCRIPTS.resolve(script), root.resolve("scripts/" + script));
        }
        Files.copy(SCRIPTS.resolve("lib/common.sh"), root.resolve("scripts/lib/common.sh"));
        // What ensure_built looks at: a jar built after every source, so the stand-in java runs.
        for (String folder : List.of("jobs/src/main", "schemas", "target", "sample-data")) {
            Files.createDirectories(root.resolve(folder));
        }
        for (String file : List.of("pom.xml", "target/netmarket-jobs-0.1.0.jar", "target/classpath.txt")) {
            Files.writeString(root.resolve(file), "");
        }
        return root;
    }

    /**
     * The commands that read extracts start with this build's class-data-sharing archive, which
     * the first of them writes by a dry run on the sample data — once per build: again only when
     * the jar is newer; never for a help, nor with NETMARKET_CDS=off; a failed writing leaves no
     * file and the run goes on without one.
     */
    @Test
    void theCommandsThatReadExtractsStartWithThisBuildsClassDataSharingArchive(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "netmarket");
        Path calls = dir.resolve("java-calls");
        Path archive = cdsArchive(root, Map.of());
        assertTrue(archive.getFileName().toString().matches("netmarket-cds-[0-9a-f]{12}\\.jsa"), archive.toString());
        // The stand-in java logs each call with the job's arguments: writing the archive, or running with which one.
        Path bin = standIns(dir, "shared=none; for a in \"$@\"; do case $a in",
                "  -XX:ArchiveClassesAtExit=*) [[ -f " + dir.resolve("fail-writing") + " ]] && exit 1; echo archive > \"${a#*=}\"; shared=\"writes ${a#*=}\";;",
                "  -XX:SharedArchiveFile=*) shared=\"runs with ${a#*=}\";; esac; done",
                "[[ $shared == none ]] && shared=\"runs with none\"",
                "while [[ $# -gt 0 && $1 != org.netmarket.cli.NetmarketCommand ]]; do shift; done; shift",
                "echo \"$shared: $*\" >> " + calls);
        Map<String, String> on = Map.of("NETMARKET_CDS", "on");
        for (String[] args : List.of(new String[]{"validate", "--dry-run"}, new String[]{"run", "--dry-run"})) {
            Process p = start(bin, dir, on, root.resolve("scripts/netmarket"), args).redirectErrorStream(true).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        String defaults = "--data " + root + "/sample-data --report-dir " + root + "/.local/reports";
        assertEquals(List.of("writes " + archive + ".*.tmp: run --data " + root + "/sample-data --report-dir * --dry-run",
                        "runs with " + archive + ": validate " + defaults + " --dry-run",
                        "runs with " + archive + ": run " + defaults + " --dry-run"),
                // The writing run's temporary names: the archive's (its pid) and the report folder's.
                Files.readAllLines(calls).stream().map(l -> !l.startsWith("writes") ? l
                        : l.replaceAll("\\.[0-9]+\\.tmp:", ".*.tmp:").replaceAll("--report-dir \\S+", "--report-dir *")).toList(),
                "written once, by the first run, then used by both");
        assertTrue(Files.isRegularFile(archive));

        // Another build: a jar newer than the archive.
        Files.setLastModifiedTime(archive,
                FileTime.fromMillis(Files.getLastModifiedTime(root.resolve("target/netmarket-jobs-0.1.0.jar")).toMillis() - 5000));
        Files.delete(calls);
        Files.writeString(dir.resolve("fail-writing"), "");
        Process p = start(bin, dir, on, root.resolve("scripts/netmarket"), "validate").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(output.contains("writing this build's class-data-sharing archive") && output.contains(
                "could not write the class-data-sharing archive: the runs of this build go without it"), output);
        Process again = start(bin, dir, on, root.resolve("scripts/netmarket"), "validate").redirectErrorStream(true).start();
        assertTrue(again.waitFor(60, TimeUnit.SECONDS));
        String retried = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertFalse(retried.contains("writing this build's class-data-sharing archive"), "tried once per build: " + retried);
        assertEquals(List.of("runs with none: validate " + defaults, "runs with none: validate " + defaults), Files.readAllLines(calls),
                "a newer jar is another build: its runs go without the stale archive, which it could not replace");
        try (var files = Files.list(root.resolve("target"))) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList(), "no half-written archive left");
        }
        // The next build (a jar newer than the failure) tries again.
        Files.delete(dir.resolve("fail-writing"));
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(Path.of(archive + ".failed"), FileTime.fromMillis(now - 20_000));
        Files.setLastModifiedTime(root.resolve("target/netmarket-jobs-0.1.0.jar"), FileTime.fromMillis(now - 10_000));
        Files.delete(calls);
        Process rebuilt = start(bin, dir, on, root.resolve("scripts/netmarket"), "validate").start();
        assertTrue(rebuilt.waitFor(60, TimeUnit.SECONDS));
        List<String> rebuiltCalls = Files.readAllLines(calls);
        assertEquals(2, rebuiltCalls.size(), rebuiltCalls.toString());
        assertTrue(rebuiltCalls.get(0).startsWith("writes " + archive + "."), rebuiltCalls.toString());
        assertEquals("runs with " + archive + ": validate " + defaults, rebuiltCalls.get(1));
        assertFalse(Files.exists(Path.of(archive + ".failed")), "a written archive clears the failure");

        Files.delete(calls);
        for (Map<String, String> env : List.of(on, Map.of("NETMARKET_CDS", "off"))) {
            for (String[] args : List.of(new String[]{"run", "--help"}, new String[]{"generate-data", "--out", "x"})) {
                Process q = start(bin, dir, env, root.resolve("scripts/netmarket"), args).start();
                assertTrue(q.waitFor(60, TimeUnit.SECONDS));
            }
        }
        Process off = start(bin, dir, Map.of("NETMARKET_CDS", "off"), root.resolve("scripts/netmarket"), "validate").start();
        assertTrue(off.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of("runs with " + archive + ": run " + defaults + " --help", "runs with " + archive + ": generate-data --out x",
                "runs with none: run " + defaults + " --help", "runs with none: generate-data --out x",
                "runs with none: validate " + defaults), Files.readAllLines(calls),
                "a help or generate-data writes no archive (it uses one there is), and none is used when off");
    }

    /** The archive of a checkout's build for JVM options {@code env} may set (NETMARKET_JAVA_OPTS), as the scripts name it. */
    private static Path cdsArchive(Path root, Map<String, String> env) throws Exception {
        ProcessBuilder b = new ProcessBuilder("bash", "-c", "source \"$0\" && cds_archive", root.resolve("scripts/lib/common.sh").toString());
        b.environment().putAll(env);
        Process p = b.start();
        String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor());
        return Path.of(path);
    }

    /**
     * An archive is written for the JVM options it is used with: a heap over 32 GB or another
     * collector makes the JVM refuse one written without them, silently, and by its date alone it
     * would pass for this build's until the next.
     */
    @Test
    void eachSetOfJvmOptionsHasAClassDataSharingArchiveOfItsOwn(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "netmarket");
        Map<String, String> big = Map.of("NETMARKET_JAVA_OPTS", "-Xmx40g -XX:+UseParallelGC");
        Path usual = cdsArchive(root, Map.of());
        Path other = cdsArchive(root, big);
        assertFalse(usual.equals(other), usual.toString());
        Path bin = standIns(dir, "for a in \"$@\"; do [[ $a == -XX:ArchiveClassesAtExit=* ]] && echo \"$*\" > \"${a#*=}\"; done; exit 0");
        Map<String, String> env = new LinkedHashMap<>(big);
        env.put("NETMARKET_CDS", "on");
        Process p = start(bin, dir, env, root.resolve("scripts/netmarket"), "validate").start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(Files.readString(other).contains(" -Xmx40g -XX:+UseParallelGC "), "written with the options it is for: "
                + Files.readString(other));
        assertFalse(Files.exists(usual));
    }

    /**
     * A stop while the archive is being written stops the writing JVM too, which would otherwise
     * run on, orphaned, holding a night's lock and leaving its half-written file.
     */
    @Test
    void aStopWhileTheArchiveIsWrittenStopsTheWriter(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "netmarket");
        Path writer = dir.resolve("writer.pid");
        Path bin = standIns(dir, "for a in \"$@\"; do [[ $a == -XX:ArchiveClassesAtExit=* ]] && { echo part > \"${a#*=}\";"
                + " echo $$ > " + writer + "; exec sleep 60; }; done; exit 0");
        Process script = start(bin, dir, Map.of("NETMARKET_CDS", "on"), root.resolve("scripts/netmarket"), "validate").start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(writer) || Files.readString(writer).isBlank()) {
            assertTrue(System.nanoTime() < deadline, "the archive was never written");
            Thread.sleep(50);
        }
        long pid = Long.parseLong(Files.readString(writer).strip());
        // The script runs the job's function in a subshell: stop every bash of it, as a scheduler
        // stops the group, and wait for each to finish (the subshell cleans up after the writer's end).
        List<ProcessHandle> shells = new ArrayList<>(script.toHandle().descendants()
                .filter(h -> h.info().command().orElse("").endsWith("bash")).toList());
        shells.add(script.toHandle());
        shells.forEach(ProcessHandle::destroy);
        for (ProcessHandle shell : shells) {
            shell.onExit().get(30, TimeUnit.SECONDS);
        }
        ProcessHandle.of(pid).ifPresent(w -> assertTrue(w.onExit().isDone() || !w.isAlive(), "the writer runs on"));
        try (var files = Files.list(root.resolve("target"))) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("netmarket-cds")).toList(),
                    "neither an archive nor a half-written one");
        }
    }

    /** scripts/nightly as a scheduler runs it: a warehouse given, its log and lock in {@code dir}, stderr to a file. */
    private static ProcessBuilder nightly(Path bin, Path dir) {
        ProcessBuilder builder = nightly(bin, dir, SCRIPTS.resolve("nightly"));
        builder.environment().put("NETMARKET_JDBC_URL", "jdbc:postgresql://warehouse.invalid/netmarket");
        return builder;
    }

    /** {@code script} (a nightly script) as a scheduler runs it, without a warehouse URL: its log and lock in {@code dir}. */
    private static ProcessBuilder nightly(Path bin, Path dir, Path script) {
        ProcessBuilder builder = start(bin, dir, Map.of("NETMARKET_LOG_DIR", dir.resolve("logs").toString(),
                "NETMARKET_NIGHTLY_LOCK", dir.resolve("nightly.lock").toString()), script)
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
        builder.environment().remove("NETMARKET_JDBC_URL");
        return builder;
    }

    /** {@link #nightly} with NETMARKET_LOG_KEEP_DAYS set, run to its end. */
    private static int nightlyKeepingLogs(Path dir, String keepDays) throws Exception {
        ProcessBuilder builder = nightly(standIns(dir, "echo scored and published", "exit 0"), dir);
        builder.environment().put("NETMARKET_LOG_KEEP_DAYS", keepDays);
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    /**
     * A night deletes the day logs older than NETMARKET_LOG_KEEP_DAYS by the date in their names:
     * one day past it goes, the day itself stays; 0 keeps them all; other files stay whatever
     * their names.
     */
    @Test
    void aNightlyDeletesTheDayLogsItNoLongerKeeps(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        // The cutoff from the clock of the test's start; the script may look at it after midnight.
        LocalDate today = LocalDate.now();
        Path past = logs.resolve("nightly-" + today.minusDays(91) + ".log");
        Path atCutoff = logs.resolve("nightly-" + today.minusDays(90) + ".log");
        List<Path> others = List.of(logs.resolve("nightly-2001-01-01.log.gz"), logs.resolve("notes-2001-01-01.log"),
                logs.resolve("nightly-2001-01-01.log.1"));
        for (Path f : concat(List.of(past, atCutoff), others)) {
            Files.writeString(f, "an earlier night\n");
        }
        assertEquals(0, nightlyKeepingLogs(dir, "0"));
        assertTrue(Files.exists(past), "0 keeps every day log");

        assertEquals(0, nightlyKeepingLogs(dir, "90"));
        assertFalse(Files.exists(past));
        if (LocalDate.now().equals(today)) { // else the script's cutoff is a day later
            assertTrue(Files.exists(atCutoff), "the day at the cutoff stays");
        }
        others.forEach(f -> assertTrue(Files.exists(f), f.toString()));
        String log = "";
        for (LocalDate day : List.of(today, today.plusDays(1))) {
            Path f = logs.resolve("nightly-" + day + ".log");
            log += Files.exists(f) ? Files.readString(f) : "";
        }
        assertTrue(log.contains(" deleted 1 day log(s) older than 90 days (NETMARKET_LOG_KEEP_DAYS), the oldest "
                + past.getFileName()), log);

        assertEquals(2, nightlyKeepingLogs(dir, "ninety"));
        assertEquals("error: NETMARKET_LOG_KEEP_DAYS must be a whole number of days (0 keeps every day log), not 'ninety'\n",
                Files.readString(dir.resolve("stderr")));
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * The night's log as written so far: empty until the script has created it (its folder comes
     * first, so a folder without the file is a script just starting, not a failure).
     */
    private static String nightlyLogSoFar(Path dir) throws IOException {
        Optional<Path> log = Files.isDirectory(dir.resolve("logs")) ? nightlyLogFile(dir) : Optional.empty();
        return log.isPresent() ? readNightlyLog(log.get()) : "";
    }

    private static String nightlyLog(Path dir) throws IOException {
        return readNightlyLog(nightlyLogFile(dir).orElseThrow());
    }

    private static Optional<Path> nightlyLogFile(Path dir) throws IOException {
        try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
            return logs.findFirst();
        }
    }

    private static String readNightlyLog(Path log) throws IOException {
        assertTrue(log.getFileName().toString().matches("nightly-\\d{4}-\\d{2}-\\d{2}\\.log"), log.toString());
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /**
     * systemd (KillMode=mixed) stops the script alone: it passes SIGTERM on to the job, waits for
     * the job to record the stop, and logs how the night ended, with the job's exit code.
     */
    @Test
    void aStoppedNightlyPassesTheStopOnToTheJobAndLogsHowItEnded(@TempDir Path dir) throws Exception {
        // Gives up after a minute on its own: a script that does not pass the stop on must not leave it running.
        Path bin = standIns(dir, "trap 'echo job got SIGTERM; exit 143' TERM", "echo job started",
                "for i in $(seq 600); do sleep 0.1; done", "exit 0");
        Process nightly = nightly(bin, dir).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!nightlyLogSoFar(dir).contains("job started")) {
                assertTrue(System.nanoTime() < deadline && nightly.isAlive(), "the stand-in job never started");
                Thread.sleep(50);
            }
            nightly.destroy(); // SIGTERM to the script only
            assertTrue(nightly.waitFor(60, TimeUnit.SECONDS), "the script ends once the job has");
        } finally {
            nightly.destroyForcibly();
        }
        String log = nightlyLog(dir);
        assertEquals(143, nightly.exitValue(), log);
        assertTrue(log.contains("job got SIGTERM\n"), "the job was stopped by the script: " + log);
        assertTrue(log.lines().reduce((a, b) -> b).orElseThrow().endsWith(" nightly run finished with exit code 143"), log);
        String stderr = Files.readString(dir.resolve("stderr"));
        assertTrue(stderr.contains("nightly run finished with exit code 143; log: "), "a stopped night is said on stderr too");
        // Without the job's error line, the end of the log is shown: taken before the script's own end is added to it.
        assertEquals(1, stderr.split("nightly run finished", -1).length - 1, "the end said once: " + stderr);
    }

    /**
     * A night stopped before its job starts (here during the usage check that precedes starting
     * the local PostgreSQL) says so in the log and on stderr, with a stop's exit code, and starts
     * nothing more.
     */
    @Test
    void aNightlyStoppedBeforeItsJobStartsSaysSo(@TempDir Path dir) throws Exception {
        // The usage check lasts until the test lets it end, after the signal: bash acts on a
        // signal once its foreground command has ended, and the check must not end before.
        Path release = dir.resolve("usage-checked");
        Path bin = standIns(dir, "if [[ -n \"${NETMARKET_CHECK_USAGE:-}\" ]]; then echo checking usage;"
                + " for i in $(seq 600); do [[ -e '" + release + "' ]] && exit 0; sleep 0.1; done; exit 0; fi",
                "echo job started", "exit 0");
        Process nightly = nightly(bin, dir, SCRIPTS.resolve("nightly")).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!nightlyLogSoFar(dir).contains("checking usage")) {
                assertTrue(System.nanoTime() < deadline && nightly.isAlive(), "the usage check never started");
                Thread.sleep(50);
            }
            nightly.destroy(); // SIGTERM to the script only
            Files.createFile(release);
            assertTrue(nightly.waitFor(60, TimeUnit.SECONDS));
        } finally {
            nightly.destroyForcibly();
        }
        String log = nightlyLog(dir);
        assertEquals(143, nightly.exitValue(), log);
        assertTrue(log.contains(" stopped before the run started\n"), log);
        assertFalse(log.contains("job started") || log.contains("local PostgreSQL"), log);
        assertTrue(log.lines().reduce((a, b) -> b).orElseThrow().endsWith(" nightly run finished with exit code 143"), log);
        String stderr = Files.readString(dir.resolve("stderr"));
        assertTrue(stderr.contains("nightly run finished with exit code 143; log: "), stderr);
    }

    /** Without a terminal, a night is silent when it succeeds and says on stderr how it failed (cron mails that). */
    @Test
    void aNightlyIsQuietUnlessItFails(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok");
        Process good = nightly(standIns(ok, "echo scored and published", "exit 0"), ok).start();
        assertTrue(good.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, good.exitValue());
        assertEquals("", Files.readString(ok.resolve("stderr")), "a good night says nothing");
        assertEquals("", Files.readString(ok.resolve("stdout")), "a good night says nothing");
        assertTrue(nightlyLog(ok).contains("scored and published"), nightlyLog(ok));

        Path bad = dir.resolve("bad");
        // The job's error, a stack frame, then more log lines than the end of the log would show.
        Process failed = nightly(standIns(bad, "echo 'error (bad input, nothing was published): retail/r.csv line 3'",
                "printf '\\tat org.netmarket.Frame.of(Frame.java:1)\\n'", "echo 'Run folder (run.log): /reports/r1'",
                "for i in 1 2 3 4 5 6; do echo \"02:31:0$i INFO  Spark - after the error\"; done", "exit 2"), bad).start();
        assertTrue(failed.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, failed.exitValue());
        String stderr = Files.readString(bad.resolve("stderr"));
        assertTrue(stderr.startsWith("error (bad input, nothing was published): retail/r.csv line 3\n"
                + "Run folder (run.log): /reports/r1\n"), "the job's account of the failure, without its stack frames: " + stderr);
        assertTrue(stderr.endsWith("nightly run finished with exit code 2; log: " + bad.resolve("logs") + "/"
                + "nightly-" + LocalDate.now() + ".log\n"), stderr);
        assertEquals(1, stderr.split("nightly run finished", -1).length - 1, "the end said once: " + stderr);
    }

    /** Without a locale (cron, a bare systemd unit) the job still runs in UTF-8, or Chinese names would log as '?'. */
    @Test
    void theJobRunsInAUtf8LocaleWhenTheEnvironmentHasNone(@TempDir Path dir) throws Exception {
        ProcessBuilder builder = start(standIns(dir, "locale charmap"), dir, Map.of(), SCRIPTS.resolve("netmarket"), "--version")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        for (String variable : List.of("LANG", "LC_ALL", "LC_CTYPE", "LANGUAGE")) {
            builder.environment().remove(variable);
        }
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("UTF-8", output.strip(), output);
    }

    /**
     * A log that fills its disk once the job has published must not turn the night into a
     * failure (exit 1 is "nothing was published", and a scheduler would retry it): the job here
     * leaves the day log a link to /dev/full, where every write fails with "No space left".
     */
    @Test
    void aNightlyWhoseLogFillsUpAfterTheJobKeepsTheJobsExitCode(@TempDir Path dir) throws Exception {
        Process nightly = nightly(standIns(dir, "echo scored and published",
                "ln -sf /dev/full \"$NETMARKET_LOG_DIR/nightly-$(date +%F).log\"", "exit 0"), dir).start();
        assertTrue(nightly.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, nightly.exitValue(), Files.readString(dir.resolve("stderr")));
        assertTrue(Files.readString(dir.resolve("stderr")).contains("warning: cannot write to the log "),
                Files.readString(dir.resolve("stderr")));
    }

    /**
     * A log whose disk is full before the night starts stops it before the job runs, in one
     * line that says so (bash's own "write error" ended it before, without a word of how the
     * night ended). On a small tmpfs filled up: only where the tests may mount one (as root).
     */
    @Test
    void aNightlyWhoseLogDiskIsFullSaysSoBeforeTheJobRuns(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        assumeTrue(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", logs.toString())
                .redirectErrorStream(true).start().waitFor() == 0, "needs to mount a tmpfs");
        try {
            // Filled to the last block: dd stops at "No space left on device".
            new ProcessBuilder("dd", "if=/dev/zero", "of=" + logs.resolve("fill"), "bs=4k").redirectErrorStream(true).start().waitFor();
            Process nightly = nightly(standIns(dir, "echo the job ran", "exit 0"), dir).start();
            assertTrue(nightly.waitFor(60, TimeUnit.SECONDS));
            String stderr = Files.readString(dir.resolve("stderr"));
            assertEquals(1, nightly.exitValue(), stderr);
            assertTrue(stderr.matches("error: cannot write to the log file " + java.util.regex.Pattern.quote(logs.toString())
                    + "/nightly-[0-9-]+\\.log \\(is its disk full\\?\\): nothing was run\n"), stderr);
            assertEquals("", Files.readString(dir.resolve("stdout")), "the job never ran");
        } finally {
            new ProcessBuilder("umount", logs.toString()).redirectErrorStream(true).start().waitFor();
        }
    }

    /**
     * A night without a warehouse URL publishes to the local PostgreSQL; when that cannot be set
     * up it fails as any night does, on stderr and in the log (it once ended silently with exit
     * code 1, so cron mailed nothing). Run from a checkout of its own, whose {@code .local} is a
     * file, so that nothing of this one's is touched.
     */
    @Test
    void aNightlyWhoseLocalPostgresCannotStartSaysSo(@TempDir Path dir) throws Exception {
        Path root = checkoutOf(dir, "nightly");
        Files.writeString(root.resolve(".local"), "a file where the local folder should be");
        // The stand-in java answers the usage check before the server is set up, and says when it is run for the night.
        Process nightly = nightly(standIns(dir, "[[ -n ${NETMARKET_CHECK_USAGE:-} ]] || echo the job ran", "exit 0"), dir,
                root.resolve("scripts/nightly")).start();
        assertTrue(nightly.waitFor(60, TimeUnit.SECONDS));
        String log = nightlyLog(dir);
        assertEquals(1, nightly.exitValue(), log);
        assertFalse(log.contains("the job ran"), "no run without a warehouse: " + log);
        String stderr = Files.readString(dir.resolve("stderr"));
        assertTrue(stderr.startsWith("error: cannot create the local PostgreSQL's folder " + root.toAbsolutePath() + "/.local/pg: "),
                stderr);
        assertTrue(stderr.endsWith("nightly run finished with exit code 1; log: " + dir.resolve("logs") + "/nightly-"
                + LocalDate.now() + ".log\n"), stderr);
        assertTrue(log.lines().reduce((a, b) -> b).orElseThrow().endsWith(" nightly run finished with exit code 1"), log);
    }

    /** A log folder the night cannot write stops it before anything runs, in one line. */
    @Test
    void aNightlyWithoutAWritableLogFolderSaysSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("logs"), "a file where the log folder should be");
        Process nightly = nightly(standIns(dir, "echo the job ran", "exit 0"), dir).start();
        assertTrue(nightly.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, nightly.exitValue());
        assertEquals("error: cannot write the log folder " + dir.resolve("logs") + " (NETMARKET_LOG_DIR): create it, writable by "
                + System.getProperty("user.name") + "\n", Files.readString(dir.resolve("stderr")));
        assertEquals("", Files.readString(dir.resolve("stdout")), "the job never ran");
    }

    /**
     * A night's log file it cannot append to (left by a night started by hand as another user)
     * stops it before anything runs, in one line. Stood for here by a folder in its place, since
     * the tests may run as root, whom file permissions do not stop.
     */
    @Test
    void aNightlyThatCannotWriteItsLogFileSaysSo(@TempDir Path dir) throws Exception {
        // Today's and tomorrow's name: the script may look at the clock after midnight has passed.
        List<LocalDate> days = List.of(LocalDate.now(), LocalDate.now().plusDays(1));
        for (LocalDate day : days) {
            Files.createDirectories(dir.resolve("logs/nightly-" + day + ".log/kept"));
        }
        Process nightly = nightly(standIns(dir, "echo the job ran", "exit 0"), dir).start();
        assertTrue(nightly.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, nightly.exitValue());
        String stderr = Files.readString(dir.resolve("stderr"));
        assertTrue(days.stream().anyMatch(day -> stderr.equals("error: cannot write the log file " + dir.resolve("logs")
                + "/nightly-" + day + ".log: make it writable by " + System.getProperty("user.name")
                + " (a night started by hand as another user may have created it)\n")), stderr);
        assertEquals("", Files.readString(dir.resolve("stdout")), "the job never ran");
    }

    /**
     * scripts/run-pipeline's defaults go before the user's arguments, so that an option the user
     * left without its value is the last argument, and is reported as such.
     */
    @Test
    void runPipelinePutsItsDefaultsBeforeTheUsersArguments(@TempDir Path dir) throws Exception {
        List<String> job = viaStandInJava(dir, Map.of("NETMARKET_JDBC_URL", "jdbc:postgresql://warehouse.invalid/netmarket"),
                SCRIPTS.resolve("run-pipeline"), "--year");
        // The job's arguments end where what the script says after a run begins.
        assertEquals(List.of("run", "--data", SCRIPTS.toAbsolutePath().getParent().resolve("sample-data").toString(),
                "--report-dir", SCRIPTS.toAbsolutePath().getParent().resolve(".local/reports").toString(), "--year"),
                job.subList(1, job.indexOf("")), job.toString());
    }

    /**
     * After publishing to a warehouse given by URL, scripts/run-pipeline ends, like the run on
     * its own local PostgreSQL, with how to connect — without the URL's password; after a dry
     * run, which published nothing, it says nothing of the kind.
     */
    @Test
    void runPipelineSaysHowToConnectToTheWarehouseItPublishedTo(@TempDir Path dir) throws Exception {
        String url = "jdbc:postgresql://db.example:5433/netmarket?user=etl&password=s3cret";
        List<String> published = viaStandInJava(dir, Map.of(), SCRIPTS.resolve("run-pipeline"), "--jdbc-url", url);
        List<String> said = published.subList(published.indexOf("") + 1, published.size());
        assertEquals(List.of("Warehouse: jdbc:postgresql://db.example:5433/netmarket, schema netmarket."
                        + " Connect with (the password from PGPASSWORD or ~/.pgpass):",
                "  psql -h db.example -p 5433 -U etl -d netmarket"), said.subList(0, 2), said.toString());
        assertTrue(said.get(2).startsWith("  e.g.  SELECT ") && said.get(3).startsWith("  why:  SELECT ")
                && said.get(4).contains("FROM netmarket.item_lineage") && said.size() == 5, said.toString());

        List<String> dryRun = viaStandInJava(dir, Map.of("NETMARKET_JDBC_URL", url), SCRIPTS.resolve("run-pipeline"), "--dry-run");
        assertFalse(dryRun.contains(""), "a dry run published nothing to connect to: " + dryRun);
    }

    /**
     * The benchmark's time by stage, read from a run's log as the job writes durations (in ms
     * under a second, in s with one decimal, in min and s from a minute): a misread unit would
     * put a stage off by a factor of 1000 or 60 in the figures the README reports.
     */
    @Test
    void stageTimesReadEveryDurationTheLogWrites(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("run.log");
        Files.writeString(log, String.join("\n",
                "17:56:41 INFO  ScoringPipeline - stage warehouse: started",
                "17:56:41 INFO  ScoringPipeline - stage warehouse: done in 735 ms",
                "17:56:43 INFO  ExtractReader - extract retail: 41409 rows read, 1 quarantined",
                "17:58:12 INFO  ScoringPipeline - stage ingest: done in 1 min 29 s",
                "17:58:22 INFO  ScoringPipeline - stage facts 2024 (as of 2024-12-31): done in 5.8 s",
                "17:58:30 INFO  ScoringPipeline - stage publish: done in 59 s",
                "17:58:30 INFO  ScoringPipeline - stage score 2024: done in 0 ms") + "\n", StandardCharsets.UTF_8);
        Result result = run("bash", "-c", "source scripts/lib/common.sh && stage_times \"$0\"", log.toString());
        assertEquals(0, result.exitCode, result.output);
        assertEquals("warehouse 0.7 s, ingest 89.0 s, facts 2024 5.8 s, publish 59.0 s, score 2024 0.0 s", result.output.strip());
    }

    /**
     * After publishing to a warehouse given by URL, scripts/run-pipeline says how to open it with
     * psql: host, port (PostgreSQL's 5432 when the URL has none), database and the URL's user —
     * and never the password, which would land in a terminal's scrollback and the scheduler's mail.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db.example:5433/netmarket?user=etl&password=s3cret|psql -h db.example -p 5433 -U etl -d netmarket",
            "jdbc:postgresql://db.example:5433/netmarket?sslmode=require&user=etl|psql -h db.example -p 5433 -U etl -d netmarket",
            "jdbc:postgresql://db/netmarket?password=s3cret|psql -h db -p 5432 -d netmarket",
            "jdbc:postgresql://10.0.0.7/netmarket|psql -h 10.0.0.7 -p 5432 -d netmarket",
            // Forms psql's -h/-p cannot say the same way: the summary names the URL instead.
            "jdbc:postgresql://db1:5432,db2:5432/netmarket?user=etl|",
            "jdbc:postgresql://[::1]:5432/netmarket|",
            "jdbc:postgresql:netmarket|"})
    void psqlCommandOfAWarehouseUrlNamesEverythingButThePassword(String urlAndExpected) throws Exception {
        String[] parts = urlAndExpected.split("\\|", -1);
        Result result = run("bash", "-c", "source scripts/lib/common.sh && psql_command \"$0\"", parts[0]);
        assertEquals(0, result.exitCode, result.output);
        assertEquals(parts[1], result.output.strip(), parts[0]);
        assertFalse(result.output.contains("s3cret"), result.output);
    }

    /** The value a script reads of its own option: either spelling, the last one given, and nothing for an option without its value. */
    @Test
    void argValueReadsBothSpellingsOfAnOption() throws Exception {
        String script = "source scripts/lib/common.sh && args=(\"$@\") && echo \"[$(arg_value --jdbc-url)]\"";
        assertEquals("[jdbc:postgresql://a/x]", run("bash", "-c", script, "-", "--year", "2024", "--jdbc-url", "jdbc:postgresql://a/x").output.strip());
        assertEquals("[jdbc:postgresql://b/x]", run("bash", "-c", script, "-", "--jdbc-url=jdbc:postgresql://a/x", "--jdbc-url=jdbc:postgresql://b/x").output.strip());
        assertEquals("[]", run("bash", "-c", script, "-", "--year", "2024").output.strip());
        assertEquals("[]", run("bash", "-c", script, "-", "--jdbc-url").output.strip());
    }

    /** A flag a script reads as the job does: bare or =true is on, =false (any case) is off, the last one given wins. */
    @Test
    void flagOnReadsABooleanOptionAsTheJobDoes(@TempDir Path dir) throws Exception {
        String script = "source scripts/lib/common.sh && args=(\"$@\") && if flag_on --dry-run; then echo on; else echo off; fi";
        Map<List<String>, String> expected = new LinkedHashMap<>();
        expected.put(List.of("--dry-run"), "on");
        expected.put(List.of("--dry-run=true"), "on");
        expected.put(List.of("--dry-run=false"), "off");
        expected.put(List.of("--dry-run=FALSE"), "off");
        expected.put(List.of("--year", "2024"), "off");
        expected.put(List.of("--dry-run-ish"), "off");
        expected.put(List.of("--dry-run=false", "--dry-run"), "on");
        expected.put(List.of("--dry-run", "--dry-run=false"), "off");
        for (Map.Entry<List<String>, String> e : expected.entrySet()) {
            List<String> command = new ArrayList<>(List.of("bash", "-c", script, "-"));
            command.addAll(e.getKey());
            assertEquals(e.getValue(), run(command.toArray(String[]::new)).output.strip(), e.getKey().toString());
        }
        String url = "jdbc:postgresql://db.example:5433/netmarket";
        List<String> published = viaStandInJava(dir, Map.of("NETMARKET_JDBC_URL", url), SCRIPTS.resolve("run-pipeline"), "--dry-run=false");
        assertTrue(published.contains("  psql -h db.example -p 5433 -d netmarket"), "--dry-run=false publishes: " + published);
    }

    private static void assertHelpWithoutCode(Path script, String output) {
        List<String> help = output.lines().collect(Collectors.toList());
        assertFalse(help.isEmpty() || help.get(0).isBlank(), script + ": help begins with no summary");
        Set<String> code = read(script).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toSet());
        for (int i = 0; i < help.size(); i++) {
            if (code.contains(help.get(i).strip())) {
                fail(script + ": help line " + (i + 1) + " is code, not help: " + help.get(i));
            }
        }
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> read(Path script) {
        try {
            return Files.readAllLines(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }
}
