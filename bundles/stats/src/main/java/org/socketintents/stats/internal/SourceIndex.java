package org.socketintents.stats.internal;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.InterfacePrefix;
import org.socketintents.api.net.Interfaces;

/** Which interface and prefix a connection's local address belongs to, from the interface monitor's snapshot. */
final class SourceIndex {

    /**
     * @param interfaceName the interface holding the address
     * @param prefix        the address with its prefix length
     */
    record Source(String interfaceName, InterfacePrefix prefix) {
    }

    private final Map<InetAddress, Source> byAddress = new HashMap<>();

    SourceIndex(Interfaces interfaces) {
        for (InterfaceDescription description : interfaces) {
            for (InterfacePrefix prefix : description.prefixes()) {
                byAddress.putIfAbsent(prefix.address(), new Source(description.name(), prefix));
            }
        }
    }

    /**
     * @param local a connection's local address
     * @return the interface and prefix holding it; empty for an address no interface holds (e.g. a socket bound to
     *         an address that was removed since)
     */
    Optional<Source> locate(InetAddress local) {
        return Optional.ofNullable(byAddress.get(local));
    }
}
