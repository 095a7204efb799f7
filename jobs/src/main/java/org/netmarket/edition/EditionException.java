package org.netmarket.edition;

/** A malformed or inconsistent edition file; the message names the file and the place. */
public class EditionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EditionException(String message) {
        super(message);
    }

    public EditionException(String message, Throwable cause) {
        super(message, cause);
    }
}
