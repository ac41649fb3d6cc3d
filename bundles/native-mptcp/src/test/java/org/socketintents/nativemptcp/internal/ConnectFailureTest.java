package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;

/** Refusals, timeouts, and trying the remote addresses in order. */
class ConnectFailureTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    private final NativeSocketService service = new NativeSocketService();

    @BeforeEach
    void activate() {
        service.activate();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aPortWithoutListenerIsRefusedClearly(Transport transport) throws Exception {
        InetSocketAddress unused = Loopback.unused();
        ConnectSpec spec = ConnectSpec.builder().remote(unused).transport(transport).build();
        ConnectException e = assertThrows(ConnectException.class, () -> service.connect(spec));
        assertEquals("connect to " + SocketAddresses.format(unused) + ": Connection refused (ECONNREFUSED)",
                e.getMessage());
    }

    /**
     * A listener with backlog 0 whose accept queue holds one connection already drops further SYNs (the kernel
     * counts them as listen overflows), so the second connect hears nothing.
     */
    @Test
    void aListenerThatDropsTheSynTimesOut() throws Exception {
        try (NativeListener listener = NativeListener.open(LibC.IPPROTO_TCP, Loopback.V4, 0);
             NativeConnection first = service.connect(ConnectSpec.builder().remote(listener.address()).build())) {
            assertEquals(listener.address(), first.remoteAddress());
            listener.awaitPending();
            ConnectSpec spec = ConnectSpec.builder().remote(listener.address()).connectTimeout(SHORT).build();
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> service.connect(spec));
            assertEquals("connect to " + SocketAddresses.format(listener.address()) + ": no answer within 300 ms",
                    e.getMessage());
        }
    }

    @Test
    void theNextAddressIsTriedWhenOneFails() throws Exception {
        InetSocketAddress unused = Loopback.unused();
        try (ServerSocket listener = Loopback.listener();
             NativeConnection connection = service.connect(ConnectSpec.builder()
                     .remotes(List.of(unused, Loopback.addressOf(listener))).build());
             Socket server = listener.accept()) {
            assertEquals(Loopback.addressOf(listener), connection.remoteAddress());
            assertEquals(connection.localAddress(), server.getRemoteSocketAddress());
        }
    }

    @Test
    void whenEveryAddressFailsTheLastFailureCarriesTheEarlierOnes() throws Exception {
        InetSocketAddress first = Loopback.unused();
        InetSocketAddress second = Loopback.unused();
        ConnectSpec spec = ConnectSpec.builder().remotes(List.of(first, second)).build();
        ConnectException e = assertThrows(ConnectException.class, () -> service.connect(spec));
        assertEquals("connect to " + SocketAddresses.format(second) + ": Connection refused (ECONNREFUSED)",
                e.getMessage());
        assertArrayEquals(new String[] {"connect to " + SocketAddresses.format(first)
                        + ": Connection refused (ECONNREFUSED)"},
                Arrays.stream(e.getSuppressed()).map(Throwable::getMessage).toArray(String[]::new));
    }
}
