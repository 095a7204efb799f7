package org.netmarket.warehouse;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Credentials never reach a log line: URLs shown redacted, and any error text masked. */
class JdbcSettingsTest {
    @Test
    void theShownUrlHasNeitherQueryNorUserInfo() {
        assertEquals("jdbc:postgresql://db:5432/netmarket",
                JdbcSettings.of("jdbc:postgresql://bob:s3cret@db:5432/netmarket?user=bob&password=s3cret", Map.of()).toString());
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
    }

    @Test
    void textWithoutCredentialsIsLeftAlone() {
        String text = "dispatches/d.csv line 7: due_at 2024-03-01 09:00:00 is before dispatched_at; see user@example.org";
        assertEquals(text, JdbcSettings.redactText(text));
    }
}
