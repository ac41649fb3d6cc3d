package org.socketintents.siget;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.MessageType;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.ResolveRequest;
import org.socketintents.protocol.Wire;

/**
 * A MAM for tests: serves the real protocol on a Unix domain socket from plain threads. RESOLVE gets the OS
 * default; CONNECT gets what the test's policy function decides. It records every CONNECT.
 */
final class FakeMam implements AutoCloseable {

    private final Path path;
    private final Function<ConnectRequest, Decision> policy;
    private final ServerSocketChannel server;
    private final List<ConnectRequest> connects = new CopyOnWriteArrayList<>();
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();

    FakeMam(Path path, Function<ConnectRequest, Decision> policy) throws IOException {
        this.path = path;
        this.policy = policy;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        spawn("fake-mam-accept", this::accept);
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
        for (ConnectRequest connect : connects) {
            intents.add(connect.intents());
        }
        return intents;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel client : clients) {
            client.close();
        }
        Files.deleteIfExists(path);
    }

    private void accept() {
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            clients.add(client);
            spawn("fake-mam-client", () -> serve(client));
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            while (true) {
                ByteBuffer prefix = fill(client, ByteBuffer.allocate(Wire.LENGTH_BYTES));
                int length = prefix.getInt(0);
                MessageDecoder.checkLength(length, Wire.DEFAULT_MAX_FRAME_BYTES);
                Message request = MessageDecoder.decode(fill(client, ByteBuffer.allocate(length)).flip());
                Decision decision = Decision.osDefault("fake: no opinion");
                MessageType type = MessageType.RESOLVE_REPLY;
                if (request instanceof ConnectRequest) {
                    ConnectRequest connect = (ConnectRequest) request;
                    connects.add(connect);
                    decision = policy.apply(connect);
                    type = MessageType.CONNECT_REPLY;
                } else if (!(request instanceof ResolveRequest)) {
                    return;
                }
                ByteBuffer reply = MessageEncoder.encode(
                        new DecisionReply(request.requestId(), type, decision, "fake", DecisionOutcome.POLICY));
                while (reply.hasRemaining()) {
                    client.write(reply);
                }
            }
        } catch (IOException | ProtocolException e) {
            // the client went away, or the fake closed
        } finally {
            clients.remove(client);
        }
    }

    private static ByteBuffer fill(SocketChannel channel, ByteBuffer buffer) throws IOException {
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
