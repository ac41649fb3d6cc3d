package org.socketintents.stats.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.socketintents.api.net.InterfaceProperties;

/**
 * Where to probe an interface's RTT: a TCP server reachable over it, connected to from the interface's source
 * address. The connect time (SYN to SYN/ACK) is one round trip.
 *
 * @param interfaceName the interface
 * @param target        an IP literal and a port a server listens on
 */
record ProbeTarget(String interfaceName, InetSocketAddress target) {

    /**
     * @param entry {@code <interface>=<ipv4>:<port>} or {@code <interface>=[<ipv6>]:<port>}
     * @return the target
     * @throws IllegalArgumentException if the entry is not of that form; host names are refused, as resolving
     *                                  them would itself depend on the interface being probed
     */
    static ProbeTarget parse(String entry) {
        int equals = entry.indexOf('=');
        int colon = entry.lastIndexOf(':');
        if (equals <= 0 || colon < equals + 2) {
            throw new IllegalArgumentException("'" + entry + "' is not <interface>=<address>:<port>");
        }
        String name = entry.substring(0, equals).trim();
        String host = entry.substring(equals + 1, colon).trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> address = InterfaceProperties.parseAddresses(host);
        if (address.size() != 1) {
            throw new IllegalArgumentException("'" + entry + "' must name one address");
        }
        int port;
        try {
            port = Integer.parseInt(entry.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry + "' has no port number", e);
        }
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("'" + entry + "': port out of 1..65535");
        }
        return new ProbeTarget(name, new InetSocketAddress(address.get(0), port));
    }

    @Override
    public String toString() {
        return interfaceName + "=" + target.getAddress().getHostAddress() + ":" + target.getPort();
    }
}
