package org.socketintents.siget.download;

/**
 * How a run ended, numbered as wget numbers its exit status. When several failures happen, the lowest number
 * from 2 up wins, and 1 only when no other failure did, as in wget.
 */
public enum ExitStatus {
    /** Everything was downloaded. */
    SUCCESS(0),
    /** A failure of no other kind. */
    GENERIC(1),
    /** The command line is wrong. */
    USAGE(2),
    /** A file could not be written: a download, the timings. */
    FILE_IO(3),
    /** The network failed: name resolution, connect, a connection lost for good, a timeout. */
    NETWORK(4),
    /** TLS failed, for example the server's certificate was not trusted. */
    TLS(5),
    /** The server broke HTTP: a wrong byte range, a size mismatch, too many redirects. */
    PROTOCOL(7),
    /** The server answered with an error status (4xx, 5xx). */
    SERVER_ERROR(8);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** @return the process exit code */
    public int code() {
        return code;
    }

    /**
     * @param other another outcome
     * @return the outcome to report for both
     */
    public ExitStatus and(ExitStatus other) {
        return rank() <= other.rank() ? this : other;
    }

    private int rank() {
        switch (this) {
            case SUCCESS:
                return Integer.MAX_VALUE;
            case GENERIC:
                return Integer.MAX_VALUE - 1;
            default:
                return code;
        }
    }
}
