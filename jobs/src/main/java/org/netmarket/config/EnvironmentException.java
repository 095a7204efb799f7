package org.netmarket.config;

import org.netmarket.rules.BilingualFailure;
import org.netmarket.rules.Reason;

import java.util.Optional;

/**
 * Something outside the job stopped the run: the warehouse cannot be reached, the report
 * directory cannot be written. Not a defect of the job, so the message alone says what and
 * where (the CLI prints it without a stack trace and exits with code 1, since the cause may go
 * away); the cause, when there is one, is kept for the run's log. A failure a run can meet after
 * it registered is written in Chinese too ({@link #EnvironmentException(Reason, Throwable)}),
 * for {@code pipeline_run.error_zh}.
 */
public class EnvironmentException extends RuntimeException implements BilingualFailure {
    private static final long serialVersionUID = 1L;
    private final String messageZh;

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
        this.messageZh = null;
    }

    public EnvironmentException(Reason reason, Throwable cause) {
        super(reason.en(), cause);
        this.messageZh = reason.zh();
    }

    @Override
    public Optional<String> messageZh() {
        return Optional.ofNullable(messageZh);
    }
}
