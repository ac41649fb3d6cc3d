package org.socketintents.netmon.internal;

import static java.lang.System.Logger.Level.ERROR;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The usable per-interface settings, at most one per interface name. When two configurations name the same
 * interface, the one registered first (lower service id) wins, the other is reported, and it takes over if the
 * winner goes away.
 */
final class ConfiguredInterfaces {

    private static final System.Logger LOG = System.getLogger(ConfiguredInterfaces.class.getName());

    private final SortedMap<Long, InterfaceSettings> byServiceId = new TreeMap<>();
    private volatile Map<String, InterfaceSettings> byName = Map.of();

    /**
     * @param serviceId the service id of the configuration's service
     * @param settings  its current settings
     */
    synchronized void put(long serviceId, InterfaceSettings settings) {
        byServiceId.put(serviceId, settings);
        resolve();
    }

    /** @param serviceId the service id of a configuration that went away or has no usable settings */
    synchronized void remove(long serviceId) {
        if (byServiceId.remove(serviceId) != null) {
            resolve();
        }
    }

    /** @return the settings in effect, by interface name */
    Map<String, InterfaceSettings> byName() {
        return byName;
    }

    private void resolve() {
        Map<String, InterfaceSettings> resolved = new HashMap<>();
        for (InterfaceSettings settings : byServiceId.values()) {
            InterfaceSettings first = resolved.putIfAbsent(settings.name(), settings);
            if (first != null) {
                LOG.log(ERROR, "Interface {0} is configured twice: using {1}, ignoring {2}", settings.name(),
                        first.origin(), settings.origin());
            }
        }
        byName = Map.copyOf(resolved);
    }
}
