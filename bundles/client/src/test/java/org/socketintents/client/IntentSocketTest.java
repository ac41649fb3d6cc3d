package org.socketintents.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketintents.api.Category;
import org.socketintents.api.Intent;
import org.socketintents.api.Intents;
import org.socketintents.api.Timeliness;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ResolveRequest;

class IntentSocketTest {

    /** Far below any timeout that would make these tests flaky, far above what a working MAM needs. */
    private static final Duration PATIENT = Duration.ofSeconds(5);
    private static final Duration FALLBACK_BOUND = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private FakeMam mam;
    private ServerSocket server;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        mam = new FakeMam(dir.resolve("mam.sock"));
        server = Loopback.listen(Loopback.ONE, 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        server.close();
        mam.stop();
    }

    @Test
    void intentsSetAsSocketOptionsReachTheMam() throws Exception {
        mam.start();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT))) {
            socket.setOption(Intent.CATEGORY, Category.QUERY)
                    .setOption(Intent.FILE_SIZE, 15_360L)
                    .setOption(Intent.custom("x-app"), "maps");
            socket.connect(server.getLocalSocketAddress());

            ConnectRequest request = mam.requests(ConnectRequest.class).get(0);
            assertEquals(Intents.builder().category(Category.QUERY).fileSize(15_360L).custom("x-app", "maps").build(),
                    request.intents());
            assertEquals(server.getLocalSocketAddress(), request.remote());
            assertNull(request.boundSource());
        }
    }

    @Test
    void intentsBehaveLikeSocketOptions() throws Exception {
        mam.start();
        Intents preset = Intents.builder().timeliness(Timeliness.INTERACTIVE).build();
        try (IntentSocket socket = new IntentSocket(preset, client(PATIENT, PATIENT))) {
            assertTrue(socket.supportedOptions().containsAll(Intent.standard()));
            assertTrue(socket.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY));
            assertEquals(Timeliness.INTERACTIVE, socket.getOption(Intent.TIMELINESS));
            assertNull(socket.getOption(Intent.CATEGORY));

            socket.setOption(Intent.CATEGORY, Category.BULK_TRANSFER);
            socket.setOption(Intent.TIMELINESS, null);
            assertEquals(Intents.builder().category(Category.BULK_TRANSFER).build(), socket.intents());
            assertThrows(IllegalArgumentException.class, () -> socket.setOption(Intent.FILE_SIZE, -1L));

            socket.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            assertTrue(socket.getKeepAlive());

            socket.connect(server.getLocalSocketAddress());
            assertThrows(SocketException.class, () -> socket.setOption(Intent.CATEGORY, Category.QUERY));
            assertEquals(Category.BULK_TRANSFER, socket.getOption(Intent.CATEGORY));
        }
    }

    @Test
    void sourceAddressChosenByThePolicyIsBound() throws Exception {
        Decision decision = Decision.builder().sourceAddress(Loopback.TWO).reason("test").build();
        mam.behave(FakeMam.deciding(decision)).start();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT));
             Socket accepted = connectAndAccept(socket)) {
            assertEquals(Loopback.TWO, accepted.getInetAddress());
            assertEquals(Loopback.TWO, socket.getLocalAddress());
            assertEquals(accepted.getPort(), socket.getLocalPort());
            assertEquals(decision, socket.decision().orElseThrow());
        }
    }

    @Test
    void sourceBoundByTheApplicationIsKeptAndSentToTheMam() throws Exception {
        mam.behave(FakeMam.deciding(Decision.builder().sourceAddress(Loopback.TWO).reason("test").build())).start();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT))) {
            socket.bind(new InetSocketAddress(Loopback.THREE, 0));
            InetSocketAddress bound = (InetSocketAddress) socket.getLocalSocketAddress();
            try (Socket accepted = connectAndAccept(socket)) {
                assertEquals(Loopback.THREE, accepted.getInetAddress());
                assertEquals(bound.getPort(), accepted.getPort());
                assertEquals(bound, mam.requests(ConnectRequest.class).get(0).boundSource());
            }
        }
    }

    @Test
    void unresolvedHostIsResolvedThroughTheMamAndItsAddressesTriedInOrder() throws Exception {
        try (ServerSocket three = Loopback.listen(Loopback.THREE, 0)) {
            // Nothing listens on 127.0.0.2 at that port: the first address refuses, the second accepts.
            mam.behave(FakeMam.resolvingTo(Loopback.TWO, Loopback.THREE)).start();
            Intents intents = Intents.builder().category(Category.QUERY).build();
            try (IntentSocket socket = new IntentSocket(intents, client(PATIENT, PATIENT))) {
                socket.connect(InetSocketAddress.createUnresolved("service.test", three.getLocalPort()), 5_000);
                try (Socket accepted = three.accept()) {
                    assertEquals(Loopback.THREE, socket.getInetAddress());
                    assertEquals(socket.getLocalPort(), accepted.getPort());
                }
            }
            ResolveRequest resolve = mam.requests(ResolveRequest.class).get(0);
            assertEquals("service.test", resolve.host());
            assertEquals(three.getLocalPort(), resolve.port());
            assertEquals(intents, resolve.intents());
            List<ConnectRequest> connects = mam.requests(ConnectRequest.class);
            assertEquals(List.of(new InetSocketAddress(Loopback.TWO, three.getLocalPort()),
                            new InetSocketAddress(Loopback.THREE, three.getLocalPort())),
                    connects.stream().map(ConnectRequest::remote).collect(Collectors.toList()));
            assertEquals("service.test", connects.get(0).host());
        }
    }

    @Test
    void destinationChosenByThePolicyReplacesTheApplicationsAddress() throws Exception {
        try (ServerSocket three = Loopback.listen(Loopback.THREE, server.getLocalPort())) {
            mam.behave(FakeMam.deciding(Decision.builder().addDestination(Destination.of(Loopback.THREE))
                    .reason("test").build())).start();
            try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT))) {
                socket.connect(server.getLocalSocketAddress());
                three.accept().close();
                assertEquals(Loopback.THREE, socket.getInetAddress());
            }
        }
    }

    @Test
    void suggestedOptionsApplyUnlessTheApplicationSetThemItself() throws Exception {
        mam.behave(FakeMam.deciding(Decision.builder().option(SuggestedOption.TCP_NODELAY, 1)
                .option(SuggestedOption.SO_KEEPALIVE, 1).reason("test").build())).start();
        MamClient client = client(PATIENT, PATIENT);
        try (IntentSocket socket = new IntentSocket(Intents.none(), client)) {
            connect(socket);
            assertTrue(socket.getTcpNoDelay());
            assertTrue(socket.getKeepAlive());
        }
        try (IntentSocket socket = new IntentSocket(Intents.none(), client)) {
            socket.setKeepAlive(false);
            connect(socket);
            assertTrue(socket.getTcpNoDelay());
            assertFalse(socket.getKeepAlive());
        }
    }

    @Test
    void vanishedSourceAddressFallsBackToTheOsDefaultSourceKeepingAllOptions() throws Exception {
        mam.behave(FakeMam.deciding(Decision.builder().sourceAddress(Loopback.ABSENT)
                .option(SuggestedOption.TCP_NODELAY, 1).reason("test").build())).start();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT))) {
            socket.setSoTimeout(1_234);
            socket.setSoLinger(true, 7);
            socket.setTrafficClass(0x10);
            try (Socket accepted = connectAndAccept(socket)) {
                assertEquals(Loopback.ONE, accepted.getInetAddress());
                assertEquals(1_234, socket.getSoTimeout());
                assertEquals(7, socket.getSoLinger());
                assertEquals(0x10, socket.getTrafficClass());
                assertTrue(socket.getTcpNoDelay(), "only the source part of the decision is dropped");
                assertTrue(socket.decision().isPresent());
            }
        }
    }

    @Test
    void unreachablePolicyDestinationFallsBackToTheApplicationsAddress() throws Exception {
        // Nothing listens on 127.0.0.3 at the server's port.
        mam.behave(FakeMam.deciding(Decision.builder().addDestination(Destination.of(Loopback.THREE))
                .reason("test").build())).start();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT))) {
            connect(socket);
            assertEquals(Loopback.ONE, socket.getInetAddress());
        }
    }

    @Test
    void suggestedMptcpIsIgnoredOnAJdkSocket() throws Exception {
        mam.behave(FakeMam.deciding(Decision.builder().transport(Transport.MPTCP).sourceAddress(Loopback.TWO)
                .reason("test").build())).start();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT));
             Socket accepted = connectAndAccept(socket)) {
            assertEquals(Loopback.TWO, accepted.getInetAddress());
        }
    }

    @Test
    void decideAsksTheMamWithoutASocket() throws Exception {
        Decision decision = Decision.builder().sourceAddress(Loopback.TWO).reason("test").build();
        mam.behave(FakeMam.deciding(decision)).start();
        InetSocketAddress remote = (InetSocketAddress) server.getLocalSocketAddress();
        Intents intents = Intents.builder().category(Category.BULK_TRANSFER).build();

        assertEquals(decision, client(PATIENT, PATIENT).decide(remote, "service.test", intents).orElseThrow());

        ConnectRequest request = mam.requests(ConnectRequest.class).get(0);
        assertEquals(remote, request.remote());
        assertEquals("service.test", request.host());
        assertNull(request.boundSource());
        assertEquals(intents, request.intents());
        assertThrows(IllegalArgumentException.class, () -> client(PATIENT, PATIENT)
                .decide(InetSocketAddress.createUnresolved("service.test", 80), null, intents));
    }

    @Test
    void decideIsEmptyWithoutAMam() {
        MamClient client = client(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertTrue(client.decide((InetSocketAddress) server.getLocalSocketAddress(), null, Intents.none()).isEmpty());
        assertFalse(client.status().lastRequestAnswered());
    }

    @Test
    void aGivenDecisionIsFollowedWithoutAskingTheMamAgain() throws Exception {
        mam.start();
        Decision decision = Decision.builder().sourceAddress(Loopback.TWO).option(SuggestedOption.TCP_NODELAY, 1)
                .reason("decided beforehand").build();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT))) {
            socket.connect(server.getLocalSocketAddress(), 5_000, decision);
            try (Socket accepted = server.accept()) {
                assertEquals(Loopback.TWO, accepted.getInetAddress());
                assertTrue(socket.getTcpNoDelay());
                assertEquals(decision, socket.decision().orElseThrow());
            }
        }
        assertEquals(0, mam.connections(), "no request for a decision the application already has");
    }

    @Test
    void aFollowedDecisionWithAVanishedSourceFallsBackToTheOsDefault() throws Exception {
        Decision decision = Decision.builder().sourceAddress(Loopback.ABSENT).reason("stale").build();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT))) {
            socket.connect(server.getLocalSocketAddress(), 5_000, decision);
            try (Socket accepted = server.accept()) {
                assertEquals(Loopback.ONE, accepted.getInetAddress());
            }
        }
    }

    @Test
    void aDecisionIsFollowedOnlyToAResolvedAddress() throws Exception {
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT))) {
            assertThrows(IllegalArgumentException.class, () -> socket.connect(
                    InetSocketAddress.createUnresolved("service.test", 80), 0, Decision.osDefault("test")));
            connect(socket);
            assertTrue(socket.isConnected(), "the refused call left the socket usable");
        }
    }

    /** Every way the MAM can let the application down. */
    enum MamFault {
        ABSENT(null),
        SLOW(FakeMam.stalling()),
        ERROR_REPLY(FakeMam.failingWith(ErrorCode.INTERNAL)),
        HANGS_UP(FakeMam.hangingUp()),
        GARBAGE(FakeMam.babbling());

        final FakeMam.Behaviour behaviour;

        MamFault(FakeMam.Behaviour behaviour) {
            this.behaviour = behaviour;
        }
    }

    @ParameterizedTest
    @EnumSource(MamFault.class)
    void connectionSucceedsTheOsDefaultWayWhenTheMamFails(MamFault fault) throws Exception {
        if (fault.behaviour != null) {
            mam.behave(fault.behaviour).start();
        }
        MamClient client = client(Duration.ofMillis(200), Duration.ofSeconds(1));
        long start = System.nanoTime();
        try (IntentSocket socket = new IntentSocket(Intents.builder().category(Category.QUERY).build(), client);
             Socket accepted = connectAndAccept(socket)) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(FALLBACK_BOUND) < 0, "connect took " + took);
            assertEquals(Loopback.ONE, accepted.getInetAddress());
            assertTrue(socket.decision().isEmpty());
        }
        MamStatus status = client.status();
        assertFalse(status.lastRequestAnswered());
        assertEquals(1, status.fallbacks());
        assertFalse(status.lastFailure().isEmpty());
        assertEquals(fault != MamFault.ABSENT, !mam.requests().isEmpty(), "the request reached the fake");
    }

    @Test
    void afterAFailureTheMamIsSkippedDuringTheBackoff() throws Exception {
        MamClient client = client(Duration.ofMillis(200), Duration.ofHours(1));
        try (IntentSocket socket = new IntentSocket(Intents.none(), client)) {
            connect(socket);
            assertTrue(client.status().backingOff());
        }
        mam.behave(FakeMam.deciding(Decision.builder().sourceAddress(Loopback.TWO).reason("test").build())).start();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client);
             Socket accepted = connectAndAccept(socket)) {
            assertEquals(Loopback.ONE, accepted.getInetAddress());
        }
        assertEquals(0, mam.connections());
        assertEquals(2, client.status().fallbacks());
    }

    @Test
    void mamThatComesBackIsUsedAgain() throws Exception {
        MamClient client = client(Duration.ofMillis(200), Duration.ZERO);
        try (IntentSocket socket = new IntentSocket(Intents.none(), client);
             Socket accepted = connectAndAccept(socket)) {
            assertEquals(Loopback.ONE, accepted.getInetAddress());
        }
        mam.behave(FakeMam.deciding(Decision.builder().sourceAddress(Loopback.TWO).reason("test").build())).start();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client);
             Socket accepted = connectAndAccept(socket)) {
            assertEquals(Loopback.TWO, accepted.getInetAddress());
        }
        assertTrue(client.status().lastRequestAnswered());
    }

    @Test
    void streamsCarryDataAndClosingOneClosesTheSocket() throws Exception {
        mam.start();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT));
             Socket accepted = connectAndAccept(socket)) {
            socket.getOutputStream().write("ping".getBytes());
            assertEquals("ping", new String(accepted.getInputStream().readNBytes(4)));
            accepted.getOutputStream().write("pong".getBytes());
            InputStream in = socket.getInputStream();
            assertEquals("pong", new String(in.readNBytes(4)));

            in.close();
            assertTrue(socket.isClosed());
            assertEquals(-1, accepted.getInputStream().read());
        }
    }

    @Test
    void failedConnectThrowsAndLeavesTheSocketClosed() throws Exception {
        mam.start();
        InetSocketAddress nobody = (InetSocketAddress) server.getLocalSocketAddress();
        server.close();
        try (IntentSocket socket = new IntentSocket(Intents.none(), client(PATIENT, PATIENT))) {
            assertThrows(ConnectException.class, () -> socket.connect(nobody));
            assertThrows(SocketException.class, () -> socket.connect(nobody));
        }
    }

    /** Connects to the test server, whose side of the connection the test does not need. */
    private void connect(IntentSocket socket) throws IOException {
        connectAndAccept(socket).close();
    }

    private Socket connectAndAccept(IntentSocket socket) throws IOException {
        socket.connect(server.getLocalSocketAddress(), 5_000);
        return server.accept();
    }

    private MamClient client(Duration timeout, Duration backoff) {
        MamClient client = MamClient.create(MamClientConfig.builder().socketPath(mam.path()).timeout(timeout)
                .resolveTimeout(timeout).backoff(backoff).build());
        resources.add(client);
        return client;
    }
}
