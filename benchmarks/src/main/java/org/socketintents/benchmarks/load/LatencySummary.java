package org.socketintents.benchmarks.load;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * The percentiles of one latency distribution, in microseconds.
 *
 * @param count  values recorded
 * @param p50Us  median
 * @param p99Us  99th percentile
 * @param p999Us 99.9th percentile
 * @param maxUs  largest value
 * @param meanUs mean
 */
record LatencySummary(long count, double p50Us, double p99Us, double p999Us, double maxUs, double meanUs) {

    private static final double NANOS_PER_MICRO = 1000.0;

    /** @param nanos a histogram of nanoseconds */
    static LatencySummary of(Histogram nanos) {
        return new LatencySummary(nanos.getTotalCount(),
                nanos.getValueAtPercentile(50) / NANOS_PER_MICRO,
                nanos.getValueAtPercentile(99) / NANOS_PER_MICRO,
                nanos.getValueAtPercentile(99.9) / NANOS_PER_MICRO,
                nanos.getMaxValue() / NANOS_PER_MICRO,
                nanos.getMean() / NANOS_PER_MICRO);
    }

    /** @return each figure's median over repeated runs (the count is the runs' total) */
    static LatencySummary median(List<LatencySummary> runs) {
        return new LatencySummary(runs.stream().mapToLong(LatencySummary::count).sum(),
                Statistics.median(runs.stream().mapToDouble(LatencySummary::p50Us).toArray()),
                Statistics.median(runs.stream().mapToDouble(LatencySummary::p99Us).toArray()),
                Statistics.median(runs.stream().mapToDouble(LatencySummary::p999Us).toArray()),
                Statistics.median(runs.stream().mapToDouble(LatencySummary::maxUs).toArray()),
                Statistics.median(runs.stream().mapToDouble(LatencySummary::meanUs).toArray()));
    }
}
