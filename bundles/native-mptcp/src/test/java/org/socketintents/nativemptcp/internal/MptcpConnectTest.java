package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.MptcpInfo;
import org.socketintents.api.transport.MptcpSubflow;
import org.socketintents.api.transport.NativeConnection;
import org.socketintents.api.transport.TcpInfo;
import org.socketintents.api.transport.TransportCapabilities;

/** MPTCP on this kernel (net.mptcp.enabled=1), over loopback, and the two ways it falls back to TCP. */
class MptcpConnectTest {

    private static final int TRANSFER = 16 * 1024;

    private final NativeSocketService service = new NativeSocketService();

    @BeforeEach
    void activate() {
        service.activate();
    }

    @Test
    void mptcpToAnMptcpListenerRunsOverMptcpWithOneSubflow() throws Exception {
        try (NativeListener listener = NativeListener.open(LibC.IPPROTO_MPTCP, Loopback.V4, 8);
             NativeConnection connection = service.connect(ConnectSpec.builder().remote(listener.address())
                     .transport(Transport.MPTCP).build());
             Socket server = listener.accept()) {
            assertEquals(Transport.MPTCP, connection.transport());
            assertEquals(Optional.empty(), connection.fallbackReason());
            assertEquals(LibC.IPPROTO_MPTCP,
                    Loopback.intOption(connection.descriptor(), LibC.SOL_SOCKET, TestLibC.SO_PROTOCOL));
            try (Socket client = connection.toSocket()) {
                Loopback.roundTrip(client, server, TRANSFER);
            }
        }
    }

    @Test
    void mptcpInfoReportsTheSubflowAndTheBytesAfterATransfer() throws Exception {
        try (NativeListener listener = NativeListener.open(LibC.IPPROTO_MPTCP, Loopback.V4, 8);
             NativeConnection connection = service.connect(ConnectSpec.builder().remote(listener.address())
                     .transport(Transport.MPTCP).build());
             Socket server = listener.accept();
             Socket client = DescriptorCast.socket(dup(connection), connection.localAddress(),
                     connection.remoteAddress())) {
            Loopback.roundTrip(client, server, TRANSFER);

            MptcpInfo info = connection.mptcpInfo().orElseThrow();
            assertEquals(1, info.subflows().size());
            MptcpSubflow subflow = info.subflows().get(0);
            assertEquals(connection.localAddress(), subflow.local());
            assertEquals(connection.remoteAddress(), subflow.remote());
            assertEquals(1, subflow.tcpInfo().state());
            assertTrue(info.remoteKeyReceived());
            assertTrue(info.token() != 0);
            assertEquals(TRANSFER, info.bytesReceived());
            assertEquals(TRANSFER, info.bytesAcked());

            TcpInfo tcp = connection.tcpInfo();
            assertTrue(tcp.rttMicros() > 0, "rtt " + tcp.rttMicros());
            assertTrue(tcp.bytesAcked() >= TRANSFER, "bytes acked " + tcp.bytesAcked());
            assertTrue(tcp.bytesReceived() >= TRANSFER, "bytes received " + tcp.bytesReceived());
        }
    }

    @Test
    void mptcpToAPlainTcpListenerFallsBackToTcpAndSaysWhy() throws Exception {
        try (ServerSocket listener = Loopback.listener();
             NativeConnection connection = service.connect(ConnectSpec.builder()
                     .remote(Loopback.addressOf(listener)).transport(Transport.MPTCP).build());
             Socket server = listener.accept();
             Socket client = connection.toSocket()) {
            assertEquals(Transport.TCP, connection.transport());
            assertEquals(Optional.of(Connector.PEER_FALLBACK), connection.fallbackReason());
            Loopback.roundTrip(client, server, TRANSFER);
        }
    }

    @Test
    void aFallenBackMptcpSocketHasNoMptcpInfoButTcpInfo() throws Exception {
        try (ServerSocket listener = Loopback.listener();
             NativeConnection connection = service.connect(ConnectSpec.builder()
                     .remote(Loopback.addressOf(listener)).transport(Transport.MPTCP).build());
             Socket server = listener.accept()) {
            assertEquals(Optional.empty(), connection.mptcpInfo());
            assertEquals(1, connection.tcpInfo().state());
            assertEquals(connection.localAddress(), server.getRemoteSocketAddress());
        }
    }

    @Test
    void tcpIsTcpWithoutMptcpInfo() throws Exception {
        try (NativeListener listener = NativeListener.open(LibC.IPPROTO_MPTCP, Loopback.V4, 8);
             NativeConnection connection = service.connect(ConnectSpec.builder().remote(listener.address())
                     .build());
             Socket server = listener.accept()) {
            assertEquals(connection.localAddress(), server.getRemoteSocketAddress());
            assertEquals(Transport.TCP, connection.transport());
            assertEquals(Optional.empty(), connection.fallbackReason());
            assertEquals(Optional.empty(), connection.mptcpInfo());
            assertEquals(LibC.IPPROTO_TCP,
                    Loopback.intOption(connection.descriptor(), LibC.SOL_SOCKET, TestLibC.SO_PROTOCOL));
        }
    }

    @Test
    void whereMptcpIsDisabledTheCapabilitiesSayWhyAndConnectFallsBackToTcp() throws Exception {
        IsolatedNetwork.run(() -> {
            Files.writeString(Path.of("/proc/sys/net/mptcp/enabled"), "0");
            TransportCapabilities capabilities = service.capabilities();
            assertFalse(capabilities.mptcp().available());
            assertTrue(capabilities.mptcp().reason().startsWith(
                    "MPTCP is disabled in this network namespace (net.mptcp.enabled=0)"),
                    capabilities.mptcp().reason());
            assertEquals("0", capabilities.kernelFacts().get("net.mptcp.enabled"));

            try (ServerSocket listener = Loopback.listener();
                 NativeConnection connection = service.connect(ConnectSpec.builder()
                         .remote(Loopback.addressOf(listener)).transport(Transport.MPTCP).build());
                 Socket server = listener.accept();
                 Socket client = connection.toSocket()) {
                assertEquals(Transport.TCP, connection.transport());
                assertEquals(Optional.of(capabilities.mptcp().reason()), connection.fallbackReason());
                Loopback.roundTrip(client, server, TRANSFER);
            }
            return null;
        });
    }

    /** A second descriptor for the same socket, so that the connection keeps its own for the information calls. */
    private static int dup(NativeConnection connection) {
        return TestLibC.dup(connection.descriptor());
    }
}
