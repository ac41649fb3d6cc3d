package org.socketintents.resolver.internal;

import java.net.InetAddress;

/**
 * A route of the kernel's main table: destinations in a prefix leave through an interface.
 *
 * @param network       the prefix's network address
 * @param prefixLength  the prefix's length; 0 for a default route
 * @param interfaceName the interface the route leaves through
 */
record Route(InetAddress network, int prefixLength, String interfaceName) {

    Route {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + bits);
        }
    }

    /**
     * @param address an address
     * @return whether the route covers it (addresses of the other family never match)
     */
    boolean covers(InetAddress address) {
        return covers(network, prefixLength, address);
    }

    /**
     * @param network      a prefix's network address
     * @param prefixLength the prefix's length
     * @param address      an address
     * @return whether the address lies in the prefix
     */
    static boolean covers(InetAddress network, int prefixLength, InetAddress address) {
        byte[] prefix = network.getAddress();
        byte[] candidate = address.getAddress();
        if (prefix.length != candidate.length) {
            return false;
        }
        int wholeBytes = prefixLength / 8;
        for (int i = 0; i < wholeBytes; i++) {
            if (prefix[i] != candidate[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainingBits) & 0xFF;
        return (prefix[wholeBytes] & mask) == (candidate[wholeBytes] & mask);
    }
}
