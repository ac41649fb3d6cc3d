package org.socketintents.netmon.internal;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The monitor's own daemon thread: runs a tick at once, then after every interval, and early when woken up.
 */
final class MonitorLoop {

    private static final System.Logger LOG = System.getLogger(MonitorLoop.class.getName());

    private final Runnable tick;
    private final Thread thread;
    private final Object lock = new Object();
    private long intervalNanos;
    private boolean wakeUpRequested;
    private boolean stopRequested;

    /**
     * @param threadName the thread's name, as thread dumps show it
     * @param tick       what to run on every tick
     * @param interval   the time between two ticks
     */
    MonitorLoop(String threadName, Runnable tick, Duration interval) {
        this.tick = tick;
        this.intervalNanos = interval.toNanos();
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** @param interval the time between two ticks from now on; a tick follows at once */
    void interval(Duration interval) {
        synchronized (lock) {
            intervalNanos = interval.toNanos();
            wakeUpRequested = true;
            lock.notifyAll();
        }
    }

    /** Runs a tick as soon as the current one, if any, is over. */
    void wakeUp() {
        synchronized (lock) {
            wakeUpRequested = true;
            lock.notifyAll();
        }
    }

    /**
     * Stops the thread and waits for it to end. A tick in progress finishes first; if it does not within the
     * timeout, the thread is interrupted.
     *
     * @param timeout how long to wait for the thread
     */
    void stop(Duration timeout) {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
        try {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                LOG.log(WARNING, "{0} did not stop within {1} ms, interrupting it", thread.getName(),
                        timeout.toMillis());
                thread.interrupt();
                thread.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether the thread is running */
    boolean isAlive() {
        return thread.isAlive();
    }

    private void run() {
        do {
            try {
                tick.run();
            } catch (Throwable t) {
                // An exception escaping here would end the thread, and the monitor with it.
                LOG.log(ERROR, "Interface monitor tick failed; the next one follows as usual", t);
            }
        } while (awaitNextTick());
    }

    /** @return false when the loop must end */
    private boolean awaitNextTick() {
        synchronized (lock) {
            long deadline = System.nanoTime() + intervalNanos;
            try {
                while (!stopRequested && !wakeUpRequested) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                }
            } catch (InterruptedException e) {
                return false;
            }
            wakeUpRequested = false;
            return !stopRequested;
        }
    }
}
