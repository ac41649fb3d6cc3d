package org.socketintents.api.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.socketintents.api.net.InterfaceDescription;

/**
 * An interface's figures as a policy should use them: one place to ask for "the RTT of i1", whatever measured or
 * configured it. Immutable.
 *
 * <p>The rules:
 * <ul>
 * <li><b>RTT</b>: the fresh measured smoothed RTT; else the configured {@code rtt}; else a stale measurement;
 *     else unavailable.</li>
 * <li><b>Bandwidth</b> (capacity, each direction): observed rates are only a lower bound of a path's capacity (an
 *     idle link shows none), so the configured {@code bandwidth.down}/{@code bandwidth.up} holds unless the fresh peak
 *     over the collector's longest window exceeds it; without a configured figure, the measured peak (fresh, then
 *     stale); a peak of 0 says nothing and is ignored.</li>
 * <li><b>Load</b> (current rates, active connections): fresh measurements only, else unavailable; nothing is
 *     configured for them.</li>
 * </ul>
 *
 * @param interfaceName     the interface
 * @param rttMillis         round-trip time, ms
 * @param downloadBandwidth download capacity, bit/s
 * @param uploadBandwidth   upload capacity, bit/s
 * @param downloadRate      the smoothed download rate now, bit/s
 * @param uploadRate        the smoothed upload rate now, bit/s
 * @param activeConnections established connections that moved data since the previous sample
 */
public record EffectiveFigures(String interfaceName, Figure rttMillis, Figure downloadBandwidth,
                               Figure uploadBandwidth, Figure downloadRate, Figure uploadRate,
                               Figure activeConnections) {

    public EffectiveFigures {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(rttMillis, "rttMillis");
        Objects.requireNonNull(downloadBandwidth, "downloadBandwidth");
        Objects.requireNonNull(uploadBandwidth, "uploadBandwidth");
        Objects.requireNonNull(downloadRate, "downloadRate");
        Objects.requireNonNull(uploadRate, "uploadRate");
        Objects.requireNonNull(activeConnections, "activeConnections");
    }

    /**
     * @param description the interface, with its configured figures
     * @param measured    the collector's figures of it, if any
     * @return the merged figures
     */
    public static EffectiveFigures of(InterfaceDescription description, Optional<InterfaceFigures> measured) {
        Optional<TrafficFigures> traffic = measured.map(InterfaceFigures::traffic);
        Figure unknown = Figure.unavailable();
        return new EffectiveFigures(description.name(),
                preferFresh(traffic.map(TrafficFigures::srttMillis).orElse(unknown),
                        configured(description.rttMillis())),
                capacity(traffic.map(t -> t.download().longestPeak()).orElse(unknown),
                        configured(description.downloadBandwidth())),
                capacity(traffic.map(t -> t.upload().longestPeak()).orElse(unknown),
                        configured(description.uploadBandwidth())),
                freshOnly(traffic.map(t -> t.download().rate()).orElse(unknown)),
                freshOnly(traffic.map(t -> t.upload().rate()).orElse(unknown)),
                freshOnly(traffic.map(TrafficFigures::activeConnections).orElse(unknown)));
    }

    /**
     * @param description the interface
     * @return its configured figures alone, as when no collector runs
     */
    public static EffectiveFigures configuredOnly(InterfaceDescription description) {
        return of(description, Optional.empty());
    }

    /**
     * Every figure under a stable name, for consoles and wire encodings: {@code rtt.ms},
     * {@code bandwidth.down.bps}, {@code bandwidth.up.bps}, {@code down.bps}, {@code up.bps},
     * {@code connections.active}.
     *
     * @return the figures by name, in that order
     */
    public Map<String, Figure> named() {
        Map<String, Figure> named = new LinkedHashMap<>();
        named.put("rtt.ms", rttMillis);
        named.put("bandwidth.down.bps", downloadBandwidth);
        named.put("bandwidth.up.bps", uploadBandwidth);
        named.put("down.bps", downloadRate);
        named.put("up.bps", uploadRate);
        named.put("connections.active", activeConnections);
        return Collections.unmodifiableMap(named);
    }

    private static Figure preferFresh(Figure measured, Figure configured) {
        if (measured.isFresh() || !configured.isAvailable()) {
            return measured;
        }
        return configured;
    }

    private static Figure capacity(Figure peak, Figure configured) {
        Figure informative = peak.value() > 0 ? peak : Figure.unavailable();
        if (informative.isFresh() && informative.value() > configured.value()) {
            return informative;
        }
        return configured.isAvailable() ? configured : informative;
    }

    private static Figure freshOnly(Figure measured) {
        return measured.isFresh() ? measured : Figure.unavailable();
    }

    private static Figure configured(OptionalDouble value) {
        return value.isPresent() ? Figure.configured(value.getAsDouble()) : Figure.unavailable();
    }

    private static Figure configured(OptionalLong value) {
        return value.isPresent() ? Figure.configured(value.getAsLong()) : Figure.unavailable();
    }
}
