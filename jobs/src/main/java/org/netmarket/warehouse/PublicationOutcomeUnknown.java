package org.netmarket.warehouse;

import java.sql.SQLException;

/**
 * The connection was lost as a run committed its publication, and the warehouse could not say
 * afterwards whether the commit landed: the one failure after which "nothing was published" may
 * be false. pipeline_run says, once the warehouse answers ('succeeded' if the run published). A
 * lost connection (SQL state 08006), so a failure of the run's environment.
 */
public final class PublicationOutcomeUnknown extends SQLException {
    public PublicationOutcomeUnknown(long runId, SQLException lost, SQLException asking) {
        super("whether run " + runId + " published is not known: the connection was lost as it committed ("
                + Warehouse.serverSaid(lost) + ") and the warehouse did not say whether the commit landed ("
                + Warehouse.serverSaid(asking) + "); pipeline_run says 'succeeded' for run " + runId + " if it did",
                "08006", lost);
        addSuppressed(asking);
    }

    /** Whether {@code failure} is this one, or caused by it. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PublicationOutcomeUnknown) {
                return true;
            }
        }
        return false;
    }
}
