package org.netmarket.warehouse;

import org.netmarket.config.UsageException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the warehouse is and how to log in. Credentials come from the JDBC URL, the
 * {@code PGUSER}/{@code PGPASSWORD} environment variables or {@code ~/.pgpass} (read by the
 * PostgreSQL driver) — and never appear in a log line or in {@code pipeline_run}: use
 * {@link #redactedUrl()} for display.
 */
public final class JdbcSettings {
    /** Environment variable holding the warehouse JDBC URL when no --jdbc-url is given. */
    public static final String URL_ENV = "NETMARKET_JDBC_URL";

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)\\b((?:ssl)?password|pwd)=[^&\\s'\"]*");
    /** A password parameter's value in one command-line argument: anything but the next parameter's {@code &}. */
    private static final Pattern PASSWORD_IN_ARGUMENT = Pattern.compile("(?i)\\b(?:(?:ssl)?password|pwd)=([^&]*)");
    /** user:password@ in front of a host, with or without a scheme (UnknownHostException shows it bare). */
    private static final Pattern USER_INFO = Pattern.compile("[^\\s/@'\"]+:[^\\s/@'\"]*@");

    /** {@code jdbc:postgresql://user:password@host...}: user-info, which the driver does not read. */
    private static final Pattern USER_INFO_IN_URL = Pattern.compile("jdbc:postgresql://[^?]*@");
    /**
     * The driver's own log (java.util.logging, printed to stderr): its warnings may quote a URL
     * with the password in it ("JDBC URL invalid port number: secret@db"), and every problem it
     * has reaches the job as an exception anyway, whose message is redacted. Held here so that
     * the logger, and with it its level, is not garbage-collected.
     */
    private static final java.util.logging.Logger DRIVER_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    static {
        DRIVER_LOG.setLevel(java.util.logging.Level.OFF);
    }

    private final String url;
    private final Properties properties;
    private final String biPassword;

    private JdbcSettings(String url, Properties properties, String biPassword) {
        this.url = url;
        this.properties = properties;
        this.biPassword = biPassword;
    }

    /**
     * @param url the JDBC URL ({@code jdbc:postgresql://host:port/db[?user=..]})
     * @param env the process environment (for PGUSER/PGPASSWORD, and the BI role's password
     *            {@value BiRole#PASSWORD_ENV})
     */
    public static JdbcSettings of(String url, Map<String, String> env) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new UsageException("the warehouse URL must start with jdbc:postgresql: (got "
                    + (url == null ? "nothing" : redact(url)) + ")");
        }
        if (USER_INFO_IN_URL.matcher(url).lookingAt()) {
            // The driver reads "user:password@host" as a host with a bad port, and says so with the password in it.
            // Worded without "user:password@" or "password=": the message is redacted like any other text.
            throw new UsageException("the warehouse URL " + redact(url) + " puts the user and password before the host,"
                    + " which the PostgreSQL driver does not read: give them as the URL's parameters user and password,"
                    + " or set PGUSER and PGPASSWORD");
        }
        if (org.postgresql.Driver.parseURL(url, new Properties()) == null) {
            throw new UsageException("the warehouse URL " + redact(url) + " is not one the PostgreSQL driver can read"
                    + " (jdbc:postgresql://host:port/database?user=...)");
        }
        Properties p = new Properties();
        Set<String> given = parameterNames(url);
        if (!given.contains("user") && env.get("PGUSER") != null) {
            p.setProperty("user", env.get("PGUSER"));
        }
        if (!given.contains("password") && env.get("PGPASSWORD") != null) {
            p.setProperty("password", env.get("PGPASSWORD"));
        }
        p.setProperty("ApplicationName", "netmarket-pipeline");
        p.setProperty("reWriteBatchedInserts", "true");
        if (!given.contains("tcpKeepAlive")) {
            // A run's lock connection is idle while it computes: keepalives stop a firewall or NAT
            // from dropping it (and the lock with it) for being idle.
            p.setProperty("tcpKeepAlive", "true");
        }
        String bi = env.get(BiRole.PASSWORD_ENV);
        return new JdbcSettings(url, p, bi);
    }

    /**
     * The names of the URL's query parameters, decoded: {@code sslpassword=} is not
     * {@code password=}, which a substring test would take it for.
     */
    static Set<String> parameterNames(String url) {
        Set<String> names = new HashSet<>();
        if (url.contains("?")) {
            for (String parameter : url.substring(url.indexOf('?') + 1).split("&")) {
                int eq = parameter.indexOf('=');
                names.add(URLDecoder.decode(eq < 0 ? parameter : parameter.substring(0, eq), StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    /**
     * The password a publishing run gives the BI role ({@link BiRole#setPasswordIfGiven}), or
     * null to leave it as it is; empty when the variable is set to nothing (a secret file that
     * was not there).
     */
    public String biPassword() {
        return biPassword;
    }

    /** What the driver is given besides the URL (the user and password from the environment among them). */
    Properties connectionProperties() {
        return (Properties) properties.clone();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    /**
     * A connection that waits at most {@code within} for the server to accept it and for each
     * answer (the driver's connectTimeout and socketTimeout; a URL's own values win).
     */
    Connection connect(Duration within) throws SQLException {
        Properties p = connectionProperties();
        String seconds = Long.toString(Math.max(1, within.toSeconds()));
        p.setProperty("connectTimeout", seconds);
        p.setProperty("socketTimeout", seconds);
        return DriverManager.getConnection(url, p);
    }

    /** The URL without its query string (where user and password may be) and any user-info. */
    public String redactedUrl() {
        return redact(url);
    }

    /** Removes everything that may carry credentials from a JDBC URL. */
    public static String redact(String url) {
        String u = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        int[] userInfo = userInfo(u);
        return userInfo == null ? u : u.substring(0, userInfo[0]) + u.substring(userInfo[1] + 1);
    }

    /**
     * Where the user-info of a URL without its query is, from after {@code //} to its last
     * {@code @} (excluded); null when it has none. A password may hold a / or an @ of its own (a
     * generated one often does), so the host is what follows the last @.
     */
    private static int[] userInfo(String urlWithoutQuery) {
        int slashes = urlWithoutQuery.indexOf("//");
        int at = urlWithoutQuery.lastIndexOf('@');
        return slashes >= 0 && at > slashes + 2 ? new int[]{slashes + 2, at} : null;
    }

    /**
     * Any text (an error message, a stack trace, an echoed command line) with passwords masked:
     * {@code password=...} parameters and {@code user:password@} before a host. A mistyped
     * option or an unknown host can put a JDBC URL into an error, and errors go to the logs.
     */
    public static String redactText(String text) {
        if (text == null) {
            return null;
        }
        String t = PASSWORD_PARAMETER.matcher(text).replaceAll("$1=***");
        return USER_INFO.matcher(t).replaceAll("***@");
    }

    /**
     * {@link #redactText(String)}, after taking out every credential that {@code args} give
     * wherever it appears: the value of a password parameter (to the next parameter or the end of
     * the argument) and a URL's user-info (to the last {@code @} before its query). A message
     * that quotes an argument back whole may show a password with a quote, a blank or a slash
     * in it, where the patterns alone stop.
     */
    public static String redactText(String text, String... args) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (String arg : args) {
            String a = arg == null ? "" : arg;
            Matcher m = PASSWORD_IN_ARGUMENT.matcher(a);
            while (m.find()) {
                if (!m.group(1).isEmpty()) {
                    t = t.replace(m.group(1), "***");
                }
            }
            String beforeQuery = a.contains("?") ? a.substring(0, a.indexOf('?')) : a;
            int[] userInfo = userInfo(beforeQuery);
            if (userInfo != null) {
                t = t.replace(beforeQuery.substring(userInfo[0], userInfo[1]), "***");
            }
        }
        return redactText(t);
    }

    @Override
    public String toString() {
        return redactedUrl();
    }
}
