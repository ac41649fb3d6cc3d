package org.socketintents.resolver.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A DNS server as one interface reaches it: queries leave from the interface's source address. That chooses the
 * interface only where the routing does so by source address (one policy-routing rule and table per interface,
 * as in the lab) or where the server is on the interface's link: SO_BINDTODEVICE, which would choose it outright,
 * is out of reach without native code.
 *
 * @param server the server's address and port
 * @param source the interface's address the queries are sent from
 */
record ServerPath(InetSocketAddress server, InetAddress source) {

    @Override
    public String toString() {
        return server.getAddress().getHostAddress() + " from " + source.getHostAddress();
    }
}
