package org.socketintents.lab.calibrate;

/**
 * When a calibrated link passes: the mean RTT within max(0.5 ms, 3 %) of the configured RTT, and single-flow TCP
 * goodput at least 93 % of the configured rate (1448 payload bytes per 1500-byte packet cap it at 96.5 %).
 */
public record Criteria(double rttToleranceMillis, double rttToleranceFraction, double minGoodputFraction) {

    public static final Criteria DEFAULT = new Criteria(0.5, 0.03, 0.93);

    public double rttToleranceMillis(double configuredMillis) {
        return Math.max(rttToleranceMillis, rttToleranceFraction * configuredMillis);
    }

    public boolean rttOk(double configuredMillis, double measuredMeanMillis) {
        return Math.abs(measuredMeanMillis - configuredMillis) <= rttToleranceMillis(configuredMillis);
    }

    public boolean goodputOk(long configuredBitsPerSecond, double measuredBitsPerSecond) {
        return measuredBitsPerSecond >= minGoodputFraction * configuredBitsPerSecond;
    }
}
