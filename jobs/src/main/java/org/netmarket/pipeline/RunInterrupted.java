package org.netmarket.pipeline;

import org.netmarket.config.EnvironmentException;
import org.netmarket.rules.Reason;

/**
 * The run was stopped (SIGTERM, Ctrl-C, a JVM shutdown) before it finished: a failure of its
 * environment, said in one line, with what broke because of the stop as its cause. Its stack
 * trace says only where the run was when the signal came, so none is written.
 */
public final class RunInterrupted extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    RunInterrupted(Reason reason, Throwable cause) {
        super(reason, cause);
    }
}
