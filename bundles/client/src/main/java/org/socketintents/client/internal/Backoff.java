package org.socketintents.client.internal;

import java.util.function.LongSupplier;

/**
 * Keeps requests away from a MAM that just failed: for one period after a failure every request is skipped;
 * then a single request is let through to probe it, and the others keep skipping until the probe reports.
 * Thread-safe.
 */
final class Backoff {

    private final long periodNanos;
    private final LongSupplier nanoClock;
    private boolean failing;
    private long retryAt;

    /**
     * @param periodNanos how long to skip after a failure
     * @param nanoClock   a monotonic clock in nanoseconds, like {@link System#nanoTime()}
     */
    Backoff(long periodNanos, LongSupplier nanoClock) {
        this.periodNanos = periodNanos;
        this.nanoClock = nanoClock;
    }

    /** @return whether the caller may ask the MAM now; it must then report {@link #succeeded()} or {@link #failed()} */
    synchronized boolean tryAcquire() {
        if (!failing) {
            return true;
        }
        long now = nanoClock.getAsLong();
        if (now - retryAt < 0) {
            return false;
        }
        retryAt = now + periodNanos;
        return true;
    }

    synchronized void succeeded() {
        failing = false;
    }

    synchronized void failed() {
        failing = true;
        retryAt = nanoClock.getAsLong() + periodNanos;
    }

    /** @return whether requests are being skipped now */
    synchronized boolean isBackingOff() {
        return failing && nanoClock.getAsLong() - retryAt < 0;
    }
}
