package org.socketintents.mam.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.socketintents.api.policy.Destination;
import org.socketintents.protocol.AddressFamily;

/**
 * Resolves host names with the host's own resolver (getaddrinfo through the JDK). The addresses are not
 * tagged with an interface: the system resolver does not say which one answered.
 */
final class SystemResolver {

    /**
     * @param host   a host name or IP literal
     * @param family which families to keep
     * @return the addresses in the system resolver's order
     * @throws UnknownHostException if the name does not resolve, or has no address of the wanted family
     */
    List<Destination> resolve(String host, AddressFamily family) throws UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(host);
        List<Destination> destinations = new ArrayList<>(all.length);
        for (InetAddress address : all) {
            if (family == AddressFamily.ANY
                    || family == AddressFamily.INET && address instanceof Inet4Address
                    || family == AddressFamily.INET6 && address instanceof Inet6Address) {
                destinations.add(Destination.of(address));
            }
        }
        if (destinations.isEmpty()) {
            throw new UnknownHostException(host + " has no " + family + " address");
        }
        return destinations;
    }
}
