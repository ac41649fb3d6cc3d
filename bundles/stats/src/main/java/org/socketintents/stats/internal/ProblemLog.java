package org.socketintents.stats.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;

/**
 * Logs a recurring problem once: at WARNING when it first occurs, at DEBUG while it persists, and at INFO when it
 * clears. A collector sampling every 250 ms would otherwise repeat the same warning four times a second. Not
 * thread-safe: each thread that samples or probes owns one.
 */
final class ProblemLog {

    private final Logger log;
    private final Set<String> reported = new HashSet<>();

    ProblemLog(Logger log) {
        this.log = log;
    }

    /**
     * @param key     what the problem is about, e.g. {@code counters:eth0}
     * @param message what went wrong and what it means for the figures
     */
    void report(String key, String message) {
        log.log(reported.add(key) ? Level.WARNING : Level.DEBUG, message);
    }

    /**
     * @param key     a key given to {@link #report} before
     * @param message what works again
     */
    void cleared(String key, String message) {
        if (reported.remove(key)) {
            log.log(Level.INFO, message);
        }
    }
}
