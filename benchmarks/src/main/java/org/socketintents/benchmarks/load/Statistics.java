package org.socketintents.benchmarks.load;

import java.util.Arrays;
import java.util.List;

import org.HdrHistogram.Histogram;

/** Medians and histogram merging. */
final class Statistics {

    /** Highest latency a histogram holds: one minute, far beyond any timeout of the client library. */
    static final long HIGHEST_NANOS = 60_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private Statistics() {
    }

    /** @return an empty histogram of nanoseconds */
    static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    /** @return the values' median; the mean of the middle two for an even count */
    static double median(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of nothing");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** @return one histogram holding every value of the parts */
    static Histogram merge(List<Histogram> parts) {
        Histogram merged = newHistogram();
        for (Histogram part : parts) {
            merged.add(part);
        }
        return merged;
    }
}
