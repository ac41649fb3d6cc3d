package org.socketintents.lab.delay;

/**
 * How long a delay loop sleeps in poll before it looks at its queue again. It wakes {@code spinNanos} before the
 * head is due and polls without sleeping from then on, trading CPU for accuracy; when the queue is empty it sleeps
 * at most {@code idleNanos}, so that a stop request is noticed.
 */
public record WaitPolicy(long spinNanos, long idleNanos) {

    public WaitPolicy {
        if (spinNanos < 0 || idleNanos <= 0) {
            throw new IllegalArgumentException("spin must be >= 0 and idle > 0");
        }
    }

    /** The poll timeout, given the time until the head is due ({@link Long#MAX_VALUE} when empty). */
    public long pollTimeoutNanos(long nanosUntilDue) {
        if (nanosUntilDue == Long.MAX_VALUE) {
            return idleNanos;
        }
        return Math.min(idleNanos, Math.max(0, nanosUntilDue - spinNanos));
    }
}
