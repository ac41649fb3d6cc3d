package org.socketintents.mam.internal;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for the next request of a session loop's clients by polling the loop's selector before blocking in it.
 * A blocked select that a request ends costs a wake-up of the loop's thread, and on a virtual machine with idle
 * CPUs a halted CPU's wake-up costs most of the round trip (measured here: 47 us for a plain blocking echo,
 * 3.5 us for a spinning one). Clients that ask in bursts (a page's connects, a getaddrinfo followed by its
 * connect) send the next request within microseconds, so a short poll answers them without the wake-up.
 *
 * <p>Polling burns CPU, so at most one loop per CPU but one polls at a time (at least one): the others block at
 * once, and the machine keeps a CPU for the work that answers the pollers. And a loop polls only while polling
 * pays: after a poll that ended without a request it skips the next 2, then 4, up to 1024 waits, and polls again
 * at once after one that found its request. Under load, when clients queue for the CPU and their requests come
 * later than a poll lasts, polling would only take CPU from the work that answers them.
 */
final class ReadSpinner {

    private final Semaphore spinners;

    /** A spinner letting one loop per available processor but one poll at a time (at least one). */
    ReadSpinner() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    ReadSpinner(int concurrentSpinners) {
        this.spinners = new Semaphore(concurrentSpinners);
    }

    /** Whether polling has paid off lately for one loop; used by that loop's thread only. */
    static final class History {
        private static final int MOST_SKIPPED_DOUBLINGS = 10;
        private int misses;
        private int waitsToSkip;

        /** @return whether this wait may poll (counts a skipped one) */
        boolean mayPoll() {
            if (waitsToSkip == 0) {
                return true;
            }
            waitsToSkip--;
            return false;
        }

        void found() {
            misses = 0;
        }

        void missed() {
            misses = Math.min(misses + 1, MOST_SKIPPED_DOUBLINGS);
            waitsToSkip = 1 << misses;
        }
    }

    /**
     * Selects, polling for up to {@code spinMicros} before blocking.
     *
     * @param hasWork whether the loop has work besides its channels (registrations, hand-overs): the loop must
     *                not block then, and the poll ends
     * @param history the loop's, updated with whether the poll found work
     * @return the number of keys selected, as {@link Selector#select()}
     */
    int select(Selector selector, int spinMicros, History history, BooleanSupplier hasWork) throws IOException {
        if (spinMicros > 0 && history.mayPoll() && spinners.tryAcquire()) {
            try {
                int selected = poll(selector, TimeUnit.MICROSECONDS.toNanos(spinMicros), hasWork);
                if (selected > 0 || hasWork.getAsBoolean()) {
                    history.found();
                    return selected;
                }
                history.missed();
            } finally {
                spinners.release();
            }
        }
        return hasWork.getAsBoolean() ? selector.selectNow() : selector.select();
    }

    private static int poll(Selector selector, long spinNanos, BooleanSupplier hasWork) throws IOException {
        long end = System.nanoTime() + spinNanos;
        int selected;
        while ((selected = selector.selectNow()) == 0 && !hasWork.getAsBoolean() && System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
        return selected;
    }
}
