package org.socketintents.api.transport;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Dumps the host's TCP connections with their kernel statistics (on Linux: netlink sock_diag / inet_diag with
 * tcp_info). Provided by the native socket layer; used by the statistics collector on its own schedule, never on
 * a decision's path.
 */
@ProviderType
public interface SocketDiagnostics {

    /**
     * @return every TCP connection of the host's current network namespace, IPv4 and IPv6, with its statistics;
     *         not the sockets that have none: listening sockets and connections that are only waiting out TIME_WAIT
     *         (a host that has just made many short connections has thousands of those for a minute)
     * @throws IOException if the kernel cannot be asked (no netlink, permission denied); the message says why
     */
    List<TcpConnectionInfo> tcpConnections() throws IOException;
}
