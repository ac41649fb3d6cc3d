package org.socketintents.stats.internal;

/**
 * Turns successive readings of one interface's byte counters into rates.
 *
 * <p>A counter that went backwards cannot be told apart reliably: a 32-bit counter wraps at 4 GiB, a driver reset or
 * a re-created interface starts again from 0. Rather than guess, the interval is not counted and the reading becomes
 * the new baseline; at one sample every few hundred milliseconds, one lost interval is nothing. An interface whose
 * kernel index changed was re-created and is treated the same way.
 */
final class CounterMeter {

    private ByteCounters last;
    private int lastIndex;
    private long lastAt;

    /**
     * @param counters the reading
     * @param index    the interface's kernel index, or 0 when unknown
     * @param now      when it was taken
     * @return the rates since the previous reading, or why there are none
     */
    CounterStep advance(ByteCounters counters, int index, long now) {
        ByteCounters previous = last;
        int previousIndex = lastIndex;
        long previousAt = lastAt;
        if (previous != null && now <= previousAt) {
            return new CounterStep.Baseline();
        }
        last = counters;
        lastIndex = index;
        lastAt = now;
        if (previous == null) {
            return new CounterStep.Baseline();
        }
        if (index != 0 && previousIndex != 0 && index != previousIndex) {
            return new CounterStep.Discontinuity("its index changed from " + previousIndex + " to " + index
                    + " (re-created)");
        }
        if (Long.compareUnsigned(counters.received(), previous.received()) < 0
                || Long.compareUnsigned(counters.sent(), previous.sent()) < 0) {
            return new CounterStep.Discontinuity("a byte counter went backwards (wrapped or reset)");
        }
        double seconds = (now - previousAt) / 1e9;
        return new CounterStep.Rates(bits(counters.received() - previous.received()) / seconds,
                bits(counters.sent() - previous.sent()) / seconds);
    }

    /** The counters could not be read: the next reading starts a new baseline. */
    void forget() {
        last = null;
    }

    /** @param bytes an unsigned difference of two counters */
    private static double bits(long bytes) {
        double unsigned = bytes >= 0 ? bytes : bytes + 0x1p64;
        return unsigned * 8;
    }
}
