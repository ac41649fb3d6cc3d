package org.socketintents.lab.calibrate;

import java.util.Arrays;

/** Mean, 99th percentile and extremes of a set of measurements. */
public record Summary(int count, double mean, double p99, double min, double max) {

    public static Summary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Summary(sorted.length, Arrays.stream(sorted).average().orElseThrow(),
                percentile(sorted, 0.99), sorted[0], sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
