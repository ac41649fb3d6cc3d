package org.socketintents.stats.internal;

import java.util.concurrent.TimeUnit;

import org.socketintents.api.stats.Figure;

/** Turns a value measured at one reading of the collector's clock into a figure as of another. */
final class Ages {

    private Ages() {
    }

    /**
     * @param value            the measured value
     * @param measuredAt       when, on the collector's clock (nanoseconds)
     * @param now              now, on the same clock
     * @param staleAfterMillis the age beyond which the figure is stale
     * @return the figure, its age never negative
     */
    static Figure figure(double value, long measuredAt, long now, long staleAfterMillis) {
        return Figure.measured(value, TimeUnit.NANOSECONDS.toMillis(Math.max(0, now - measuredAt)), staleAfterMillis);
    }
}
