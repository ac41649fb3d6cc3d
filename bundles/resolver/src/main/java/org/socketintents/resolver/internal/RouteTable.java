package org.socketintents.resolver.internal;

import java.util.List;

/** The host's routes, as far as the server fallback needs them (see {@link ServerSelection}). */
interface RouteTable {

    /** @return the usable routes of the main table, IPv4 and IPv6 */
    List<Route> routes();
}
