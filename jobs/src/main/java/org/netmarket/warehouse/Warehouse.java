package org.netmarket.warehouse;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.netmarket.config.EnvironmentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The PostgreSQL warehouse (schema {@code netmarket}): created and upgraded by the versioned
 * migrations of {@code schemas/warehouse/migrations} (Flyway) on first contact.
 */
public final class Warehouse {
    /** The schema every published table and view lives in. */
    public static final String SCHEMA = "netmarket";
    /** How long {@link #connectBriefly} waits to connect, and for each answer. */
    static final Duration BRIEFLY = Duration.ofSeconds(5);
    /** Where the migrations are packaged (schemas/warehouse/migrations in the repository). */
    public static final String MIGRATIONS = "classpath:netmarket/schemas/warehouse/migrations";

    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

    private final JdbcSettings settings;

    private Warehouse(JdbcSettings settings) {
        this.settings = settings;
    }

    /**
     * Connects and applies pending migrations. A warehouse that cannot be connected to is an
     * {@link EnvironmentException} saying which (redacted URL) and why. The BI role's password
     * ({@code NETMARKET_BI_PASSWORD}) is set apart, by {@link BiRole#setPasswordIfGiven}: a
     * publishing run sets it once it is registered, so that a failure to set it is recorded.
     */
    public static Warehouse open(JdbcSettings settings) {
        Warehouse w = new Warehouse(settings);
        w.checkConnection();
        w.migrate();
        return w;
    }

    /**
     * Connects for reading what is published, without migrating: a dry run writes nothing, not
     * even the schema (a warehouse without it has nothing published). Unreachable, it is an
     * {@link EnvironmentException} as for {@link #open}, before the run reads anything.
     */
    public static Warehouse forReading(JdbcSettings settings) {
        Warehouse w = new Warehouse(settings);
        w.checkConnection();
        return w;
    }

    public JdbcSettings settings() {
        return settings;
    }

    /**
     * A new connection with {@code search_path} set to the warehouse schema alone (pg_catalog is
     * searched first anyway): not public, where on PostgreSQL 14 and older any role, the BI role
     * too, could create a function that the job's SQL would call instead of a built-in one
     * (V33 takes that right away, where the migrating user may).
     */
    public Connection connect() throws SQLException {
        return set(settings.connect());
    }

    /** The session with {@code search_path} and the {@code settings} (SET statements) given; closed when one fails. */
    private static Connection set(Connection c, String... settings) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
            for (String setting : settings) {
                s.execute(setting);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * Connects once before Flyway does: Flyway would wrap the driver's refusal in a message of
     * its own with the driver's text twice, and a down server, a wrong host or a refused
     * password is not a defect of the job but one line for the operator.
     */
    private void checkConnection() {
        try (Connection c = settings.connect()) {
            LOG.debug("warehouse {}: connected", settings.redactedUrl());
        } catch (SQLException e) {
            throw new EnvironmentException(whyUnreachable(settings.redactedUrl(), e), e);
        }
    }

    /**
     * A session for one short use while the warehouse may be away ({@link Retrying}): connecting
     * and each answer are waited for at most {@link #BRIEFLY}, a row lock held by a session the
     * network lost (which the server has not noticed yet) for less.
     */
    Connection connectBriefly() throws SQLException {
        return set(settings.connect(BRIEFLY), "SET lock_timeout = '3s'");
    }

    /**
     * The failure as the environment's when its cause is the warehouse connection, lost during
     * the run (the server stopped or restarted, the network dropped: {@link #isConnectionLoss}):
     * one line for the operator, exit 1, instead of a defect's stack trace. Null for any other
     * failure.
     */
    public static EnvironmentException lostConnection(Throwable failure, String redactedUrl) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && isConnectionLoss(e)) {
                return new EnvironmentException("lost the connection to the warehouse " + redactedUrl + " during the run: "
                        + JdbcSettings.redactText(serverSaid(e)), failure);
            }
        }
        return null;
    }

    /**
     * Whether the server or the network ended the session (SQL state class 08, connection
     * exception; 57P01–57P03, the server shutting down or not accepting connections yet).
     */
    static boolean isConnectionLoss(SQLException e) {
        return e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().matches("57P0[123]"));
    }

    /**
     * "cannot reach the warehouse URL: Connection refused" when the network failed (the deepest
     * cause names it: refused, timed out, unknown host); "cannot connect to the warehouse URL:"
     * with the server's answer (a refused password, a missing database) otherwise.
     */
    static String whyUnreachable(String redactedUrl, SQLException e) {
        Throwable root = e;
        Throwable network = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof IOException && network == null) {
                network = t;
            }
        }
        if (network == null) {
            return "cannot connect to the warehouse " + redactedUrl + ": " + JdbcSettings.redactText(serverSaid(e));
        }
        String why;
        if (root instanceof UnknownHostException && root.getMessage() != null) {
            // The driver takes a user:password@ in front of the host for part of its name.
            why = "unknown host " + root.getMessage().substring(root.getMessage().lastIndexOf('@') + 1);
        } else {
            why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
        return "cannot reach the warehouse " + redactedUrl + ": " + JdbcSettings.redactText(why);
    }

    /**
     * The first line of a driver's message: the server's own error follows on further lines with
     * where it happened ("  Where: PL/pgSQL function …", "  Position: 15"), which belongs in the
     * run's log (with the cause), not in the one line a scheduler's mail shows.
     */
    static String serverSaid(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private void migrate() {
        Flyway flyway = Flyway.configure(Warehouse.class.getClassLoader())
                .dataSource(new SettingsDataSource(settings))
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations(MIGRATIONS)
                .load();
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("warehouse {}: applied {} migration(s), now at version {}", settings.redactedUrl(),
                    result.migrationsExecuted, result.targetSchemaVersion);
        } else {
            LOG.info("warehouse {}: schema {} is up to date", settings.redactedUrl(), SCHEMA);
        }
    }

    /** Sets a PostgreSQL setting for the rest of the connection's current transaction. */
    static void setLocal(Connection c, String setting, String value) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL " + setting + " = " + value);
        }
    }
}
