package org.socketintents.api.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The kernel's view of one TCP connection (Linux {@code tcp_info}), as a socket diagnostics dump reports it.
 * Times are in microseconds, counts since the connection started.
 *
 * @param local            local address and port
 * @param remote           remote address and port
 * @param state            the TCP state number (1 established, ..., 10 listen), as in the kernel's tcp_states.h
 * @param rttMicros        smoothed round-trip time
 * @param rttVarMicros     round-trip time variation
 * @param minRttMicros     the lowest RTT the kernel has seen on the connection, or 0 when unknown
 * @param bytesAcked       bytes sent and acknowledged
 * @param bytesReceived    bytes received
 * @param totalRetransmits segments retransmitted
 * @param deliveryRateBps  the kernel's latest delivery rate estimate in bytes per second, or 0 when unknown
 * @param mptcp            whether the socket is a subflow of an MPTCP connection
 */
public record TcpConnectionInfo(InetSocketAddress local, InetSocketAddress remote, int state, long rttMicros,
                                long rttVarMicros, long minRttMicros, long bytesAcked, long bytesReceived,
                                long totalRetransmits, long deliveryRateBps, boolean mptcp) {

    /** Kernel state number of an established connection. */
    public static final int ESTABLISHED = 1;

    public TcpConnectionInfo {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }
}
