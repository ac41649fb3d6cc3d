package org.socketintents.api.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An address assigned to an interface, with the length of its network prefix.
 *
 * @param address      the address
 * @param prefixLength 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record InterfacePrefix(InetAddress address, int prefixLength) {

    public InterfacePrefix {
        Objects.requireNonNull(address, "address");
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + max);
        }
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
