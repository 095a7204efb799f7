package org.netmarket.warehouse;

import org.junit.jupiter.api.Test;
import org.netmarket.config.UsageException;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials never reach a log line: URLs shown redacted, and any error text masked. */
class JdbcSettingsTest {
    @Test
    void theShownUrlHasNeitherQueryNorUserInfo() {
        assertEquals("jdbc:postgresql://db:5432/netmarket",
                JdbcSettings.of("jdbc:postgresql://db:5432/netmarket?user=bob&password=s3cret", Map.of()).toString());
        assertEquals("jdbc:postgresql://db:5432/netmarket", JdbcSettings.redact("jdbc:postgresql://bob:s3cret@db:5432/netmarket"));
        // A generated password may hold a / or an @: the host is what follows the last @.
        assertEquals("jdbc:postgresql://db:5432/netmarket", JdbcSettings.redact("jdbc:postgresql://bob:Sek/r3t@db:5432/netmarket"));
        assertEquals("jdbc:postgresql://db:5432/netmarket", JdbcSettings.redact("jdbc:postgresql://bob:Xp@ss9Q@db:5432/netmarket?ssl=true"));
        assertEquals("jdbc:postgresql://db/netmarket", JdbcSettings.redact("jdbc:postgresql://db/netmarket?password=a@b"));
        for (String url : List.of("jdbc:postgresql://bob:Sek/r3t@db:5432/netmarket", "jdbc:postgresql://bob:Xp@ss9Q@db/netmarket")) {
            UsageException e = assertThrows(UsageException.class, () -> JdbcSettings.of(url, Map.of()));
            assertTrue(e.getMessage().contains("puts the user and password before the host"), e.getMessage());
            assertFalse(e.getMessage().contains("r3t") || e.getMessage().contains("ss9Q"), e.getMessage());
        }
    }

    @Test
    void theEnvironmentsUserAndPasswordApplyUnlessTheUrlNamesThoseVeryParameters() {
        Map<String, String> env = Map.of("PGUSER", "writer", "PGPASSWORD", "fromEnv");
        Properties plain = JdbcSettings.of("jdbc:postgresql://db/netmarket", env).connectionProperties();
        assertEquals("writer", plain.getProperty("user"));
        assertEquals("fromEnv", plain.getProperty("password"));
        // sslpassword (a client key's passphrase) and a value containing "user=" are other parameters.
        Properties other = JdbcSettings.of("jdbc:postgresql://db/netmarket?sslpassword=key&ApplicationName=superuser%3D1", env)
                .connectionProperties();
        assertEquals("writer", other.getProperty("user"));
        assertEquals("fromEnv", other.getProperty("password"));
        Properties named = JdbcSettings.of("jdbc:postgresql://db/netmarket?user=bob&password=inUrl", env).connectionProperties();
        assertNull(named.getProperty("user"), "the URL's user wins");
        assertNull(named.getProperty("password"), "the URL's password wins");
    }

    @Test
    void aUrlTheDriverCannotReadIsBadUsageAndItsPasswordIsNotShown() {
        UsageException userInfo = assertThrows(UsageException.class,
                () -> JdbcSettings.of("jdbc:postgresql://netm:Pw0rdLeak@db.invalid/netmarket", Map.of()));
        assertFalse(userInfo.getMessage().contains("Pw0rdLeak"), userInfo.getMessage());
        assertTrue(userInfo.getMessage().contains("give them as the URL's parameters user and password"), userInfo.getMessage());
        UsageException badPort = assertThrows(UsageException.class,
                () -> JdbcSettings.of("jdbc:postgresql://db:54x29/netmarket?password=LeakE5", Map.of()));
        assertFalse(badPort.getMessage().contains("LeakE5"), badPort.getMessage());
        assertTrue(badPort.getMessage().contains("jdbc:postgresql://db:54x29/netmarket"), badPort.getMessage());
    }

    @Test
    void theDriversOwnLogIsSilencedSinceItMayQuoteAPassword() {
        JdbcSettings.of("jdbc:postgresql://db/netmarket", Map.of());
        assertEquals(Level.OFF, java.util.logging.Logger.getLogger("org.postgresql").getLevel());
    }

    @Test
    void passwordsInAnyTextAreMasked() {
        assertEquals("Unknown options: '--jdbc', 'jdbc:postgresql://db/x?user=postgres&password=***'",
                JdbcSettings.redactText("Unknown options: '--jdbc', 'jdbc:postgresql://db/x?user=postgres&password=LeakF6'"));
        assertEquals("?PASSWORD=***&sslpassword=***&pwd=*** and more",
                JdbcSettings.redactText("?PASSWORD=a&sslpassword=b&pwd=d and more"));
        assertEquals("java.net.UnknownHostException: ***@127.0.0.1",
                JdbcSettings.redactText("java.net.UnknownHostException: postgres:LeakD4@127.0.0.1"));
        assertEquals("jdbc:postgresql://***@127.0.0.1:54329/netmarket",
                JdbcSettings.redactText("jdbc:postgresql://postgres:LeakD4@127.0.0.1:54329/netmarket"));
        assertNull(JdbcSettings.redactText(null));
        // A password with a quote or a blank, quoted back whole from the command line: the
        // arguments say where it ends.
        String url = "jdbc:postgresql://db/x?user=u&password=ab'cd\"ef gh&ssl=true";
        assertEquals("Unknown options: '--jdbc-ur', 'jdbc:postgresql://db/x?user=u&password=***&ssl=true'",
                JdbcSettings.redactText("Unknown options: '--jdbc-ur', '" + url + "'", "run", "--jdbc-ur", url));
        assertNull(JdbcSettings.redactText(null, url));
        String userInfo = "jdbc:postgresql://bob:Sek/r3t@db/x";
        assertEquals("Unknown options: '--jdbc-ur', 'jdbc:postgresql://***@db/x'",
                JdbcSettings.redactText("Unknown options: '--jdbc-ur', '" + userInfo + "'", "--jdbc-ur", userInfo));
    }

    @Test
    void textWithoutCredentialsIsLeftAlone() {
        String text = "dispatches/d.csv line 7: due_at 2024-03-01 09:00:00 is before dispatched_at; see user@example.org";
        assertEquals(text, JdbcSettings.redactText(text));
    }
}
