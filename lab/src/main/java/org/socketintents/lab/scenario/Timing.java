package org.socketintents.lab.scenario;

import java.util.OptionalLong;

/** One request as siget's timings file records it (the columns the results need). */
public record Timing(String url, String phase, int status, long bytes, OptionalLong objectSize, String linkName,
        long startMillis, long endMillis, String error) {

    public boolean failed() {
        return !error.isEmpty() || status < 200 || status >= 300;
    }
}
