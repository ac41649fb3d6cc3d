package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Policy;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;
import org.socketintents.protocol.ResolveRequest;
import org.socketintents.protocol.StatsReply;
import org.socketintents.protocol.StatsRequest;
import org.socketintents.protocol.StatsScope;

@Timeout(60)
class MamServerTest {

    @TempDir
    Path directory;

    private Path socket;
    private PolicyRegistry registry;
    private DecisionEngine engine;
    private StatisticsReporter statistics;
    private MamServer server;
    private volatile CountDownLatch slowPolicyRelease = new CountDownLatch(0);

    @BeforeEach
    void setUp() throws IOException {
        socket = directory.resolve("run/mam.sock");
        Map<String, Object> config = new HashMap<>();
        config.put("socket_path", socket.toString());
        config.put("policy", "paper");
        config.put("policy_budget_ms", 50);
        config.put("max_frame_bytes", 4096);
        config.put("max_clients", 8);
        registry = new PolicyRegistry();
        registry.activate(TestConfigs.mam(config));
        registry.addPolicy(new OsDefaultPolicy(), Map.of(Policy.NAME, "os-default"));
        registry.addPolicy(this::paperPolicy, Map.of(Policy.NAME, "paper"));
        engine = new DecisionEngine(registry, TestConfigs.mam(config));
        Interfaces paper = PaperInterfaces.snapshot();
        engine.setMonitor(() -> paper);
        statistics = new StatisticsReporter(engine);
        server = new MamServer(engine, statistics, new DelegatedConnects(), TestConfigs.mam(config));
    }

