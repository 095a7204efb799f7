package org.netmarket.warehouse;

import org.netmarket.config.EnvironmentException;
import org.postgresql.PGConnection;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The read-only PostgreSQL role BI tools log in with, {@value #ROLE}. Migration
 * {@code V5__bi_role.sql} creates it without LOGIN and grants it SELECT on schema
 * {@code netmarket}; this class gives it LOGIN and a password, taken at setup from the
 * environment variable {@value #PASSWORD_ENV}, so that the password never goes through a
 * migration, the repository or a log line.
 *
 * <p>The password is sent as a SCRAM-SHA-256 verifier computed here, not in clear text: the
 * server (and its statement log, should it log DDL) only ever sees the salted hash.
 */
public final class BiRole {
    /** The role's name; BI connection settings refer to it. */
    public static final String ROLE = "netmarket_bi";
    /** The environment variable holding the role's password at setup. */
    public static final String PASSWORD_ENV = "NETMARKET_BI_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(BiRole.class);

    private BiRole() {
    }

    /**
     * Lets {@value #ROLE} log in with {@code password} when one is given (null or empty: leaves
     * the role as it is). A publishing run passes the value of {@value #PASSWORD_ENV}
     * ({@link JdbcSettings#biPassword}) once it is registered.
     *
     * @return whether a password was set
     * @throws EnvironmentException when a password is given but cannot be set (no such role,
     *                              or the warehouse user may not alter it): the warehouse's
     *                              set-up, said in one line that never contains the password
     */
    public static boolean setPasswordIfGiven(Warehouse warehouse, String password) {
        if (password == null) {
            return false;
        }
        if (password.isEmpty()) {
            // NETMARKET_BI_PASSWORD="$(cat /run/secrets/...)" with no such file: the operator meant to set one.
            LOG.warn("{} is set but empty: the password of role {} was left as it is", PASSWORD_ENV, ROLE);
            return false;
        }
        try (Connection c = warehouse.connect()) {
            setPassword(c, password);
        } catch (SQLException e) {
            // The operator asked for a BI login at setup: leaving it silently broken would only
            // surface later as a dashboard that cannot connect.
            throw new EnvironmentException("cannot set the password of role " + ROLE + " from " + PASSWORD_ENV + " in "
                    + warehouse.settings().redactedUrl() + ": " + e.getMessage()
                    + " (the warehouse user needs CREATEROLE, or a database administrator sets it)", e);
        }
        LOG.info("role {}: LOGIN with the password from {}", ROLE, PASSWORD_ENV);
        return true;
    }

    /** Gives {@value #ROLE} LOGIN and this password, over an open connection. */
    public static void setPassword(Connection c, String password) throws SQLException {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the password of role " + ROLE + " must not be empty");
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?")) {
            s.setString(1, ROLE);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("role " + ROLE + " does not exist: the warehouse migration could not create it "
                            + "(see the NOTICE of V5__bi_role.sql)");
                }
            }
        }
        // ALTER ROLE takes no bind parameters, so the value goes in as a literal quoted by the
        // driver (which knows the server's standard_conforming_strings).
        String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
        String literal = "'" + c.unwrap(PGConnection.class).escapeLiteral(verifier) + "'";
        try (Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + ROLE + " LOGIN PASSWORD " + literal);
        }
    }
}
