package org.socketintents.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.IllegalSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;
import org.socketintents.nativemptcp.internal.NativeSocketService;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.SocketConnectReply;
import org.socketintents.protocol.SocketConnectRequest;

/** Delegated connects through a fake MAM that connects with the real native socket layer and passes descriptors. */
@Timeout(60)
class IntentConnectionsTest {

    private static final Duration PATIENT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final NativeSocketService sockets = new NativeSocketService();
    private FakeMam mam;
    private ServerSocket echo;
    private final AtomicInteger echoing = new AtomicInteger();
    private MamClient client;

    @BeforeEach
    void setUp() throws IOException {
        mam = new FakeMam(dir.resolve("mam.sock"));
        echo = Loopback.listen(Loopback.ONE, 0);
        Thread server = new Thread(this::echoAll, "echo");
        server.setDaemon(true);
        server.start();
        client = client(PATIENT);
    }

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        echo.close();
        mam.stop();
    }

    private MamClient client(Duration timeout) {
        return MamClient.create(MamClientConfig.builder().socketPath(mam.path()).timeout(timeout)
                .resolveTimeout(timeout).backoff(Duration.ofSeconds(1)).build());
    }

    /** The MAM's part: connect to the echo server natively, pass the descriptor, close its own copy. */
    private FakeMam.Behaviour connecting(Transport transport) {
        return (request, conversation) -> {
            SocketConnectRequest connect = (SocketConnectRequest) request;
            try (NativeConnection connection = sockets.connect(ConnectSpec.builder()
                    .remote(new InetSocketAddress(Loopback.ONE, connect.endpoint().getPort()))
                    .transport(transport).build())) {
                conversation.reply(new SocketConnectReply(request.requestId(), Decision.builder()
                        .transport(transport).reason("delegated").build(), "fake", DecisionOutcome.POLICY,
                        connection.localAddress(), connection.remoteAddress(), connection.transport(),
                        connection.fallbackReason().orElse("")), connection.fileDescriptor());
            }
        };
    }

    private InetSocketAddress echoAddress() {
        return (InetSocketAddress) echo.getLocalSocketAddress();
    }

    @Test
    void theMamsConnectionIsAnOrdinarySocketWithInternetAddresses() throws Exception {
        mam.behave(connecting(Transport.TCP)).start();
        Intents intents = Intents.builder().category(Category.BULK_TRANSFER).build();
        try (Socket socket = IntentConnections.socket(echoAddress(), intents, 5_000, client)) {
            assertEquals(echoAddress(), socket.getRemoteSocketAddress());
            assertEquals(Loopback.ONE, socket.getInetAddress());
            assertEquals(echoAddress().getPort(), socket.getPort());
            InetSocketAddress local = assertInstanceOf(InetSocketAddress.class, socket.getLocalSocketAddress());
            assertEquals(Loopback.ONE, local.getAddress());
            assertEquals(local.getPort(), socket.getLocalPort());
            assertTrue(socket.isConnected());
            assertEquals("delegated", ((DelegatedConnection) socket).decision().reason());
            assertEquals(Transport.TCP, ((DelegatedConnection) socket).transport());
            assertEchoes(socket.getOutputStream(), socket.getInputStream());
        }
        SocketConnectRequest request = mam.requests(SocketConnectRequest.class).get(0);
        assertEquals(echoAddress(), request.endpoint());
        assertEquals(intents, request.intents());
        assertEquals(5_000, request.connectTimeoutMillis());
    }

    @Test
    void theMamsConnectionIsAnOrdinaryChannelWithInternetAddresses() throws Exception {
        mam.behave(connecting(Transport.MPTCP)).start();
        try (SocketChannel channel = IntentConnections.channel(echoAddress(), Intents.none(), 5_000, client)) {
            assertTrue(channel.isBlocking());
            assertTrue(channel.isConnected());
            assertEquals(echoAddress(), channel.getRemoteAddress());
            assertInstanceOf(InetSocketAddress.class, channel.getLocalAddress());
            assertEquals(channel.getLocalAddress(), channel.socket().getLocalSocketAddress());
            assertEquals(channel, channel.socket().getChannel());
            assertEquals(Transport.TCP, ((DelegatedConnection) channel).transport(), "the echo server is plain TCP");
            assertTrue(((DelegatedConnection) channel).fallbackReason().contains("MP_CAPABLE"));

            channel.write(ByteBuffer.wrap("ping".getBytes()));
            ByteBuffer pong = ByteBuffer.allocate(4);
            while (pong.hasRemaining()) {
                channel.read(pong);
            }
            assertEquals("ping", new String(pong.array()));
            try (Selector selector = Selector.open()) {
                channel.configureBlocking(false);
                assertThrows(IllegalSelectorException.class, () -> channel.register(selector, SelectionKey.OP_READ));
            }
        }
    }

    @Test
    void aReadTimeoutOnTheMamsConnectionIsASocketTimeoutAndTheConnectionStaysUsable() throws Exception {
        mam.behave(connecting(Transport.TCP)).start();
        try (Socket socket = IntentConnections.socket(echoAddress(), Intents.none(), 5_000, client)) {
            socket.setSoTimeout(200);
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            SocketTimeoutException timeout = assertThrows(SocketTimeoutException.class, in::read,
                    "java.net.Socket's contract for a read that outlasts setSoTimeout");
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos(), timeout.toString());
            assertFalse(socket.isClosed());
            assertEchoes(socket.getOutputStream(), in);
        }
    }

    @Test
    void anUnresolvedHostIsLeftToTheMam() throws Exception {
        mam.behave(connecting(Transport.TCP)).start();
        InetSocketAddress named = InetSocketAddress.createUnresolved("service.test", echoAddress().getPort());
        try (Socket socket = IntentConnections.socket(named, Intents.none(), 0, client)) {
            assertEquals(echoAddress(), socket.getRemoteSocketAddress());
        }
        SocketConnectRequest request = mam.requests(SocketConnectRequest.class).get(0);
        assertTrue(request.endpoint().isUnresolved());
        assertEquals("service.test", request.endpoint().getHostString());
        assertEquals(0, request.connectTimeoutMillis());
    }

    /** Closing what the application got closes the descriptor: none is left open after 200 of them. */
    @Test
    void closingTheSocketsAndChannelsClosesTheirDescriptors() throws Exception {
        mam.behave(connecting(Transport.TCP)).start();
        for (int i = 0; i < 3; i++) {
            IntentConnections.socket(echoAddress(), Intents.none(), 5_000, client).close();
        }
        awaitFixturesIdle();
        long before = openDescriptors();
        for (int i = 0; i < 100; i++) {
            Socket socket = IntentConnections.socket(echoAddress(), Intents.none(), 5_000, client);
            socket.getOutputStream().write(1);
            socket.close();
            assertTrue(socket.isClosed());
            SocketChannel channel = IntentConnections.channel(echoAddress(), Intents.none(), 5_000, client);
            channel.socket().close();
            assertFalse(channel.isOpen(), "closing the channel's socket closes the channel");
        }
        awaitFixturesIdle();
        assertEquals(before, openDescriptors());
    }

    /**
     * A closed delegated socket or channel, once finalized, must not touch its old descriptor number: the next
     * connection of the process gets that number.
     */
    @Test
    @SuppressWarnings("removal") // runFinalization: the finalizer is the bug's trigger
    void aFinalizedConnectionLeavesTheNextOneWithItsNumberAlone() throws Exception {
        mam.behave(connecting(Transport.TCP)).start();
        for (int i = 0; i < 20; i++) {
            IntentConnections.socket(echoAddress(), Intents.none(), 5_000, client).close();
            IntentConnections.channel(echoAddress(), Intents.none(), 5_000, client).close();
            try (Socket later = new Socket(Loopback.ONE, echoAddress().getPort())) {
                System.gc();
                System.runFinalization();
                assertEchoes(later.getOutputStream(), later.getInputStream());
            }
        }
    }

    /** Every way the MAM can fail a delegated connect: the library connects itself, promptly. */
    @Test
    void withoutAMamTheLibraryConnectsItself() throws Exception {
        try (Socket socket = IntentConnections.socket(echoAddress(), Intents.none(), 5_000, client);
             SocketChannel channel = IntentConnections.channel(echoAddress(), Intents.none(), 5_000, client)) {
            assertFalse(socket instanceof DelegatedConnection);
            assertFalse(channel instanceof DelegatedConnection);
            assertEchoes(socket.getOutputStream(), socket.getInputStream());
            assertEquals(echoAddress(), channel.getRemoteAddress());
        }
        assertFalse(client.status().lastRequestAnswered());
    }

    @Test
    void anErrorReplyMeansConnectingLocallyWithoutBackingOff() throws Exception {
        mam.behave((request, conversation) -> conversation.reply(new ErrorReply(request.requestId(),
                ErrorCode.UNAVAILABLE, "no native socket layer"))).start();
        try (Socket socket = IntentConnections.socket(echoAddress(), Intents.none(), 5_000, client)) {
            assertFalse(socket instanceof DelegatedConnection);
            assertEchoes(socket.getOutputStream(), socket.getInputStream());
        }
        assertFalse(client.status().backingOff(), "a MAM without native sockets still advises");
        assertTrue(client.status().lastRequestAnswered());
    }

    /** 100 ms resolve and request bounds plus the 300 ms the MAM was given, then the library's own connect. */
    @Test
    void aSilentMamIsGivenUpWithinTheBound() throws Exception {
        mam.behave(FakeMam.stalling()).start();
        try (MamClient impatient = client(Duration.ofMillis(100))) {
            long start = System.nanoTime();
            try (Socket socket = IntentConnections.socket(echoAddress(), Intents.none(), 300, impatient)) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertFalse(socket instanceof DelegatedConnection);
                assertEchoes(socket.getOutputStream(), socket.getInputStream());
                assertTrue(took.compareTo(Duration.ofMillis(500)) >= 0, "waited the bound: " + took);
                assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
            }
            assertTrue(impatient.status().backingOff());
            try (Socket socket = IntentConnections.socket(echoAddress(), Intents.none(), 0, impatient)) {
                assertFalse(socket instanceof DelegatedConnection, "backing off: connected without asking");
            }
            assertEquals(1, mam.requests(SocketConnectRequest.class).size());
        }
    }

    @Test
    void aReplyWithoutItsDescriptorIsAFaultOfTheMam() throws Exception {
        mam.behave((request, conversation) -> conversation.reply(new SocketConnectReply(request.requestId(),
                Decision.osDefault("forgot"), "fake", DecisionOutcome.POLICY, echoAddress(), echoAddress(),
                Transport.TCP, ""))).start();
        try (Socket socket = IntentConnections.socket(echoAddress(), Intents.none(), 5_000, client)) {
            assertFalse(socket instanceof DelegatedConnection);
        }
        assertTrue(client.status().lastFailure().contains("without a descriptor"), client.status().lastFailure());
    }

    private static void assertEchoes(OutputStream out, InputStream in) throws IOException {
        out.write("ping".getBytes());
        assertEquals("ping", new String(in.readNBytes(4)));
    }

    private void echoAll() {
        while (true) {
            Socket peer;
            try {
                peer = echo.accept();
            } catch (IOException closed) {
                return;
            }
            echoing.incrementAndGet();
            Thread thread = new Thread(() -> {
                try (peer) {
                    peer.getInputStream().transferTo(peer.getOutputStream());
                } catch (IOException e) {
                    // the client went away
                } finally {
                    echoing.decrementAndGet();
                }
            }, "echo-peer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The echo server's and the fake MAM's ends close when they notice the client's close, on their threads. */
    private void awaitFixturesIdle() throws InterruptedException {
        while (echoing.get() > 0 || mam.openConnections() > 0) {
            Thread.sleep(5);
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }
}
