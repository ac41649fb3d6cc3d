package org.socketintents.benchmarks.load;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * What one run of round trips measured.
 *
 * @param requests     round trips recorded
 * @param elapsedNanos from the start signal to the last client's last reply
 * @param latencies    each round trip's duration in nanoseconds
 */
record Measurement(long requests, long elapsedNanos, Histogram latencies) {

    /** @return round trips per second */
    double throughput() {
        return elapsedNanos == 0 ? 0 : requests * 1e9 / elapsedNanos;
    }

    /** @return the runs of parallel clients as one: their requests and latencies together, the longest elapsed */
    static Measurement concurrent(List<Measurement> parts) {
        long requests = parts.stream().mapToLong(Measurement::requests).sum();
        long elapsed = parts.stream().mapToLong(Measurement::elapsedNanos).max().orElse(0);
        return new Measurement(requests, elapsed,
                Statistics.merge(parts.stream().map(Measurement::latencies).toList()));
    }
}
