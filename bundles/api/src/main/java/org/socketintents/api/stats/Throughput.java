package org.socketintents.api.stats;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rate in one direction, in bit/s: its smoothed value now and its peaks over recent windows. Immutable.
 *
 * @param rate  the smoothed rate now
 * @param peaks for each window (e.g. 1 s, 10 s, 60 s), the highest smoothed rate within it
 */
public record Throughput(Figure rate, SortedMap<Duration, Figure> peaks) {

    /** @throws IllegalArgumentException if a window is not positive */
    public Throughput {
        Objects.requireNonNull(rate, "rate");
        TreeMap<Duration, Figure> copy = new TreeMap<>();
        for (Map.Entry<Duration, Figure> peak : peaks.entrySet()) {
            if (peak.getKey().isNegative() || peak.getKey().isZero()) {
                throw new IllegalArgumentException("a window must be positive: " + peak.getKey());
            }
            copy.put(peak.getKey(), Objects.requireNonNull(peak.getValue(), "peak"));
        }
        peaks = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * @param windows the windows peaks are kept for
     * @return a throughput with every figure unavailable
     */
    public static Throughput unavailable(Collection<Duration> windows) {
        TreeMap<Duration, Figure> peaks = new TreeMap<>();
        windows.forEach(window -> peaks.put(window, Figure.unavailable()));
        return new Throughput(Figure.unavailable(), peaks);
    }

    /**
     * @param window one of the collector's windows
     * @return the peak over that window; unavailable for a window the collector does not keep
     */
    public Figure peak(Duration window) {
        return peaks.getOrDefault(window, Figure.unavailable());
    }

    /** @return the peak over the longest window: the best lower bound of the path's capacity the collector has */
    public Figure longestPeak() {
        return peaks.isEmpty() ? Figure.unavailable() : peaks.get(peaks.lastKey());
    }

    /**
     * @param millis           time passed since the figures were taken
     * @param staleAfterMillis the age beyond which a measurement is stale
     * @return the figures as they read that much later
     */
    public Throughput olderBy(long millis, long staleAfterMillis) {
        TreeMap<Duration, Figure> aged = new TreeMap<>();
        peaks.forEach((window, peak) -> aged.put(window, peak.olderBy(millis, staleAfterMillis)));
        return new Throughput(rate.olderBy(millis, staleAfterMillis), aged);
    }

    /**
     * @param window a window
     * @return its short label, as figure names use it: {@code 10s}, or {@code 500ms} when not whole seconds
     */
    public static String label(Duration window) {
        return window.toMillis() % 1000 == 0 ? window.toSeconds() + "s" : window.toMillis() + "ms";
    }
}
