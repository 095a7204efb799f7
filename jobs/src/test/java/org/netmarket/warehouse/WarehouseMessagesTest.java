package org.netmarket.warehouse;

import org.junit.jupiter.api.Test;
import org.netmarket.config.EnvironmentException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What the warehouse's failures say in the one line a scheduler's mail shows: the server's
 * error without the lines the driver adds after it (where in a function it happened), and a
 * network failure by its cause.
 */
class WarehouseMessagesTest {
    private static final String URL = "jdbc:postgresql://db.example:5432/netmarket";

    /** The server's error as the wire protocol carries it: severity, SQLSTATE, message, where. */
    private static PSQLException serverError(String sqlState, String message, String where) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0C" + sqlState + "\0M" + message + "\0W" + where + "\0P15\0"));
    }

    @Test
    void aLostConnectionIsTheServersFirstLine() {
        PSQLException shutdown = serverError("57P01", "terminating connection due to administrator command",
                "SQL statement \"SELECT pg_sleep(600)\"\nPL/pgSQL function netmarket.stall() line 1 at PERFORM");
        // The driver's own message runs on over lines ("  Where: …", "  Position: 15").
        assertEquals(true, shutdown.getMessage().lines().count() > 1, shutdown.getMessage());
        EnvironmentException lost = Warehouse.lostConnection(new IllegalStateException(shutdown), URL);
        assertEquals("lost the connection to the warehouse " + URL
                + " during the run: FATAL: terminating connection due to administrator command", lost.getMessage());
    }

    @Test
    void onlyAConnectionFailureIsALostConnection() {
        assertNull(Warehouse.lostConnection(serverError("23505", "duplicate key value", "x"), URL));
        assertNull(Warehouse.lostConnection(new IllegalStateException("no SQL here"), URL));
        EnvironmentException broken = Warehouse.lostConnection(new PSQLException("An I/O error occurred while sending to the "
                + "backend.", PSQLState.CONNECTION_FAILURE, new IOException("Broken pipe")), URL);
        assertEquals("lost the connection to the warehouse " + URL
                + " during the run: An I/O error occurred while sending to the backend.", broken.getMessage());
    }

    @Test
    void aRefusedLoginIsTheServersAnswerAndARefusedConnectionItsCause() {
        SQLException login = serverError("28P01", "password authentication failed for user \"netmarket\"", "x");
        assertEquals("cannot connect to the warehouse " + URL + ": FATAL: password authentication failed for user \"netmarket\"",
                Warehouse.whyUnreachable(URL, login));
        SQLException refused = new PSQLException("Connection to db.example:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        assertEquals("cannot reach the warehouse " + URL + ": Connection refused", Warehouse.whyUnreachable(URL, refused));
    }
}
