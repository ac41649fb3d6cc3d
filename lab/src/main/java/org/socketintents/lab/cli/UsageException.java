package org.socketintents.lab.cli;

/** The command line asks for something that does not exist or is malformed. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
