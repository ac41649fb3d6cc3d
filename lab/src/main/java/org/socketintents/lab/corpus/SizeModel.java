package org.socketintents.lab.corpus;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws a page's object sizes: log-normal with the profile's median and a spread that gives its mean, sampled once
 * per stratum of probability (so a 30-object page still has the intended shape), then pinned to the profile's
 * figures: the smallest and largest objects are exactly min and max, the median is exact, and the objects above
 * the median are scaled so that the mean is exact to the byte.
 */
final class SizeModel {

    private static final int MAX_ROUNDS = 100;
    private static final double MEDIAN_JITTER = 0.02;
    /** Objects between median and maximum stay below this share of the maximum: the maximum stays unique. */
    private static final double INTERIOR_CAP = 0.8;

    private SizeModel() {
    }

    /** Sizes in ascending order. */
    static long[] sizes(PageProfile profile, SplittableRandom random) {
        int n = profile.objects();
        double median = profile.medianBytes();
        double sigma = Math.sqrt(2 * Math.log((double) profile.meanBytes() / profile.medianBytes()));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = median * Math.exp(sigma * Probit.of((i + random.nextDouble()) / n));
        }
        int upperStart = pinMedian(x, median, random);
        int lowerMiddle = n - upperStart;
        x[0] = profile.minBytes();
        x[n - 1] = profile.maxBytes();
        for (int i = 1; i < lowerMiddle; i++) {
            x[i] = clamp(x[i], profile.minBytes(), x[lowerMiddle]);
        }
        double floor = x[upperStart - 1];
        for (int i = upperStart; i < n - 1; i++) {
            x[i] = clamp(x[i], floor * (1 + 1e-9), cap(profile));
        }
        fitMean(x, upperStart, profile);
        return round(x, upperStart, profile);
    }

    /** Sets the middle value(s) so the median is exact; returns the index of the first value above them. */
    private static int pinMedian(double[] x, double median, SplittableRandom random) {
        int n = x.length;
        if (n % 2 == 1) {
            x[n / 2] = median;
            return n / 2 + 1;
        }
        double jitter = random.nextDouble() * MEDIAN_JITTER;
        x[n / 2 - 1] = median * (1 - jitter);
        x[n / 2] = median * (1 + jitter);
        return n / 2 + 1;
    }

    /** Scales the values between the median and the maximum until the total is the profile's. */
    private static void fitMean(double[] x, int upperStart, PageProfile profile) {
        int n = x.length;
        double floor = x[upperStart - 1];
        double target = profile.totalBytes();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double fixed = 0;
            double scalable = 0;
            for (int i = 0; i < n; i++) {
                boolean free = i >= upperStart && i < n - 1 && x[i] > floor && x[i] < cap(profile);
                if (free) {
                    scalable += x[i];
                } else {
                    fixed += x[i];
                }
            }
            if (Math.abs(fixed + scalable - target) < 0.5) {
                return;
            }
            if (scalable == 0) {
                throw new IllegalStateException("cannot reach the mean of " + profile);
            }
            double scale = (target - fixed) / scalable;
            for (int i = upperStart; i < n - 1; i++) {
                if (x[i] > floor && x[i] < cap(profile)) {
                    x[i] = clamp(x[i] * scale, floor * (1 + 1e-9), cap(profile));
                }
            }
        }
        throw new IllegalStateException("sizes did not converge to the mean of " + profile);
    }

    /** Whole bytes, ascending, total exact: the rounding remainder goes to an object far from median and maximum. */
    private static long[] round(double[] x, int upperStart, PageProfile profile) {
        long[] sizes = new long[x.length];
        long total = 0;
        for (int i = 0; i < x.length; i++) {
            sizes[i] = Math.round(x[i]);
            total += sizes[i];
        }
        sizes[(upperStart + x.length - 1) / 2] += profile.totalBytes() - total;
        Arrays.sort(sizes);
        if (sizes[0] != profile.minBytes() || sizes[x.length - 1] != profile.maxBytes()) {
            throw new IllegalStateException("rounding broke the bounds of " + profile);
        }
        return sizes;
    }

    private static double cap(PageProfile profile) {
        return INTERIOR_CAP * profile.maxBytes();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
