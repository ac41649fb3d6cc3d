package org.socketintents.stats.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.socketintents.api.transport.TcpConnectionInfo;

/** Builds the kernel's view of test connections. */
final class Connections {

    private Connections() {
    }

    /**
     * An established connection from {@code local:localPort} to 203.0.113.80:443.
     *
     * @param rttMillis   smoothed RTT; the variation is a tenth of it, the minimum 90 % of it
     * @param received    bytes received so far
     * @param sent        bytes acknowledged so far
     * @param retransmits segments retransmitted so far
     */
    static TcpConnectionInfo established(String local, int localPort, double rttMillis, long received, long sent,
                                         long retransmits) {
        long rtt = Math.round(rttMillis * 1000);
        return new TcpConnectionInfo(address(local, localPort), address("203.0.113.80", 443),
                TcpConnectionInfo.ESTABLISHED, rtt, rtt / 10, rtt * 9 / 10, sent, received, retransmits, 0, false);
    }

    static InetSocketAddress address(String literal, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
