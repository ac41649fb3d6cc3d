package org.socketintents.stats.internal;

import java.time.Duration;

import org.socketintents.api.stats.Figure;

/**
 * An exponentially weighted moving average whose weight depends on the time between samples, not on their number:
 * a new sample after {@code dt} moves the average by {@code 1 - exp(-dt / tau)} of the difference. The result is
 * the same whatever the sample interval, and after a long silence the first new sample counts almost fully.
 */
final class Smoothed {

    private final double timeConstantNanos;
    private double value;
    private long updatedAt;
    private boolean known;

    /** @param timeConstant tau, positive */
    Smoothed(Duration timeConstant) {
        this.timeConstantNanos = timeConstant.toNanos();
    }

    /**
     * @param sample a finite non-negative sample
     * @param now    when it was taken
     * @return the new average
     */
    double add(double sample, long now) {
        if (known) {
            double weight = -Math.expm1(-Math.max(0, now - updatedAt) / timeConstantNanos);
            // a convex combination of non-negative numbers: never negative, whatever the rounding
            value = (1 - weight) * value + weight * sample;
        } else {
            value = sample;
            known = true;
        }
        updatedAt = now;
        return value;
    }

    /** Starts over: unavailable until the next sample, which is then taken as it is. */
    void forget() {
        known = false;
    }

    Figure figure(long now, long staleAfterMillis) {
        return known ? Ages.figure(value, updatedAt, now, staleAfterMillis) : Figure.unavailable();
    }
}
