package org.socketintents.siget.report;

import java.io.PrintStream;

/**
 * siget's messages on standard error, as wget prints them: one line each, prefixed "siget: ", nothing at all when
 * quiet. A status line (the progress bar) may stand below the messages; it is cleared before a message and
 * drawn again after it. Thread-safe.
 */
public final class Console {

    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream err;
    private final boolean quiet;
    private String status = "";

    /**
     * @param err   standard error
     * @param quiet whether to print nothing
     */
    public Console(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** @param message a line of information */
    public void info(String message) {
        print("siget: " + message);
    }

    /** @param message a line about something that went wrong but did not stop siget */
    public void warning(String message) {
        print("siget: warning: " + message);
    }

    /** @param message a line about a failure */
    public void error(String message) {
        print("siget: error: " + message);
    }

    private synchronized void print(String line) {
        if (quiet) {
            return;
        }
        if (!status.isEmpty()) {
            err.print(CLEAR_LINE);
        }
        err.println(line);
        if (!status.isEmpty()) {
            err.print(status);
        }
        err.flush();
    }

    /** @param line the status line to show in place of the previous one */
    synchronized void status(String line) {
        if (quiet) {
            return;
        }
        status = line;
        err.print(CLEAR_LINE + line);
        err.flush();
    }

    /** Leaves the status line standing and moves below it. */
    synchronized void endStatus() {
        if (!quiet && !status.isEmpty()) {
            err.println();
            err.flush();
        }
        status = "";
    }
}
