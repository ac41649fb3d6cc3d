package org.socketintents.api.stats;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The measured figures of the traffic through one interface, or from one source prefix. Immutable.
 *
 * <p>RTT figures come from the kernel's TCP statistics of the connections that moved data (or from active probes);
 * rates from the interface's byte counters (per interface) or the connections' byte counts (per prefix).
 *
 * @param srttMillis           smoothed round-trip time, ms
 * @param minRttMillis         lowest round-trip time seen within the longest window, ms
 * @param rttVarMillis         smoothed round-trip time variation, ms
 * @param download             receive rate, bit/s
 * @param upload               send rate, bit/s
 * @param connections          established TCP connections
 * @param activeConnections    established TCP connections that moved data since the previous sample
 * @param retransmitsPerSecond retransmitted segments per second, smoothed
 */
public record TrafficFigures(Figure srttMillis, Figure minRttMillis, Figure rttVarMillis, Throughput download,
                             Throughput upload, Figure connections, Figure activeConnections,
                             Figure retransmitsPerSecond) {

    public TrafficFigures {
        Objects.requireNonNull(srttMillis, "srttMillis");
        Objects.requireNonNull(minRttMillis, "minRttMillis");
        Objects.requireNonNull(rttVarMillis, "rttVarMillis");
        Objects.requireNonNull(download, "download");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(activeConnections, "activeConnections");
        Objects.requireNonNull(retransmitsPerSecond, "retransmitsPerSecond");
    }

    /**
     * @param windows the windows rate peaks are kept for
     * @return figures that are all unavailable
     */
    public static TrafficFigures unavailable(Collection<Duration> windows) {
        Throughput none = Throughput.unavailable(windows);
        Figure unknown = Figure.unavailable();
        return new TrafficFigures(unknown, unknown, unknown, none, none, unknown, unknown, unknown);
    }

    /**
     * @param millis           time passed since the figures were taken
     * @param staleAfterMillis the age beyond which a measurement is stale
     * @return the figures as they read that much later
     */
    public TrafficFigures olderBy(long millis, long staleAfterMillis) {
        return new TrafficFigures(srttMillis.olderBy(millis, staleAfterMillis),
                minRttMillis.olderBy(millis, staleAfterMillis), rttVarMillis.olderBy(millis, staleAfterMillis),
                download.olderBy(millis, staleAfterMillis), upload.olderBy(millis, staleAfterMillis),
                connections.olderBy(millis, staleAfterMillis), activeConnections.olderBy(millis, staleAfterMillis),
                retransmitsPerSecond.olderBy(millis, staleAfterMillis));
    }

    /**
     * Every figure under a stable name, for consoles and wire encodings: {@code srtt.ms}, {@code min.rtt.ms},
     * {@code rtt.var.ms}, {@code down.bps}, {@code down.peak.<window>.bps} per window (e.g.
     * {@code down.peak.10s.bps}), the same for {@code up}, {@code connections}, {@code connections.active},
     * {@code retransmits.per.s}.
     *
     * @return the figures by name, in that order
     */
    public Map<String, Figure> named() {
        Map<String, Figure> named = new LinkedHashMap<>();
        named.put("srtt.ms", srttMillis);
        named.put("min.rtt.ms", minRttMillis);
        named.put("rtt.var.ms", rttVarMillis);
        putThroughput(named, "down", download);
        putThroughput(named, "up", upload);
        named.put("connections", connections);
        named.put("connections.active", activeConnections);
        named.put("retransmits.per.s", retransmitsPerSecond);
        return Collections.unmodifiableMap(named);
    }

    private static void putThroughput(Map<String, Figure> named, String direction, Throughput throughput) {
        named.put(direction + ".bps", throughput.rate());
        throughput.peaks().forEach((window, peak) ->
                named.put(direction + ".peak." + Throughput.label(window) + ".bps", peak));
    }
}
