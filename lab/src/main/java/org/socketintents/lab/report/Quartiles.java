package org.socketintents.lab.report;

import java.util.Arrays;
import java.util.Collection;

/** First quartile, median and third quartile (linear interpolation between order statistics). */
public record Quartiles(int count, double q1, double median, double q3) {

    public static Quartiles of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        return new Quartiles(sorted.length, quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }

    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {q1, median, q3});
    }
}
