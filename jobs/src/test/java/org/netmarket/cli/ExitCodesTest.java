package org.netmarket.cli;

import org.junit.jupiter.api.Test;
import org.netmarket.config.EnvironmentException;
import org.netmarket.config.UsageException;
import org.netmarket.edition.EditionException;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.rules.Reason;
import org.netmarket.warehouse.PublicationOutcomeUnknown;
import org.netmarket.warehouse.PublishLock;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exit code of a failed command, which a scheduler acts on: 2 is not retried (the command or
 * the delivery must change), 3 is retried later (another run holds the warehouse), 1 may pass on
 * a retry. Told by the same classification as pipeline_run.failure_kind.
 */
class ExitCodesTest {
    @Test
    void badInputAndBadOptionsAreNotWorthARetry() {
        assertEquals(ExitCodes.BAD_INPUT, NetmarketCommand.exitCode(new InvalidInputException("3 problems with the input")));
        assertEquals(ExitCodes.BAD_INPUT, NetmarketCommand.exitCode(new UsageException("--regions: an empty region code")));
        assertEquals(ExitCodes.BAD_INPUT, NetmarketCommand.exitCode(new EditionException("edition file x.yaml: item 3 lacks parameter band")));
    }

    @Test
    void aHeldLockIsRetriedLater() {
        assertEquals(ExitCodes.LOCKED, NetmarketCommand.exitCode(new PublishLock.LockedException(Reason.of("held", "被占用"))));
    }

    @Test
    void theEnvironmentAndDefectsAreOtherFailures() {
        assertEquals(ExitCodes.FAILURE, NetmarketCommand.exitCode(new EnvironmentException("cannot reach the warehouse", null)));
        assertEquals(ExitCodes.FAILURE, NetmarketCommand.exitCode(new IllegalStateException("[INTERNAL_ERROR] in Spark")));
    }

    /** A run stopped with its run folder written exits as its cause does. */
    @Test
    void aStoppedRunExitsAsItsCause() {
        assertEquals(ExitCodes.BAD_INPUT, NetmarketCommand.exitCode(
                new StoppedRun(new InvalidInputException("3 problems with the input"), Path.of("run"))));
        assertEquals(ExitCodes.FAILURE, NetmarketCommand.exitCode(
                new StoppedRun(new EnvironmentException("lost the warehouse", null), Path.of("run"))));
    }

    /**
     * The error line says nothing was published, but after a connection lost as the run
     * committed and a warehouse that could not say whether the commit landed: still exit 1 (a
     * retry finds out, or publishes), said as not known.
     */
    @Test
    void anUnknownPublicationIsSaidAsNotKnown() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        SQLException asking = new SQLException("Connection refused", "08001");
        EnvironmentException unknown = new EnvironmentException("lost the connection to the warehouse db during the run",
                new PublicationOutcomeUnknown(7, lost, asking));
        assertEquals(ExitCodes.FAILURE, NetmarketCommand.exitCode(unknown));
        assertEquals("failed, whether anything was published is not known", NetmarketCommand.failureHeading(unknown));
        assertEquals("failed, nothing was published",
                NetmarketCommand.failureHeading(new EnvironmentException("lost the connection to the warehouse db", lost)));
        assertEquals("bad input, nothing was published",
                NetmarketCommand.failureHeading(new InvalidInputException("3 problems with the input")));
        assertEquals("bad usage, nothing was published", NetmarketCommand.failureHeading(new UsageException("--regions: empty")));
        assertEquals("warehouse locked, nothing was published",
                NetmarketCommand.failureHeading(new PublishLock.LockedException(Reason.of("held", "被占用"))));
    }
}
