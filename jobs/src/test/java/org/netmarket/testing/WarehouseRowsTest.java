package org.netmarket.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The assertions of {@link WarehouseRows} the other warehouse tests rely on: a null column
 * equals null, and a column the query did not return fails instead of reading as null.
 */
class WarehouseRowsTest {
    private static WarehouseRows rows() throws SQLException {
        return WarehouseRows.query(TestingPostgres.server().createDatabase(), "t",
                "SELECT 'a' AS k, NULL::text AS reason, 1.50::numeric AS points", "k");
    }

    @Test
    void aNullColumnEqualsNullAndNumbersCompareByValue() throws SQLException {
        WarehouseRows rows = rows();
        rows.assertValue("a", "reason", null);
        rows.assertValue("a", "points", 1.5);
        assertThrows(AssertionFailedError.class, () -> rows.assertValue("a", "points", null));
    }

    @Test
    void aColumnTheQueryDidNotReturnFailsNamingTheRowAndTheColumn() throws SQLException {
        WarehouseRows rows = rows();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> rows.assertValue("a", "reasn", null));
        assertTrue(e.getMessage().contains("t row a: no column reasn"), e.getMessage());
    }
}
