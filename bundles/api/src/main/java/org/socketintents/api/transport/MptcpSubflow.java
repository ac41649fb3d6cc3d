package org.socketintents.api.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One TCP subflow of an MPTCP connection: which path it takes and how it fares.
 *
 * @param local   the subflow's local address and port
 * @param remote  the subflow's remote address and port
 * @param tcpInfo its TCP statistics
 */
public record MptcpSubflow(InetSocketAddress local, InetSocketAddress remote, TcpInfo tcpInfo) {

    public MptcpSubflow {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(tcpInfo, "tcpInfo");
    }
}
