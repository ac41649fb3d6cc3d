package org.socketintents.stats.internal;

/** What one new reading of an interface's byte counters tells. */
sealed interface CounterStep {

    /** No rate yet: the first reading, or no time passed since the previous one. */
    record Baseline() implements CounterStep {
    }

    /** The counters cannot be compared with the previous reading; they are the new baseline. */
    record Discontinuity(String why) implements CounterStep {
    }

    /** The rates over the interval since the previous reading, bit/s. */
    record Rates(double downloadBitsPerSecond, double uploadBitsPerSecond) implements CounterStep {
    }
}
