package org.netmarket.warehouse;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The PostgreSQL warehouse (schema {@code netmarket}): created and upgraded by the versioned
 * migrations of {@code schemas/warehouse/migrations} (Flyway) on first contact.
 */
public final class Warehouse {
    /** The schema every published table and view lives in. */
    public static final String SCHEMA = "netmarket";
    /** Where the migrations are packaged (schemas/warehouse/migrations in the repository). */
    public static final String MIGRATIONS = "classpath:netmarket/schemas/warehouse/migrations";

    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

    private final JdbcSettings settings;

    private Warehouse(JdbcSettings settings) {
        this.settings = settings;
    }

    /**
     * Connects, applies pending migrations and, when {@code NETMARKET_BI_PASSWORD} is set, lets
     * the BI role log in with it ({@link BiRole}).
     */
    public static Warehouse open(JdbcSettings settings) {
        Warehouse w = new Warehouse(settings);
        w.migrate();
        BiRole.setPasswordIfGiven(w, System.getenv(BiRole.PASSWORD_ENV));
        return w;
    }

    /**
     * Connects for reading what is published, without migrating: a dry run writes nothing, not
     * even the schema (a warehouse without it has nothing published).
     */
    public static Warehouse forReading(JdbcSettings settings) {
        return new Warehouse(settings);
    }

    public JdbcSettings settings() {
        return settings;
    }

    /** A new connection with {@code search_path} set to the warehouse schema. */
    public Connection connect() throws SQLException {
        Connection c = settings.connect();
        try (var s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA + ", public");
        }
        return c;
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
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET LOCAL " + setting + " = " + value);
        }
    }
}
