package org.netmarket.cli;

import org.netmarket.warehouse.RunLedger;

/**
 * Exit codes a scheduler can act on. 0: published (or, for validate and --dry-run, checked);
 * 2: bad usage or bad input stopped the run before publishing (fix the command or the
 * extracts, do not retry as is); 3: another run holds the warehouse lock (retry later);
 * 1: any other failure (nothing was published, unless the message says that whether it was is
 * not known, {@link org.netmarket.warehouse.PublicationOutcomeUnknown}; retrying may help): the warehouse cannot be
 * reached or the report directory written (an {@code EnvironmentException}, said in one line),
 * or a defect of the job (said with its stack trace).
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;
    public static final int LOCKED = 3;

    private ExitCodes() {
    }

    /** The exit code of a run that failed on {@code kind}: whether a scheduler should retry it as is. */
    public static int of(RunLedger.FailureKind kind) {
        return switch (kind) {
            case INPUT, OPTIONS -> BAD_INPUT;
            case LOCK -> LOCKED;
            case ENVIRONMENT, JOB, INTERRUPTED -> FAILURE;
        };
    }
}
