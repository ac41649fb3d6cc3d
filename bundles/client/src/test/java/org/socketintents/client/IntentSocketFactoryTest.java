package org.socketintents.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.SocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.Category;
import org.socketintents.api.Intent;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.ResolveRequest;

class IntentSocketFactoryTest {

    private static final Intents BULK = Intents.builder().category(Category.BULK_TRANSFER).fileSize(1L << 30).build();

    @TempDir
    Path dir;

    private FakeMam mam;
    private MamClient client;
    private ServerSocket server;
    private SocketFactory factory;

    @BeforeEach
    void setUp() throws IOException {
        mam = new FakeMam(dir.resolve("mam.sock"));
        client = MamClient.create(MamClientConfig.builder().socketPath(mam.path()).timeout(Duration.ofSeconds(5))
                .resolveTimeout(Duration.ofSeconds(5)).build());
        server = Loopback.listen(Loopback.ONE, 0);
        factory = new IntentSocketFactory(BULK, client);
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        server.close();
        mam.stop();
    }

    @Test
    void hostNameIsResolvedThroughTheMamWithThePresetIntents() throws Exception {
        mam.behave(FakeMam.resolvingTo(Loopback.ONE)).start();
        try (Socket socket = factory.createSocket("service.test", server.getLocalPort());
             Socket accepted = server.accept()) {
            assertTrue(socket.isConnected());
            assertEquals(socket.getLocalPort(), accepted.getPort());
        }
        ResolveRequest resolve = mam.requests(ResolveRequest.class).get(0);
        assertEquals("service.test", resolve.host());
        assertEquals(BULK, resolve.intents());
        assertEquals(BULK, mam.requests(ConnectRequest.class).get(0).intents());
    }

    @Test
    void addressIsConnectedFromThePolicysSource() throws Exception {
        mam.behave(FakeMam.deciding(Decision.builder().sourceAddress(Loopback.TWO).reason("test").build())).start();
        try (Socket socket = factory.createSocket(Loopback.ONE, server.getLocalPort());
             Socket accepted = server.accept()) {
            assertEquals(Loopback.TWO, accepted.getInetAddress());
            assertEquals(socket.getLocalPort(), accepted.getPort());
        }
        assertEquals(BULK, mam.requests(ConnectRequest.class).get(0).intents());
    }

    @Test
    void localAddressIsBoundAndKept() throws Exception {
        mam.behave(FakeMam.deciding(Decision.builder().sourceAddress(Loopback.TWO).reason("test").build())).start();
        try (Socket socket = factory.createSocket(Loopback.ONE, server.getLocalPort(), Loopback.THREE, 0);
             Socket accepted = server.accept()) {
            assertEquals(Loopback.THREE, accepted.getInetAddress());
            assertEquals(new InetSocketAddress(Loopback.THREE, socket.getLocalPort()),
                    mam.requests(ConnectRequest.class).get(0).boundSource());
        }
        try (Socket socket = factory.createSocket("localhost", server.getLocalPort(), Loopback.THREE, 0);
             Socket accepted = server.accept()) {
            assertEquals(Loopback.THREE, accepted.getInetAddress());
            assertEquals(socket.getLocalPort(), accepted.getPort());
        }
    }

    @Test
    void noArgumentSocketIsUnconnectedAndCarriesThePresetIntents() throws Exception {
        mam.start();
        try (Socket socket = factory.createSocket()) {
            assertFalse(socket.isConnected());
            assertEquals(Category.BULK_TRANSFER, socket.getOption(Intent.CATEGORY));
            socket.setOption(Intent.DURATION, 60L);
            socket.connect(server.getLocalSocketAddress());
            server.accept().close();
        }
        assertEquals(BULK.toBuilder().duration(60L).build(), mam.requests(ConnectRequest.class).get(0).intents());
    }

    @Test
    void nullHostMeansLoopback() throws Exception {
        mam.start();
        try (Socket socket = factory.createSocket((String) null, server.getLocalPort())) {
            server.accept().close();
            assertTrue(socket.getInetAddress().isLoopbackAddress());
        }
    }

    @Test
    void failedConnectThrowsAndClosesTheSocket() throws Exception {
        mam.start();
        int port = server.getLocalPort();
        server.close();
        assertThrows(ConnectException.class, () -> factory.createSocket(Loopback.ONE, port));
    }
}
