package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;

class SocketCommandsTest {

    private final NativeSocketService sockets = new NativeSocketService();
    private final SockDiagService diagnostics = new SockDiagService();
    private final SocketCommands commands = new SocketCommands(sockets, diagnostics);

    @BeforeEach
    void activate() {
        sockets.activate();
        diagnostics.activate();
    }

    @Test
    void capabilitiesShowsBothProtocolsAndTheSysctls() {
        List<String> lines = commands.capabilities().lines().toList();
        assertEquals("MPTCP: " + sockets.capabilities().mptcp(), lines.get(0));
        assertEquals("SCTP:  " + sockets.capabilities().sctp(), lines.get(1));
        assertTrue(lines.contains("net.mptcp.enabled = 1"), lines.toString());
    }

    @Test
    void tcpListsAConnectionWithItsState() throws Exception {
        try (ServerSocket listener = Loopback.listener();
             NativeConnection connection = sockets.connect(ConnectSpec.builder()
                     .remote(Loopback.addressOf(listener)).build());
             Socket server = listener.accept()) {
            assertEquals(connection.localAddress(), server.getRemoteSocketAddress());
            String prefix = SocketAddresses.format(connection.localAddress()) + " -> "
                    + SocketAddresses.format(connection.remoteAddress()) + " ESTABLISHED rtt=";
            assertTrue(commands.tcp().lines().anyMatch(line -> line.startsWith(prefix)), prefix);
        }
    }
}
