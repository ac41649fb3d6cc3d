package org.socketintents.mam.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One policy invocation under a time budget. Whoever settles it first wins: the thread running the policy
 * ({@link #finish()}) or the {@link BudgetWatchdog} ({@link #expire()}), which then answers for it.
 */
final class PolicyCall {

    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int EXPIRED = 2;

    private final long deadlineNanos;
    private final Runnable onExpiry;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    /**
     * @param deadlineNanos {@link System#nanoTime()} after which the call counts as overrun
     * @param onExpiry      what the watchdog does when it expires the call; runs on the watchdog's thread
     */
    PolicyCall(long deadlineNanos, Runnable onExpiry) {
        this.deadlineNanos = deadlineNanos;
        this.onExpiry = onExpiry;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** @return true if the policy's result still counts, false if the watchdog has already answered */
    boolean finish() {
        return state.compareAndSet(RUNNING, FINISHED);
    }

    /** @return true if this call just expired (and {@link #runExpiry()} is now due) */
    boolean expire() {
        return state.compareAndSet(RUNNING, EXPIRED);
    }

    void runExpiry() {
        onExpiry.run();
    }
}
