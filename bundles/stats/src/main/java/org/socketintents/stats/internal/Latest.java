package org.socketintents.stats.internal;

import org.socketintents.api.stats.Figure;

/** The last value of a figure that is measured afresh by every sample, such as a connection count. */
final class Latest {

    private double value;
    private long measuredAt;
    private boolean known;

    /**
     * @param value a finite non-negative value
     * @param now   when it was measured
     */
    void set(double value, long now) {
        this.value = value;
        this.measuredAt = now;
        this.known = true;
    }

    /** Makes the figure unavailable until the next {@link #set}. */
    void forget() {
        known = false;
    }

    Figure figure(long now, long staleAfterMillis) {
        return known ? Ages.figure(value, measuredAt, now, staleAfterMillis) : Figure.unavailable();
    }
}
