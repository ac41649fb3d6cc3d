package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;

/** What a spec asks of the socket before connecting: device, source address, suggested options. */
class ConnectOptionsTest {

    private static final int BUFFER = 64 * 1024;
    private static final int TOS = 0x28;

    private final NativeSocketService service = new NativeSocketService();

    @BeforeEach
    void activate() {
        service.activate();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void bindingToTheLoopbackDeviceWorks(Transport transport) throws Exception {
        try (ServerSocket listener = Loopback.listener();
             NativeConnection connection = service.connect(ConnectSpec.builder()
                     .remote(Loopback.addressOf(listener)).transport(transport).device("lo").build());
             Socket server = listener.accept()) {
            assertEquals("lo", Loopback.device(connection.descriptor()));
            assertEquals(connection.localAddress(), server.getRemoteSocketAddress());
        }
    }

    @Test
    void bindingToAnUnknownDeviceFailsSayingSo() throws Exception {
        try (ServerSocket listener = Loopback.listener()) {
            ConnectSpec spec = ConnectSpec.builder().remote(Loopback.addressOf(listener)).device("nosuchdev0").build();
            SocketException e = assertThrows(SocketException.class, () -> service.connect(spec));
            assertEquals("binding the socket to device \"nosuchdev0\" (SO_BINDTODEVICE): No such device (ENODEV)",
                    e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theServerSeesTheSourceAddressTheSpecBinds(Transport transport) throws Exception {
        try (ServerSocket listener = Loopback.listener();
             NativeConnection connection = service.connect(ConnectSpec.builder()
                     .remote(Loopback.addressOf(listener)).transport(transport).sourceAddress(Loopback.V4_SECOND)
                     .build());
             Socket server = listener.accept()) {
            assertEquals(Loopback.V4_SECOND, server.getInetAddress());
            assertEquals(Loopback.V4_SECOND, connection.localAddress().getAddress());
            assertEquals(connection.localAddress().getPort(), server.getPort());
        }
    }

    @Test
    void aSourceOfAnotherFamilyIsRefusedBeforeAnySystemCall() throws Exception {
        try (ServerSocket listener = Loopback.listener()) {
            ConnectSpec spec = ConnectSpec.builder().remote(Loopback.addressOf(listener))
                    .sourceAddress(InetAddress.getByName("::1")).build();
            SocketException e = assertThrows(SocketException.class, () -> service.connect(spec));
            assertEquals("source 0:0:0:0:0:0:0:1 and destination " + SocketAddresses.format(Loopback.addressOf(listener))
                    + " are of different address families", e.getMessage());
        }
    }

    @Test
    void anUnassignedSourceAddressIsABindException() throws Exception {
        try (ServerSocket listener = Loopback.listener()) {
            ConnectSpec spec = ConnectSpec.builder().remote(Loopback.addressOf(listener))
                    .sourceAddress(InetAddress.getByName("192.0.2.1")).build();
            BindException e = assertThrows(BindException.class, () -> service.connect(spec));
            assertEquals("binding to 192.0.2.1:0: Cannot assign requested address (EADDRNOTAVAIL)",
                    e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void suggestedOptionsAreSetBeforeConnecting(Transport transport) throws Exception {
        try (ServerSocket listener = Loopback.listener();
             NativeConnection connection = service.connect(ConnectSpec.builder()
                     .remote(Loopback.addressOf(listener)).transport(transport)
                     .option(SuggestedOption.TCP_NODELAY, 1).option(SuggestedOption.SO_KEEPALIVE, 1)
                     .option(SuggestedOption.SO_RCVBUF, BUFFER).option(SuggestedOption.SO_SNDBUF, BUFFER)
                     .option(SuggestedOption.IP_TOS, TOS).build());
             Socket server = listener.accept()) {
            int fd = connection.descriptor();
            assertEquals(1, Loopback.intOption(fd, LibC.IPPROTO_TCP, LibC.TCP_NODELAY));
            assertEquals(1, Loopback.intOption(fd, LibC.SOL_SOCKET, LibC.SO_KEEPALIVE));
            // Linux doubles buffer sizes for its bookkeeping (socket(7)).
            assertEquals(2 * BUFFER, Loopback.intOption(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF));
            assertEquals(2 * BUFFER, Loopback.intOption(fd, LibC.SOL_SOCKET, LibC.SO_SNDBUF));
            assertEquals(TOS, Loopback.intOption(fd, LibC.IPPROTO_IP, LibC.IP_TOS));
            assertEquals(connection.localAddress(), server.getRemoteSocketAddress());
        }
    }

    @Test
    void theTrafficClassOfAnIpv6SocketIsIpv6Tclass() throws Exception {
        try (ServerSocket listener = Loopback.listener(InetAddress.getByName("::1"));
             NativeConnection connection = service.connect(ConnectSpec.builder()
                     .remote(Loopback.addressOf(listener)).option(SuggestedOption.IP_TOS, TOS).build());
             Socket server = listener.accept()) {
            assertEquals(TOS, Loopback.intOption(connection.descriptor(), LibC.IPPROTO_IPV6, LibC.IPV6_TCLASS));
            assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), listener.getLocalPort()),
                    connection.remoteAddress());
            assertTrue(server.isConnected());
        }
    }
}
