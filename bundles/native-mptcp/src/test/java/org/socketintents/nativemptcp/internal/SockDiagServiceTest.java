package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;
import org.socketintents.api.transport.TcpConnectionInfo;

/**
 * The netlink dump sees this test's own loopback connections, both ends, with the kernel's figures, and not the
 * sockets that carry none.
 */
class SockDiagServiceTest {

    private static final int TRANSFER = 8192;
    /** Kernel TCP states (include/net/tcp_states.h). */
    private static final int TIME_WAIT = 6;
    private static final int LISTEN = 10;

    private final NativeSocketService sockets = new NativeSocketService();
    private final SockDiagService diagnostics = new SockDiagService();

    @BeforeEach
    void activate() {
        sockets.activate();
        diagnostics.activate();
    }

    @Test
    void findsBothEndsOfItsOwnTcpConnection() throws Exception {
        try (ServerSocket listener = Loopback.listener();
             NativeConnection connection = sockets.connect(ConnectSpec.builder()
                     .remote(Loopback.addressOf(listener)).build());
             Socket server = listener.accept();
             Socket client = DescriptorCast.socket(TestLibC.dup(connection.descriptor()), connection.localAddress(),
                     connection.remoteAddress())) {
            Loopback.roundTrip(client, server, TRANSFER);
            List<TcpConnectionInfo> all = diagnostics.tcpConnections();

            TcpConnectionInfo mine = find(all, connection, false);
            assertEquals(TcpConnectionInfo.ESTABLISHED, mine.state());
            assertFalse(mine.mptcp());
            assertTrue(mine.rttMicros() > 0, "rtt " + mine.rttMicros());
            assertTrue(mine.bytesAcked() >= TRANSFER, "bytes acked " + mine.bytesAcked());
            assertTrue(mine.bytesReceived() >= TRANSFER, "bytes received " + mine.bytesReceived());

            // The JDK's socket is a dual-stack IPv6 one: the dump reports its IPv4-mapped addresses as IPv4.
            TcpConnectionInfo theirs = find(all, connection, true);
            assertEquals(TcpConnectionInfo.ESTABLISHED, theirs.state());
        }
    }

    @Test
    void leavesOutListeningSocketsAndConnectionsInTimeWait() throws Exception {
        try (ServerSocket listener = Loopback.listener()) {
            InetSocketAddress closedFirst;
            try (Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
                 Socket server = listener.accept()) {
                Loopback.roundTrip(client, server, TRANSFER);
                closedFirst = (InetSocketAddress) client.getLocalSocketAddress();
                client.close();
                // the end that closes first waits out TIME_WAIT once the other end has closed too
                assertEquals(-1, server.getInputStream().read());
            }
            InetSocketAddress listening = Loopback.addressOf(listener);
            List<TcpConnectionInfo> all = diagnostics.tcpConnections();

            assertTrue(all.stream().noneMatch(c -> c.local().equals(listening) && c.remote().getPort() == 0),
                    "the listener is not a connection");
            assertTrue(all.stream().noneMatch(c -> c.local().equals(closedFirst)),
                    () -> "the connection in TIME_WAIT from " + closedFirst + " is left out");
            assertTrue(all.stream().noneMatch(c -> c.state() == TIME_WAIT || c.state() == LISTEN),
                    "no socket in TIME_WAIT or LISTEN");
        }
    }

    @Test
    void marksTheSubflowsOfAnMptcpConnection() throws Exception {
        try (NativeListener listener = NativeListener.open(LibC.IPPROTO_MPTCP, Loopback.V4, 8);
             NativeConnection connection = sockets.connect(ConnectSpec.builder().remote(listener.address())
                     .transport(Transport.MPTCP).build());
             Socket server = listener.accept()) {
            assertEquals(connection.localAddress(), server.getRemoteSocketAddress());
            List<TcpConnectionInfo> all = diagnostics.tcpConnections();
            assertTrue(find(all, connection, false).mptcp());
            assertTrue(find(all, connection, true).mptcp());
        }
    }

    private static TcpConnectionInfo find(List<TcpConnectionInfo> all, NativeConnection connection,
                                          boolean peerSide) {
        return all.stream()
                .filter(c -> peerSide
                        ? c.local().equals(connection.remoteAddress()) && c.remote().equals(connection.localAddress())
                        : c.local().equals(connection.localAddress()) && c.remote().equals(connection.remoteAddress()))
                .reduce((a, b) -> {
                    throw new AssertionError("listed twice: " + a + " and " + b);
                })
                .orElseThrow(() -> new AssertionError(connection + (peerSide ? " (peer side)" : "")
                        + " is not among " + all.size() + " sockets"));
    }
}
