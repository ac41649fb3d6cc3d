package org.socketintents.lab.corpus;

import java.util.Arrays;

/** Count, extremes, median, mean and total of a set of object sizes. */
public record SizeStatistics(int count, long min, long max, double median, double mean, long total) {

    public static SizeStatistics of(long[] sizes) {
        if (sizes.length == 0) {
            throw new IllegalArgumentException("no sizes");
        }
        long[] sorted = sizes.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        long total = Arrays.stream(sorted).sum();
        return new SizeStatistics(n, sorted[0], sorted[n - 1], median, (double) total / n, total);
    }
}
