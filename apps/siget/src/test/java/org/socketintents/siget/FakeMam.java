package org.socketintents.siget;

import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;
import org.socketintents.nativemptcp.internal.NativeSocketService;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.MessageType;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.ResolveRequest;
import org.socketintents.protocol.SocketConnectReply;
import org.socketintents.protocol.SocketConnectRequest;
import org.socketintents.protocol.Wire;

/**
 * A MAM for tests: serves the real protocol on a Unix domain socket from plain threads. RESOLVE gets the OS
 * default; CONNECT gets what the test's policy function decides. SOCKETCONNECT is decided by the same function and
 * connected as decided with the real native socket layer (MPTCP included), the descriptor passed like the MAM
 * passes it; a fake made {@link #withoutNativeSockets} answers it as a MAM without that layer does. It records every
 * CONNECT and SOCKETCONNECT.
 */
final class FakeMam implements AutoCloseable {

    private final Path path;
    private final Function<ConnectRequest, Decision> policy;
    private final boolean connects;
    private final NativeSocketService sockets = new NativeSocketService();
    private final AFUNIXServerSocketChannel server;
    private final List<ConnectRequest> connectRequests = new CopyOnWriteArrayList<>();
    private final List<SocketConnectRequest> socketConnects = new CopyOnWriteArrayList<>();
    private final Set<AFUNIXSocketChannel> clients = ConcurrentHashMap.newKeySet();

    FakeMam(Path path, Function<ConnectRequest, Decision> policy) throws IOException {
        this(path, policy, true);
    }

    private FakeMam(Path path, Function<ConnectRequest, Decision> policy, boolean connects) throws IOException {
        this.path = path;
        this.policy = policy;
        this.connects = connects;
        this.server = AFUNIXServerSocketChannel.open();
        server.bind(AFUNIXSocketAddress.of(path));
        spawn("fake-mam-accept", this::accept);
    }

    /** @return a fake that decides but answers SOCKETCONNECT with UNAVAILABLE, as a MAM without native sockets */
    static FakeMam withoutNativeSockets(Path path, Function<ConnectRequest, Decision> policy) throws IOException {
        return new FakeMam(path, policy, false);
    }

    Path path() {
        return path;
    }

    /**
     * @return the intents of the CONNECT requests, in order: one per HTTP request, since siget asks when it plans
     *         the route and the socket follows that decision without asking again
     */
    List<Intents> connectIntents() {
        List<Intents> intents = new ArrayList<>();
        for (ConnectRequest connect : connectRequests) {
            intents.add(connect.intents());
        }
        return intents;
    }

    /** @return the SOCKETCONNECT requests, in order */
    List<SocketConnectRequest> socketConnects() {
        return List.copyOf(socketConnects);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (AFUNIXSocketChannel client : clients) {
            client.close();
        }
        Files.deleteIfExists(path);
    }

    private void accept() {
        while (true) {
            AFUNIXSocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            clients.add(client);
            spawn("fake-mam-client", () -> serve(client));
        }
    }

    private void serve(AFUNIXSocketChannel client) {
        try (client) {
            while (true) {
                ByteBuffer prefix = fill(client, ByteBuffer.allocate(Wire.LENGTH_BYTES));
                int length = prefix.getInt(0);
                MessageDecoder.checkLength(length, Wire.DEFAULT_MAX_FRAME_BYTES);
                Message request = MessageDecoder.decode(fill(client, ByteBuffer.allocate(length)).flip());
                if (request instanceof SocketConnectRequest) {
                    socketConnects.add((SocketConnectRequest) request);
                    connect((SocketConnectRequest) request, client);
                    continue;
                }
                Decision decision = Decision.osDefault("fake: no opinion");
                MessageType type = MessageType.RESOLVE_REPLY;
                if (request instanceof ConnectRequest) {
                    ConnectRequest connect = (ConnectRequest) request;
                    connectRequests.add(connect);
                    decision = policy.apply(connect);
                    type = MessageType.CONNECT_REPLY;
                } else if (!(request instanceof ResolveRequest)) {
                    return;
                }
                send(client, new DecisionReply(request.requestId(), type, decision, "fake", DecisionOutcome.POLICY));
            }
        } catch (IOException | ProtocolException e) {
            // the client went away, or the fake closed
        } finally {
            clients.remove(client);
        }
    }

    /** As the MAM: decides for the address, connects as decided, passes the descriptor, closes its own copy. */
    private void connect(SocketConnectRequest request, AFUNIXSocketChannel client) throws IOException {
        if (!connects || request.endpoint().isUnresolved()) {
            send(client, new ErrorReply(request.requestId(), ErrorCode.UNAVAILABLE, "fake: connect yourself"));
            return;
        }
        Decision decision = policy.apply(new ConnectRequest(request.requestId(), request.endpoint(), null, null,
                request.intents()));
        NativeConnection connection;
        try {
            connection = sockets.connect(ConnectSpec.builder().remote(request.endpoint())
                    .decision(decision, request.endpoint().getPort()).build());
        } catch (IOException e) {
            send(client, new ErrorReply(request.requestId(), ErrorCode.CONNECT_FAILED, e.getMessage()));
            return;
        }
        try (connection) {
            SocketConnectReply reply = new SocketConnectReply(request.requestId(), decision, "fake",
                    DecisionOutcome.POLICY, connection.localAddress(), connection.remoteAddress(),
                    connection.transport(), connection.fallbackReason().orElse(""));
            client.setOutboundFileDescriptors(connection.fileDescriptor());
            try {
                send(client, reply);
            } finally {
                client.setOutboundFileDescriptors((FileDescriptor[]) null);
            }
        }
    }

    private static void send(AFUNIXSocketChannel client, Message message) throws IOException {
        ByteBuffer reply = MessageEncoder.encode(message);
        while (reply.hasRemaining()) {
            client.write(reply);
        }
    }

    private static ByteBuffer fill(AFUNIXSocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException();
            }
        }
        return buffer;
    }

    private static void spawn(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
