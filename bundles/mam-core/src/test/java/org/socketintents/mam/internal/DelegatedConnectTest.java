package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.FileDescriptorCast;
import org.socketintents.api.Intents;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Policy;
import org.socketintents.api.policy.Transport;
import org.socketintents.nativemptcp.internal.NativeSocketService;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;
import org.socketintents.protocol.SocketConnectReply;
import org.socketintents.protocol.SocketConnectRequest;

/** SOCKETCONNECT end to end: the real native socket layer connects, the descriptor crosses the Unix socket. */
@Timeout(120)
class DelegatedConnectTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path directory;

    private Path socket;
    private DecisionEngine engine;
    private DelegatedConnects connects;
    private final NativeSocketService nativeSockets = new NativeSocketService();
    private MamServer server;
    private ServerSocket listener;
    private volatile Function<DecisionRequest, Decision> policy = request -> Decision.osDefault("test");

    @BeforeEach
    void setUp() throws IOException {
        socket = directory.resolve("mam.sock");
        Map<String, Object> config = Map.of("socket_path", socket.toString(), "policy", "test");
        PolicyRegistry registry = new PolicyRegistry();
        registry.activate(TestConfigs.mam(config));
        registry.addPolicy(request -> policy.apply(request), Map.of(Policy.NAME, "test"));
        engine = new DecisionEngine(registry, TestConfigs.mam(config));
        Interfaces paper = PaperInterfaces.snapshot();
        engine.setMonitor(() -> paper);
        connects = new DelegatedConnects();
        connects.setSockets(nativeSockets);
        server = new MamServer(engine, new StatisticsReporter(engine), connects, TestConfigs.mam(config));
        listener = new ServerSocket(0, 200, LOOPBACK);
    }

    @AfterEach
    void tearDown() throws IOException {
        listener.close();
        server.deactivate();
        engine.deactivate();
    }

    private InetSocketAddress listening() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private static SocketConnectRequest connectTo(int id, InetSocketAddress endpoint) {
        return new SocketConnectRequest(id, endpoint, AddressFamily.ANY, Intents.none(), 5_000);
    }

    @Test
    void theMamConnectsAndPassesTheDescriptorOfAWorkingConnection() throws Exception {
        policy = request -> Decision.builder().reason("plain").build();
        try (WireClient client = new WireClient(socket)) {
            SocketConnectReply reply = (SocketConnectReply) client.call(connectTo(3, listening()));
            FileDescriptor[] received = client.descriptors();
            assertEquals(1, received.length);
            try (Socket accepted = listener.accept(); Socket adopted = adopt(received[0])) {
                assertEquals(3, reply.requestId());
                assertEquals(listening(), reply.remote());
                assertEquals(reply.local(), accepted.getRemoteSocketAddress());
                assertEquals(Transport.TCP, reply.transport());
                assertEquals("", reply.fallbackReason());
                assertEquals(DecisionOutcome.POLICY, reply.outcome());
                assertEquals("plain", reply.decision().reason());

                adopted.getOutputStream().write("ping".getBytes());
                assertEquals("ping", new String(accepted.getInputStream().readNBytes(4)));
                accepted.getOutputStream().write("pong".getBytes());
                assertEquals("pong", new String(adopted.getInputStream().readNBytes(4)));
            } finally {
                close(received[0]);
            }
        }
    }

    @Test
    void aHostNameIsResolvedByTheMam() throws Exception {
        try (WireClient client = new WireClient(socket)) {
            SocketConnectReply reply = (SocketConnectReply) client.call(new SocketConnectRequest(4,
                    InetSocketAddress.createUnresolved("localhost", listening().getPort()), AddressFamily.INET,
                    Intents.none(), 0));
            close(client.descriptors()[0]);
            assertEquals(listening(), reply.remote());
            listener.accept().close();
        }
    }

    @Test
    void mptcpIsUsedWhereThePeerSpeaksItAndItsFallbackReportedWhereNot() throws Exception {
        policy = request -> Decision.builder().transport(Transport.MPTCP).reason("aggregate").build();
        try (MptcpListener mptcp = MptcpListener.open(); WireClient client = new WireClient(socket)) {
            SocketConnectReply multipath = (SocketConnectReply) client.call(connectTo(5, mptcp.address()));
            close(client.descriptors()[0]);
            assertEquals(Transport.MPTCP, multipath.transport());
            assertEquals("", multipath.fallbackReason());

            SocketConnectReply plain = (SocketConnectReply) client.call(connectTo(6, listening()));
            close(client.descriptors()[0]);
            listener.accept().close();
            assertEquals(Transport.MPTCP, plain.decision().transport());
            assertEquals(Transport.TCP, plain.transport());
            assertTrue(plain.fallbackReason().startsWith("MPTCP fell back to TCP: "), plain.fallbackReason());
            assertTrue(plain.fallbackReason().contains("MP_CAPABLE"), plain.fallbackReason());
        }
    }

    /** i1 is in the monitor's snapshot but not on this host: binding to it fails, the OS-default source works. */
    @Test
    void aDecisionNamingAnInterfaceThatVanishedConnectsFromTheOsDefaultSource() throws Exception {
        policy = request -> Decision.builder().sourceInterface("i1").reason("to i1").build();
        try (WireClient client = new WireClient(socket)) {
            SocketConnectReply reply = (SocketConnectReply) client.call(connectTo(7, listening()));
            close(client.descriptors()[0]);
            try (Socket accepted = listener.accept()) {
                assertEquals(Optional.of("i1"), reply.decision().sourceInterface());
                assertEquals(LOOPBACK, accepted.getInetAddress());
                assertEquals(reply.local(), accepted.getRemoteSocketAddress());
                assertTrue(reply.fallbackReason().contains("source (i1 198.18.1.2) could not be used"),
                        reply.fallbackReason());
            }
        }
    }

    @Test
    void aDecisionNamingAnUnknownInterfaceIsCompletedToTheOsDefaultSource() throws Exception {
        policy = request -> Decision.builder().sourceInterface("wlan9").reason("to wlan9").build();
        try (WireClient client = new WireClient(socket)) {
            SocketConnectReply reply = (SocketConnectReply) client.call(connectTo(8, listening()));
            close(client.descriptors()[0]);
            listener.accept().close();
            assertEquals(Optional.empty(), reply.decision().sourceInterface());
            assertTrue(reply.decision().reason().contains("wlan9 is not usable"), reply.decision().reason());
        }
    }

    @Test
    void aPolicyOverrunningItsBudgetStillGetsTheClientItsConnection() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        policy = request -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Decision.builder().reason("too late").build();
        };
        try (WireClient client = new WireClient(socket)) {
            SocketConnectReply reply = (SocketConnectReply) client.call(connectTo(13, listening()));
            close(client.descriptors()[0]);
            listener.accept().close();
            assertEquals(DecisionOutcome.FALLBACK_POLICY_TIMEOUT, reply.outcome());
            release.countDown();
            assertEquals(new Pong(14), client.call(new Ping(14)), "the late decision is never sent");
        } finally {
            release.countDown();
        }
    }

    @Test
    void failuresAreClearErrorsAndTheConnectionKeepsServing() throws Exception {
        InetSocketAddress nobody = listening();
        listener.close();
        try (WireClient client = new WireClient(socket)) {
            ErrorReply refused = (ErrorReply) client.call(connectTo(9, nobody));
            assertEquals(ErrorCode.CONNECT_FAILED, refused.code());
            assertTrue(refused.message().contains("Connection refused"), refused.message());

            ErrorReply unknown = (ErrorReply) client.call(new SocketConnectRequest(10,
                    InetSocketAddress.createUnresolved("no-such-host.invalid", 80), AddressFamily.ANY,
                    Intents.none(), 0));
            assertEquals(ErrorCode.RESOLUTION_FAILED, unknown.code());

            connects.unsetSockets(nativeSockets);
            ErrorReply unavailable = (ErrorReply) client.call(connectTo(11, nobody));
            assertEquals(ErrorCode.UNAVAILABLE, unavailable.code());
            assertTrue(unavailable.message().contains("no native socket layer"), unavailable.message());

            assertEquals(new Pong(12), client.call(new Ping(12)));
            assertEquals(0, client.descriptors().length, "no descriptor travels with an error");
        }
    }

    @Test
    void descriptorsClientsSendToTheMamAreDiscarded() throws Exception {
        try (WireClient client = new WireClient(socket); FileInputStream devNull = new FileInputStream("/dev/null")) {
            client.call(new Ping(0));
            long before = openDescriptors();
            for (int i = 1; i <= 100; i++) {
                assertEquals(new Pong(i), client.callWith(new Ping(i), devNull.getFD()));
            }
            assertEquals(before, openDescriptors());
        }
    }

    /** Clients that hang up at once: whether the MAM's send fails or succeeds into a closed socket, nothing leaks. */
    @Test
    void clientsThatCloseBeforeTheirDescriptorArrivesLeakNothing() throws Exception {
        Acceptor acceptor = Acceptor.start(listener);
        warmUp(acceptor);
        long before = openDescriptors();
        int clients = 200;
        for (int i = 0; i < clients; i++) {
            try (WireClient client = new WireClient(socket)) {
                client.send(connectTo(i, listening()));
            }
        }
        acceptor.awaitAccepted(clients + 10);
        awaitSessions(0);
        assertEquals(before, openDescriptors());
        try (WireClient client = new WireClient(socket)) {
            assertEquals(new Pong(1), client.call(new Ping(1)), "the MAM keeps serving");
        }
    }

    /**
     * The MAM's own descriptors (and the test client's, in the same process) are counted before and after 10,000
     * delegated connects on loopback; each one is read from and closed by the client like an application would.
     */
    @Test
    void tenThousandDelegatedConnectsLeakNoDescriptor() throws Exception {
        Acceptor acceptor = Acceptor.start(listener);
        warmUp(acceptor);
        int connects = 10_000;
        long before = openDescriptors();
        long start = System.nanoTime();
        try (WireClient client = new WireClient(socket)) {
            for (int i = 1; i <= connects; i++) {
                Message reply = client.call(connectTo(i, listening()));
                assertTrue(reply instanceof SocketConnectReply, reply::toString);
                FileDescriptor[] received = client.descriptors();
                assertEquals(1, received.length);
                close(received[0]);
            }
        }
        acceptor.awaitAccepted(connects + 10);
        awaitSessions(0);
        long after = openDescriptors();
        System.out.printf("10,000 delegated connects in %d ms; open descriptors before %d, after %d%n",
                (System.nanoTime() - start) / 1_000_000, before, after);
        assertEquals(before, after);
    }

    private void warmUp(Acceptor acceptor) throws Exception {
        try (WireClient client = new WireClient(socket)) {
            for (int i = 0; i < 10; i++) {
                client.call(connectTo(i, listening()));
                close(client.descriptors()[0]);
            }
        }
        acceptor.awaitAccepted(10);
        awaitSessions(0);
    }

    private void awaitSessions(int count) throws InterruptedException {
        while (server.status().clients() != count) {
            Thread.sleep(5);
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }

    /** @return a socket for I/O on the descriptor; it does not own it: {@link #close(FileDescriptor)} does */
    private static Socket adopt(FileDescriptor descriptor) throws IOException {
        return FileDescriptorCast.using(descriptor).as(Socket.class);
    }

    private static void close(FileDescriptor descriptor) throws IOException {
        new FileInputStream(descriptor).close();
    }

    /** Accepts and closes connections on its own thread, counting them. */
    private static final class Acceptor {
        private final AtomicInteger accepted = new AtomicInteger();

        static Acceptor start(ServerSocket listener) {
            Acceptor acceptor = new Acceptor();
            Thread thread = new Thread(() -> {
                try {
                    while (true) {
                        listener.accept().close();
                        acceptor.accepted.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "test-acceptor");
            thread.setDaemon(true);
            thread.start();
            return acceptor;
        }

        void awaitAccepted(int count) throws InterruptedException {
            while (accepted.get() < count) {
                Thread.sleep(5);
            }
        }
    }
}
