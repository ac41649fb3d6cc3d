package org.socketintents.siget.download;

/** A download that failed, with the exit status its kind of failure earns. */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ExitStatus status;

    /**
     * @param status  the kind of failure
     * @param message what went wrong, one line
     * @param cause   the underlying exception, or null
     */
    public FetchException(ExitStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** @return the exit status this failure earns */
    public ExitStatus status() {
        return status;
    }
}
