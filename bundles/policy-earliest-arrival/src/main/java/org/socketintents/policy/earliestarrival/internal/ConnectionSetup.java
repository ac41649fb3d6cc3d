package org.socketintents.policy.earliestarrival.internal;

import java.util.Set;

/**
 * The round trips a new connection spends before its request leaves: TCP's handshake, and TLS's on the ports that
 * speak it (1 round trip for TLS 1.3, 2 for TLS 1.2).
 *
 * @param tlsPorts      ports on which a TLS handshake follows the TCP one
 * @param tlsRoundTrips round trips of that handshake
 */
record ConnectionSetup(Set<Integer> tlsPorts, int tlsRoundTrips) {

    private static final int TCP_HANDSHAKE = 1;

    ConnectionSetup {
        tlsPorts = Set.copyOf(tlsPorts);
    }

    /**
     * @param port the destination port, 0 when unknown
     * @return the round trips before the request leaves
     */
    int roundTrips(int port) {
        return TCP_HANDSHAKE + (tlsPorts.contains(port) ? tlsRoundTrips : 0);
    }
}
