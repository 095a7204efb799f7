package org.netmarket.testing;

import org.netmarket.warehouse.JdbcSettings;
import org.netmarket.warehouse.Warehouse;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: one throwaway cluster per test JVM, started from the
 * installed server binaries on a free loopback port (as the postgres OS user when the tests run
 * as root, since PostgreSQL refuses root), with a fresh database for every
 * {@link #createDatabase()} call (or a fresh warehouse for every {@link #createWarehouse()} call):
 * most tests make one per test method, a class that publishes once in its {@code @BeforeAll} one
 * per class. It can be stopped and started again for fault-injection tests.
 *
 * <p>Set {@code NETMARKET_TEST_ADMIN_URL} (a JDBC URL of a superuser connection) to use an
 * existing server instead; the binaries are looked up in {@code NETMARKET_PG_BIN} or
 * {@code /usr/lib/postgresql/<version>/bin}.
 */
public final class TestingPostgres {
    private static TestingPostgres instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** The database every {@link #createWarehouse()} copies, once migrated; null until then. */
    private String migratedTemplate;

    private final String adminUrl;
    private final Path home;
    private final Path bin;
    private final int port;

    private TestingPostgres(String adminUrl, Path home, Path bin, int port) {
        this.adminUrl = adminUrl;
        this.home = home;
        this.bin = bin;
        this.port = port;
    }

    /** The JVM's server, started on first use. */
    public static synchronized TestingPostgres server() {
        if (instance == null) {
            String external = System.getenv("NETMARKET_TEST_ADMIN_URL");
            instance = external != null ? new TestingPostgres(external, null, null, -1) : startOwn();
        }
        return instance;
    }

    /** A new empty database on the server; returns its JDBC URL. */
    public String createDatabase() {
        return create("");
    }

    /**
     * A new database holding the warehouse at the current version, as the job's first run leaves
     * it before publishing; returns its JDBC URL. It is a copy of a database migrated once per JVM
     * by the job's own {@link Warehouse#open}: applying every migration took half a second, a
     * tenth of a test's run. Tests of migrating itself, and of a first run into an empty
     * database, use {@link #createDatabase()}.
     */
    public String createWarehouse() {
        return copyOf(migratedTemplate());
    }

    private synchronized String migratedTemplate() {
        if (migratedTemplate == null) {
            String url = createDatabase();
            Warehouse.open(JdbcSettings.of(url, Map.of()));
            migratedTemplate = freeze(url);
        }
        return migratedTemplate;
    }

    /**
     * Keeps the database of {@code url} as it is, to be copied by {@link #copyOf}: a state that
     * several tests start from (published once per class). Nothing connects to it again.
     */
    public String freeze(String url) {
        String name = databaseOf(url);
        // No connection may be open to a database being copied: not even autovacuum's, which
        // leaves alone a database that allows none.
        execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false IS_TEMPLATE true");
        return name;
    }

    /**
     * Lets new sessions connect to the database of {@code url}, or refuses them (a warehouse that
     * stops answering, while the sessions it has go on).
     */
    public void allowConnections(String url, boolean allow) {
        execute("ALTER DATABASE " + databaseOf(url) + " WITH ALLOW_CONNECTIONS " + allow);
    }

    /** A new database holding what the {@link #freeze frozen} one holds; returns its JDBC URL. */
    public String copyOf(String frozen) {
        return create(" TEMPLATE " + frozen);
    }

    private String create(String options) {
        String name = "netmarket_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + options);
        return adminUrl.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    private static String databaseOf(String url) {
        return url.replaceFirst("^jdbc:postgresql://[^/]*/", "").replaceFirst("\\?.*$", "");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects to the database of {@code jdbcUrl} (a URL of {@link #createDatabase()}) as another
     * role, with a password.
     */
    public static Connection connectAs(String jdbcUrl, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl.replaceFirst("\\?.*$", ""), p);
    }

    /** Stops the server abruptly (fault injection); connections break. */
    public void stop() {
        requireOwn();
        pgCtl("stop", "-m", "immediate");
    }

    /** Starts the server again after {@link #stop()}. */
    public void start() {
        requireOwn();
        pgCtl("start", "-w", "-t", "60", "-l", home.resolve("postgres.log").toString(), "-o", serverOptions());
    }

    /**
     * Makes the server ask {@code role} for its password (SCRAM) on loopback connections, so that
     * a test can tell a right password from a wrong one: the cluster otherwise trusts every local
     * connection. Other roles keep trust. Only for a server this class started.
     */
    public synchronized void requirePasswordFor(String role) {
        requireOwn();
        Path hba = home.resolve("data").resolve("pg_hba.conf");
        String rule = "host all " + role + " 127.0.0.1/32 scram-sha-256";
        try {
            String rules = Files.readString(hba);
            if (rules.contains(rule)) {
                return;
            }
            // The first matching line wins: the rule goes before the trust lines.
            Files.writeString(hba, rule + "\n" + rules);
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("SELECT pg_reload_conf()");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot require a password for " + role + ": " + e.getMessage(), e);
        }
        // The reload is asynchronous: wait until a wrong password is refused as such.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Connection ignored = connectAs(adminUrl, role, "not-the-password-" + System.nanoTime())) {
                // Still trusted: the new rule is not loaded yet.
            } catch (SQLException e) {
                if ("28P01".equals(e.getSQLState())) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not start asking " + role + " for a password");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    public boolean isOwn() {
        return home != null;
    }

    private void requireOwn() {
        if (home == null) {
            throw new IllegalStateException("cannot stop or start an external test server");
        }
    }

    private static TestingPostgres startOwn() {
        try {
            Path bin = binaries();
            Path home = Files.createTempDirectory(Path.of("/tmp"), "netmarket-test-pg-");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.createDirectories(home.resolve("run"));
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", home.toString()), false);
                run(List.of("chmod", "755", home.toString()), false);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", home.resolve("data").toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-locale", "--no-sync"), true);
            TestingPostgres pg = new TestingPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres",
                    home, bin, port);
            pg.start();
            Runtime.getRuntime().addShutdownHook(new Thread(pg::destroy, "stop-test-postgres"));
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test PostgreSQL: " + e.getMessage(), e);
        }
    }

    private String serverOptions() {
        // Durability is irrelevant for a throwaway test cluster; speed is not.
        return "-p " + port + " -k " + home.resolve("run") + " -c listen_addresses=127.0.0.1 -c fsync=off "
                + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50";
    }

    private void pgCtl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", home.resolve("data").toString()));
        cmd.addAll(List.of(args));
        run(cmd, true);
    }

    private void destroy() {
        try {
            pgCtl("stop", "-m", "immediate");
        } catch (RuntimeException ignored) {
            // Already stopped.
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover directory under /tmp is harmless.
        }
    }

    private static Path binaries() throws IOException {
        String env = System.getenv("NETMARKET_PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "pg_ctl"))) {
            return Path.of(env);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                        .orElseThrow(() -> new IOException("no PostgreSQL server binaries under /usr/lib/postgresql"));
            }
        }
        throw new IOException("PostgreSQL server binaries not found: install the Debian package postgresql "
                + "(scripts/test does) or set NETMARKET_PG_BIN");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> cmd = new ArrayList<>();
        if (asPostgres && isRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", cmd) + "' failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd, e);
        }
    }
}
