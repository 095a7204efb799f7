package org.netmarket.config;

/** The command line asks for something that cannot be done as asked; the CLI exits with code 2. */
public class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
