package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;

/** Every path through connect, successful or not, gives its descriptors back. */
class DescriptorLeakTest {

    private static final int CYCLES = 1_000;
    private static final int WARM_UP = 20;

    private final NativeSocketService service = new NativeSocketService();

    @Test
    void aThousandConnectCycles() throws Exception {
        service.activate();
        try (ServerSocket listener = Loopback.listener()) {
            InetSocketAddress unused = Loopback.unused();
            for (int i = 0; i < WARM_UP; i++) {
                cycle(listener, unused, i);
            }
            long before = openDescriptors();
            for (int i = 0; i < CYCLES; i++) {
                cycle(listener, unused, i);
            }
            assertEquals(before, openDescriptors());
        }
    }

    /** A connection (TCP or MPTCP falling back), its statistics, a refusal, and a failed device binding. */
    private void cycle(ServerSocket listener, InetSocketAddress unused, int i) throws IOException {
        Transport transport = i % 2 == 0 ? Transport.TCP : Transport.MPTCP;
        try (NativeConnection connection = service.connect(ConnectSpec.builder()
                .remote(Loopback.addressOf(listener)).transport(transport).build());
             Socket server = listener.accept()) {
            assertEquals(connection.localAddress(), server.getRemoteSocketAddress());
            connection.tcpInfo();
            connection.mptcpInfo();
        }
        assertThrows(ConnectException.class,
                () -> service.connect(ConnectSpec.builder().remote(unused).transport(transport).build()));
        assertThrows(IOException.class, () -> service.connect(ConnectSpec.builder()
                .remote(Loopback.addressOf(listener)).transport(transport).device("nosuchdev0").build()));
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }
}
