package org.socketintents.benchmarks.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * What went other than planned in a run against the MAM, without failing it: answers that were the MAM's
 * fallback rather than the policy's decision, and connections the MAM closed, which the clients reopen as the
 * client library does. Thread-safe.
 */
final class DecisionTally {

    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder reopened = new LongAdder();

    void countFallback() {
        fallbacks.increment();
    }

    void countReopened() {
        reopened.increment();
    }

    /** Adds the counts of a client process. */
    void add(long moreFallbacks, long moreReopened) {
        fallbacks.add(moreFallbacks);
        reopened.add(moreReopened);
    }

    long fallbacks() {
        return fallbacks.sum();
    }

    long reopened() {
        return reopened.sum();
    }

    boolean isClean() {
        return fallbacks() == 0 && reopened() == 0;
    }

    @Override
    public String toString() {
        return fallbacks() + " answers were the MAM's fallback instead of the policy's decision, " + reopened()
                + " connections were closed by the MAM and reopened";
    }
}
