package org.socketintents.resolver.internal;

import java.util.List;

/**
 * The DNS servers one interface resolves through, in the order to try them.
 *
 * @param interfaceName the interface
 * @param servers       its servers, each with the source address to send from; never empty
 */
record Upstream(String interfaceName, List<ServerPath> servers) {

    Upstream {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("an upstream needs a server");
        }
    }
}
