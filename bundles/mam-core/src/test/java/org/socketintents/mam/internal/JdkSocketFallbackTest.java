package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.socketintents.api.Intents;
import org.socketintents.nativemptcp.internal.NativeSocketService;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.SocketConnectRequest;

/**
 * Where junixsocket's native library does not load, the MAM listens with the JDK's Unix sockets
 * ({@link UnixSockets#JDK}, chosen here directly): peer credentials still come from the kernel (SO_PEERCRED
 * through jdk.net, which names the user and group; {@link Accounts} turns the names into ids), the allow-list
 * still judges every connection, and delegated connects, which need descriptor passing, are answered UNAVAILABLE.
 */
@Timeout(60)
class JdkSocketFallbackTest {

    @TempDir
    Path directory;

    private RunningMam mam;
    private SessionServices services;
    private SocketFile jdkSocket;
    private SessionLoop loop;
    private long sessionIds;

    @BeforeEach
    void listenWithTheJdksSockets() throws IOException {
        mam = new RunningMam(directory.resolve("mam.sock"), Map.of());
        DelegatedConnects connects = new DelegatedConnects();
        connects.setSockets(new NativeSocketService());
        services = new SessionServices(mam.engine, new StatisticsReporter(mam.engine), connects);
        jdkSocket = SocketFile.bind(directory.resolve("jdk.sock"), SocketFile.Access.of(MamSettings.DEFAULTS),
                UnixSockets.JDK);
        loop = new SessionLoop("jdk-sessions", UnixSockets.JDK.selectorProvider(), services.spinner(), () -> 0)
                .start();
    }

    @AfterEach
    void stop() throws IOException {
        loop.close();
        jdkSocket.close();
        mam.close();
    }

    @Test
    void theJdksSocketsTellThePeersUserAndGroup() throws Exception {
        try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(jdkSocket.path()));
             SocketChannel accepted = jdkSocket.channel().accept()) {
            assertFalse(accepted instanceof AFUNIXSocketChannel, "a channel of the JDK's");
            assertEquals(new PeerCredentials(-1, own("uid"), own("gid")),
                    PeerCredentials.of(accepted, Accounts.local()));
        }
    }

    @Test
    void aPeerOnTheAllowListIsServedAndDelegatedConnectsAreUnavailable() throws Exception {
        try (WireClient client = serve(Map.of("allowed_users", new String[] {Long.toString(own("uid"))}),
                Accounts.local())) {
            assertEquals(new Pong(1), client.call(new Ping(1)));
            ErrorReply unavailable = (ErrorReply) client.call(new SocketConnectRequest(2,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 80), AddressFamily.ANY, Intents.none(),
                    1000));
            assertEquals(ErrorCode.UNAVAILABLE, unavailable.code());
            assertTrue(unavailable.message().contains("cannot pass descriptors"), unavailable.message());
            assertEquals(new Pong(3), client.call(new Ping(3)));
        }
    }

    @Test
    void aPeerNotOnTheAllowListIsForbiddenByItsUid() throws Exception {
        String stranger = Long.toString(own("uid") + 4242);
        try (WireClient client = serve(Map.of("allowed_users", new String[] {stranger}), Accounts.local())) {
            assertForbidden(client, "uid " + own("uid") + " gid " + own("gid"));
        }
    }

    @Test
    void aPeerWhoseUserNameHasNoKnownIdIsRefused() throws Exception {
        try (WireClient client = serve(Map.of(), new Accounts(Map.of(), Map.of()))) {
            assertForbidden(client, "cannot tell who you are");
        }
    }

    /** Connects a client and serves it as MamServer would, with these settings, on the JDK's socket. */
    private WireClient serve(Map<String, Object> config, Accounts accounts) throws IOException {
        MamSettings settings = MamSettings.of(TestConfigs.mam(config), MamSettings.DEFAULTS, accounts);
        WireClient client = new WireClient(jdkSocket.path());
        new ClientSession(++sessionIds, jdkSocket.channel().accept(), services, () -> settings, accounts,
                new ClientSession.Owner() {
                    @Override
                    public void sessionClosed(ClientSession session) {
                    }

                    @Override
                    public void protocolError(ProtocolException error) {
                    }
                }).start(loop);
        return client;
    }

    private static void assertForbidden(WireClient client, String reason) throws Exception {
        ErrorReply refused = (ErrorReply) client.read();
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertTrue(refused.message().contains(reason), refused.message());
        assertTrue(client.isClosedByPeer());
    }

    private static long own(String attribute) throws IOException {
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:" + attribute)).longValue();
    }
}
