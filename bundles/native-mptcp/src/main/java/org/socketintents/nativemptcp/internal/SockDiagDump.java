package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;

import org.socketintents.api.transport.TcpConnectionInfo;

/**
 * Dumps the TCP sockets of the caller's network namespace over netlink (NETLINK_SOCK_DIAG), IPv4 then IPv6. Each
 * socket appears in its own family's dump only; IPv4 peers of dual-stack IPv6 sockets read as IPv4 addresses.
 */
final class SockDiagDump {

    /** The kernel's dump datagrams stay below 32 KiB; receiving with MSG_TRUNC tells if one ever does not. */
    private static final int RECEIVE_BUFFER_SIZE = 64 * 1024;
    private static final String CALL = "socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG)";

    private final Duration replyTimeout;

    /** @param replyTimeout how long to wait for each reply datagram */
    SockDiagDump(Duration replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    /** @return every TCP connection; not the listening, TIME_WAIT and NEW_SYN_RECV sockets */
    List<TcpConnectionInfo> tcpConnections() throws IOException {
        List<TcpConnectionInfo> sockets = new ArrayList<>();
        try (NativeSocket netlink = NativeSocket.open(LibC.AF_NETLINK, LibC.SOCK_RAW, LibC.NETLINK_SOCK_DIAG, CALL);
             Memory buffer = new Memory(RECEIVE_BUFFER_SIZE)) {
            dump(netlink, buffer, LibC.AF_INET, "sock_diag dump of the IPv4 TCP sockets", sockets);
            dump(netlink, buffer, LibC.AF_INET6, "sock_diag dump of the IPv6 TCP sockets", sockets);
        }
        return sockets;
    }

    private void dump(NativeSocket netlink, Memory buffer, int family, String step, List<TcpConnectionInfo> into)
            throws IOException {
        int sequence = family;
        netlink.send(InetDiagRequest.encode(family, sequence), step);
        boolean complete = false;
        while (!complete) {
            int length = netlink.receive(buffer, replyTimeout, step);
            ByteBuffer datagram = buffer.getByteBuffer(0, length).order(ByteOrder.nativeOrder());
            complete = InetDiagReplies.read(datagram, sequence, step, into);
        }
    }
}
