package org.socketintents.stats.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Times a TCP connect: the boundary between the prober and the network. */
interface ConnectTimer {

    /**
     * @param source  the local address to connect from (port 0)
     * @param target  the server
     * @param timeout how long to wait for the connection
     * @return the time the connect took, in nanoseconds
     * @throws IOException if it failed or timed out
     */
    long connectNanos(InetSocketAddress source, InetSocketAddress target, Duration timeout) throws IOException;
}
