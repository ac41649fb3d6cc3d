package org.socketintents.mam.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Enforces the policy budget without moving policy calls to another thread: the call runs on the thread that
 * received the request (no hand-off on the hot path), and this watchdog, on its own thread, expires calls that
 * overrun their deadline so that their requests are answered anyway.
 */
final class BudgetWatchdog implements AutoCloseable {

    private static final Logger LOG = System.getLogger(BudgetWatchdog.class.getName());

    private final Set<PolicyCall> running = ConcurrentHashMap.newKeySet();
    private final LongSupplier tickNanos;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param tickNanos how often to look for overrun calls, read before each look; an overrun is answered at most
     *                  this late
     */
    BudgetWatchdog(LongSupplier tickNanos) {
        this.tickNanos = tickNanos;
        this.thread = new Thread(this::watch, "mam-budget-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    void register(PolicyCall call) {
        running.add(call);
    }

    void unregister(PolicyCall call) {
        running.remove(call);
    }

    private void watch() {
        while (!closed) {
            LockSupport.parkNanos(tickNanos.getAsLong());
            long now = System.nanoTime();
            for (PolicyCall call : running) {
                if (now - call.deadlineNanos() >= 0 && call.expire()) {
                    running.remove(call);
                    try {
                        call.runExpiry();
                    } catch (RuntimeException e) {
                        LOG.log(Level.ERROR, "Answering an overrun policy call failed", e);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