    /** bulk to i2, query to i1, and "slow" (custom intent) waits for the test to release it. */
    private Decision paperPolicy(org.socketintents.api.policy.DecisionRequest request) {
        if (request.intents().custom().containsKey("slow")) {
            try {
                slowPolicyRelease.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Optional<Category> category = request.intents().category();
        String name = category.isPresent() && category.get() == Category.BULK_TRANSFER ? "i2" : "i1";
        return Decision.builder().sourceInterface(name).reason("paper").build();
    }

    @AfterEach
    void tearDown() {
        slowPolicyRelease.countDown();
        server.deactivate();
        engine.deactivate();
    }

    private static ConnectRequest connect(int id, Intents intents) throws IOException {
        return new ConnectRequest(id, new InetSocketAddress(InetAddress.getByName("198.18.100.1"), 80), null, null,
                intents);
    }

    @Test
    void socketIsCreatedWithMode0660() throws IOException {
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    }

    @Test
    void answersPingResolveAndConnect() throws Exception {
        try (WireClient client = new WireClient(socket)) {
            assertEquals(new Pong(5), client.call(new Ping(5)));

            DecisionReply resolved = (DecisionReply) client.call(new ResolveRequest(6, "127.0.0.1", 80,
                    AddressFamily.INET, Intents.builder().category(Category.QUERY).build()));
            assertEquals(6, resolved.requestId());
            assertEquals(InetAddress.getByName("127.0.0.1"), resolved.decision().destinations().get(0).address());

            DecisionReply bulk = (DecisionReply) client.call(connect(7,
                    Intents.builder().category(Category.BULK_TRANSFER).build()));
            assertEquals(DecisionOutcome.POLICY, bulk.outcome());
            assertEquals("paper", bulk.policy());
            assertEquals(Optional.of("i2"), bulk.decision().sourceInterface());
            assertEquals(Optional.of(InetAddress.getByName("198.18.2.2")), bulk.decision().sourceAddress());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (WireClient client = new WireClient(socket)) {
            for (int id = 1; id <= 50; id++) {
                client.send(id % 2 == 0 ? new Ping(id) : connect(id, Intents.none()));
            }
            for (int id = 1; id <= 50; id++) {
                assertEquals(id, client.read().requestId());
            }
        }
    }

    @Test
    void unresolvableHostIsAnErrorThatKeepsTheConnection() throws Exception {
        try (WireClient client = new WireClient(socket)) {
            Message reply = client.call(new ResolveRequest(3, "no-such-host.invalid", 0, AddressFamily.ANY,
                    Intents.none()));
            assertEquals(ErrorCode.RESOLUTION_FAILED, ((ErrorReply) reply).code());
            assertEquals(3, reply.requestId());
            assertEquals(new Pong(4), client.call(new Ping(4)));
        }
    }

    @Test
    void statsAreAnsweredFromTheCollectorOrRefusedWithoutOne() throws Exception {
        try (WireClient client = new WireClient(socket)) {
            ErrorReply none = (ErrorReply) client.call(new StatsRequest(1, null));
            assertEquals(ErrorCode.UNAVAILABLE, none.code());
            assertTrue(none.message().contains("no statistics collector"), none.message());
            assertEquals(new Pong(2), client.call(new Ping(2)), "the connection keeps serving");

            statistics.setStatistics(StatisticsReporterTest::snapshot);
            StatsReply reply = (StatsReply) client.call(new StatsRequest(3, "i1"));
            assertEquals(3, reply.requestId());
            assertEquals(List.of(StatsScope.Kind.EFFECTIVE, StatsScope.Kind.INTERFACE, StatsScope.Kind.PREFIX),
                    reply.scopes().stream().map(StatsScope::kind).toList());
        }
    }

    @Test
    void malformedFrameIsAnsweredAndClosedWhileOthersAreServed() throws Exception {
        try (WireClient bystander = new WireClient(socket); WireClient attacker = new WireClient(socket)) {
            assertEquals(new Pong(1), bystander.call(new Ping(1)));

            // A CONNECT whose REMOTE field claims 200 bytes in a 20-byte frame.
            ByteBuffer frame = ByteBuffer.allocate(24).putInt(20).put((byte) 1).put((byte) 2).putShort((short) 0)
                    .putInt(77).put((byte) 0x04).putShort((short) 200).put(new byte[9]);
            attacker.sendRaw(frame.flip());

            ErrorReply error = (ErrorReply) attacker.read();
            assertEquals(ErrorCode.MALFORMED, error.code());
            assertEquals(77, error.requestId());
            assertTrue(attacker.isClosedByPeer());
            assertEquals(new Pong(2), bystander.call(new Ping(2)));
        }
        assertEquals(1, server.status().protocolErrors());
    }

    @Test
    void oversizedUnknownVersionAndReplyTypedFramesAreRefused() throws Exception {
        try (WireClient client = new WireClient(socket)) {
            client.sendRaw(ByteBuffer.allocate(4).putInt(1 << 20).flip());
            assertEquals(ErrorCode.MESSAGE_TOO_LARGE, ((ErrorReply) client.read()).code());
            assertTrue(client.isClosedByPeer());
        }
        try (WireClient client = new WireClient(socket)) {
            client.sendRaw(ByteBuffer.allocate(12).putInt(8).put((byte) 9).put((byte) 3).putShort((short) 0)
                    .putInt(1).flip());
            assertEquals(ErrorCode.UNSUPPORTED_VERSION, ((ErrorReply) client.read()).code());
            assertTrue(client.isClosedByPeer());
        }
        try (WireClient client = new WireClient(socket)) {
            client.send(new Pong(8));
            ErrorReply error = (ErrorReply) client.read();
            assertEquals(ErrorCode.UNKNOWN_TYPE, error.code());
            assertTrue(error.message().contains("not a request"), error.message());
        }
    }

    @Test
    void overrunPolicyIsAnsweredAndTheConnectionKeepsServing() throws Exception {
        slowPolicyRelease = new CountDownLatch(1);
        try (WireClient client = new WireClient(socket)) {
            DecisionReply late = (DecisionReply) client.call(connect(11,
                    Intents.builder().custom("slow", "yes").build()));
            assertEquals(DecisionOutcome.FALLBACK_POLICY_TIMEOUT, late.outcome());
            assertEquals(11, late.requestId());

            DecisionReply next = (DecisionReply) client.call(connect(12,
                    Intents.builder().category(Category.QUERY).build()));
            assertEquals(DecisionOutcome.POLICY, next.outcome());
            assertEquals(Optional.of("i1"), next.decision().sourceInterface());

            slowPolicyRelease.countDown();
            assertEquals(new Pong(13), client.call(new Ping(13)), "the late result is never sent");
        }
    }

    @Test
    void aPolicyStuckOnALoopsThreadHoldsUpNoOtherClientOfThatLoop() throws Exception {
        slowPolicyRelease = new CountDownLatch(1);
        WireClient[] clients = new WireClient[8]; // more than the loops, so each loop serves several
        try {
            for (int i = 0; i < clients.length; i++) {
                clients[i] = new WireClient(socket);
            }
            for (int round = 0; round < 2; round++) {
                DecisionReply late = (DecisionReply) clients[round].call(connect(100 + round,
                        Intents.builder().custom("slow", "yes").build()));
                assertEquals(DecisionOutcome.FALLBACK_POLICY_TIMEOUT, late.outcome());
                for (int i = 0; i < clients.length; i++) {
                    assertEquals(new Pong(i), clients[i].call(new Ping(i)), "client " + i + ", stuck calls: "
                            + (round + 1));
                    DecisionReply query = (DecisionReply) clients[i].call(connect(i,
                            Intents.builder().category(Category.QUERY).build()));
                    assertEquals(DecisionOutcome.POLICY, query.outcome());
                }
            }
            slowPolicyRelease.countDown();
            for (int i = 0; i < clients.length; i++) {
                assertEquals(new Pong(i), clients[i].call(new Ping(i)), "and once the stuck calls return");
            }
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void clientsShareTheLoopsThreadsInsteadOfHavingOneEach() throws Exception {
        WireClient[] clients = new WireClient[8];
        try {
            long threadsBefore = mamThreads();
            for (int i = 0; i < clients.length; i++) {
                clients[i] = new WireClient(socket);
                assertEquals(new Pong(i), clients[i].call(new Ping(i)));
                assertEquals(DecisionOutcome.POLICY, ((DecisionReply) clients[i].call(connect(i,
                        Intents.builder().category(Category.QUERY).build()))).outcome());
            }
            assertEquals(threadsBefore, mamThreads(), "8 clients served, no thread started for them");
            assertEquals(Runtime.getRuntime().availableProcessors(), Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("mam-sessions-")).count(), "one loop per CPU");
        } finally {
            closeAll(clients);
        }
    }

    private static void closeAll(WireClient[] clients) throws IOException {
        for (WireClient client : clients) {
            if (client != null) {
                client.close();
            }
        }
    }

    private static long mamThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("mam-"))
                .count();
    }

    @Test
    void clientsOverTheLimitAreRefusedWithOverloaded() throws Exception {
        WireClient[] clients = new WireClient[8];
        try {
            for (int i = 0; i < clients.length; i++) {
                clients[i] = new WireClient(socket);
                assertEquals(new Pong(i), clients[i].call(new Ping(i)));
            }
            long began = System.nanoTime();
            for (int attempt = 0; attempt < 10; attempt++) {
                try (WireClient extra = new WireClient(socket)) {
                    assertEquals(ErrorCode.OVERLOADED, ((ErrorReply) extra.read()).code());
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            // the acceptor waits 100 ms for an ending session once, not for each of a flood of connections
            assertTrue(millis < 900, "10 connections over the limit refused in " + millis + " ms");
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void staleSocketFileIsReplacedButALiveMamIsNot() throws Exception {
        server.deactivate();
        assertFalse(Files.exists(socket), "socket removed on stop");

        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket), "a dead MAM's socket file is left behind");
        Map<String, Object> config = Map.of("socket_path", socket.toString());
        server = new MamServer(engine, statistics, new DelegatedConnects(), TestConfigs.mam(config));
        try (WireClient client = new WireClient(socket)) {
            assertEquals(new Pong(1), client.call(new Ping(1)));
        }

        IOException live = assertThrows(IOException.class,
                () -> new MamServer(engine, statistics, new DelegatedConnects(), TestConfigs.mam(config)));
        assertTrue(live.getMessage().contains("already listening"), live.getMessage());
    }

    @Test
    void reconfiguredPathMovesTheSocket() throws Exception {
        Path moved = directory.resolve("other/mam.sock");
        server.modified(TestConfigs.mam(Map.of("socket_path", moved.toString(), "socket_mode", "0600")));

        assertFalse(Files.exists(socket));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(moved)));
        try (WireClient client = new WireClient(moved)) {
            assertInstanceOf(Pong.class, client.call(new Ping(1)));
        }
    }

    @Test
    void badModeIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SocketFile.parseMode("rw-rw----"));
        assertTrue(e.getMessage().contains("octal"), e.getMessage());
    }

    /** The private bind name is 18 bytes longer than the socket's path: a path that fits alone may not. */
    @Test
    void aSocketPathTooLongForTheKernelIsRefusedBeforeAnythingIsCreated() {
        String name = "mam.sock";
        int room = SocketFile.MAX_PATH_BYTES - directory.toAbsolutePath().toString().length() - 1 - name.length();
        Path tooLong = directory.resolve("d".repeat(room - 10)).resolve(name);
        assertTrue(tooLong.toString().length() <= SocketFile.MAX_PATH_BYTES, "the path alone would fit");

        IOException e = assertThrows(IOException.class, () -> server.modified(TestConfigs.mam(
                Map.of("socket_path", tooLong.toString()))));

        assertTrue(e.getMessage().contains("too long") && e.getMessage().contains("at most 107"), e.getMessage());
        assertFalse(Files.exists(tooLong.getParent()), "nothing created");
    }
}
