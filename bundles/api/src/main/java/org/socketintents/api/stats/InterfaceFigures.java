package org.socketintents.api.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.socketintents.api.net.InterfacePrefix;

/**
 * The measured figures of one interface, as a whole and per source prefix. Immutable.
 *
 * @param name     the interface's name
 * @param traffic  the figures of all its traffic
 * @param prefixes the figures of the connections from each of its prefixes, in the interface's order
 */
public record InterfaceFigures(String name, TrafficFigures traffic, Map<InterfacePrefix, TrafficFigures> prefixes) {

    public InterfaceFigures {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(traffic, "traffic");
        Map<InterfacePrefix, TrafficFigures> copy = new LinkedHashMap<>();
        prefixes.forEach((prefix, figures) -> copy.put(Objects.requireNonNull(prefix, "prefix"),
                Objects.requireNonNull(figures, "figures")));
        prefixes = Collections.unmodifiableMap(copy);
    }

    /**
     * @param millis           time passed since the figures were taken
     * @param staleAfterMillis the age beyond which a measurement is stale
     * @return the figures as they read that much later
     */
    public InterfaceFigures olderBy(long millis, long staleAfterMillis) {
        Map<InterfacePrefix, TrafficFigures> aged = new LinkedHashMap<>();
        prefixes.forEach((prefix, figures) -> aged.put(prefix, figures.olderBy(millis, staleAfterMillis)));
        return new InterfaceFigures(name, traffic.olderBy(millis, staleAfterMillis), aged);
    }
}
