package org.socketintents.stats.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.Throughput;

/**
 * A rate in one direction: smoothed, with the peaks of the smoothed rate over each window. Peaks are taken of the
 * smoothed rate so that one short burst between two samples (interrupt batching, a queue draining) does not pass for
 * the path's capacity.
 */
final class ThroughputTracker {

    private final Smoothed rate;
    private final Map<Duration, SlidingExtremum> peaks = new TreeMap<>();

    ThroughputTracker(Duration smoothing, List<Duration> windows) {
        this.rate = new Smoothed(smoothing);
        windows.forEach(window -> peaks.put(window, SlidingExtremum.maximum(window)));
    }

    /**
     * @param bitsPerSecond the rate over the last interval, finite and non-negative
     * @param now           the end of that interval
     */
    void add(double bitsPerSecond, long now) {
        double smoothed = rate.add(bitsPerSecond, now);
        peaks.values().forEach(peak -> peak.add(smoothed, now));
    }

    void forget() {
        rate.forget();
        peaks.values().forEach(SlidingExtremum::forget);
    }

    Throughput figures(long now, long staleAfterMillis) {
        TreeMap<Duration, Figure> figures = new TreeMap<>();
        peaks.forEach((window, peak) -> figures.put(window, peak.figure(now, staleAfterMillis)));
        return new Throughput(rate.figure(now, staleAfterMillis), figures);
    }
}
