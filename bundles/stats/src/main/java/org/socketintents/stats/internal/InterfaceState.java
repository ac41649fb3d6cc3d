package org.socketintents.stats.internal;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.socketintents.api.net.InterfacePrefix;
import org.socketintents.api.stats.InterfaceFigures;
import org.socketintents.api.stats.TrafficFigures;

/** What the collector knows about one interface and each of its prefixes. Confined to the sampling thread. */
final class InterfaceState {

    private final CollectorSettings settings;
    private final PathState traffic;
    private final CounterMeter meter = new CounterMeter();
    private Map<InterfacePrefix, PathState> prefixes = new HashMap<>();

    InterfaceState(CollectorSettings settings) {
        this.settings = settings;
        this.traffic = new PathState(settings);
    }

    PathState traffic() {
        return traffic;
    }

    CounterMeter meter() {
        return meter;
    }

    /**
     * Keeps the state of the prefixes the interface still has and starts one for each new prefix.
     *
     * @param current the interface's prefixes now
     */
    void retainPrefixes(List<InterfacePrefix> current) {
        Map<InterfacePrefix, PathState> kept = new HashMap<>();
        for (InterfacePrefix prefix : current) {
            PathState state = prefixes.get(prefix);
            kept.put(prefix, state != null ? state : new PathState(settings));
        }
        prefixes = kept;
    }

    /** @return the state of one of its prefixes, if it has that prefix */
    Optional<PathState> prefix(InterfacePrefix prefix) {
        return Optional.ofNullable(prefixes.get(prefix));
    }

    /** @return the state of the prefix holding a source address, if any */
    Optional<PathState> prefixHolding(InetAddress address) {
        return prefixes.entrySet().stream().filter(entry -> entry.getKey().address().equals(address))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The socket diagnostics failed or went away: the figures only they give are unavailable. */
    void forgetConnections() {
        traffic.forgetConnections();
        for (PathState prefix : prefixes.values()) {
            prefix.forgetConnections();
            prefix.forgetRates();
        }
    }

    /**
     * @param name    the interface's name
     * @param order   its prefixes, in the order to list them
     * @param now     the time the figures are for
     * @param staleAfterMillis the age beyond which a measurement is stale
     */
    InterfaceFigures figures(String name, List<InterfacePrefix> order, long now, long staleAfterMillis) {
        Map<InterfacePrefix, TrafficFigures> byPrefix = new LinkedHashMap<>();
        for (InterfacePrefix prefix : order) {
            prefix(prefix).ifPresent(state -> byPrefix.put(prefix, state.figures(now, staleAfterMillis)));
        }
        return new InterfaceFigures(name, traffic.figures(now, staleAfterMillis), byPrefix);
    }
}
