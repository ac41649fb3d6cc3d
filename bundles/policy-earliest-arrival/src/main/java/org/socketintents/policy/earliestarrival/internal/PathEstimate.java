package org.socketintents.policy.earliestarrival.internal;

import java.util.Optional;

import org.socketintents.api.stats.EffectiveFigures;

/**
 * What a new download over one interface can expect: the round-trip time and the capacity left for it.
 *
 * @param rttSeconds          round-trip time, s, non-negative
 * @param freeBytesPerSecond  the rate the new connection can get, bytes/s, positive
 */
record PathEstimate(double rttSeconds, double freeBytesPerSecond) {

    /**
     * The free capacity is {@code C = max(B - rho, B / (n + 1))} with B the interface's download capacity, rho its
     * measured download rate and n its active connections (each 0 when not measured): a new TCP connection takes
     * what the others leave, or its fair share of the bottleneck when they would use it all; idle connections take
     * nothing and do not count.
     *
     * @param figures the interface's effective figures
     * @return the estimate, or empty when the interface has no RTT or no positive bandwidth
     */
    static Optional<PathEstimate> of(EffectiveFigures figures) {
        if (!figures.rttMillis().isAvailable() || !(figures.downloadBandwidth().value() > 0)) {
            return Optional.empty();
        }
        double capacity = figures.downloadBandwidth().value() / 8;
        double used = figures.downloadRate().value() / 8;
        double others = figures.activeConnections().value();
        double free = Math.max(capacity - used, capacity / (others + 1));
        return Optional.of(new PathEstimate(figures.rttMillis().value() / 1000, free));
    }
}
