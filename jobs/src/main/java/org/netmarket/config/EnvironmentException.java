package org.netmarket.config;

/**
 * Something outside the job stopped the run: the warehouse cannot be reached, the report
 * directory cannot be written. Not a defect of the job, so the message alone says what and
 * where (the CLI prints it without a stack trace and exits with code 1, since the cause may go
 * away); the cause, when there is one, is kept for the run's log.
 */
public class EnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
