package org.socketintents.client;

import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
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
import org.socketintents.protocol.Wire;

/**
 * A scriptable MAM for tests: a Unix domain socket served by plain threads, speaking the real protocol
 * through the protocol bundle's codec. It records every request and reacts as its {@link Behaviour} says. Its
 * socket is junixsocket's, so that it can pass descriptors like the real MAM.
 */
public final class FakeMam implements AutoCloseable {

    /** How the fake reacts to one request. */
    @FunctionalInterface
    public interface Behaviour {
        void handle(Message request, Conversation conversation) throws IOException;
    }

    private final Path path;
    private final List<Message> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<AFUNIXSocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = osDefault();
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private AFUNIXServerSocketChannel server;

    public FakeMam(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Listens (again); requests and connection counts recorded before are kept. */
    public synchronized FakeMam start() throws IOException {
        stopped = new CountDownLatch(1);
        server = AFUNIXServerSocketChannel.open();
        server.bind(AFUNIXSocketAddress.of(path));
        AFUNIXServerSocketChannel listening = server;
        spawn("fake-mam-accept", () -> acceptLoop(listening));
        return this;
    }

    /** Stops listening, closes every connection and removes the socket file, like a MAM that exits. */
    public synchronized void stop() throws IOException {
        stopped.countDown();
        if (server != null) {
            server.close();
            server = null;
        }
        for (AFUNIXSocketChannel client : clients) {
            client.close();
        }
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the fake MAM", e);
            }
        }
        threads.clear();
        Files.deleteIfExists(path);
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    public FakeMam behave(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    public List<Message> requests() {
        return List.copyOf(requests);
    }

    public <T extends Message> List<T> requests(Class<T> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** @return how many client connections are open now */
    public int openConnections() {
        return clients.size();
    }

    /** @return how many connections clients opened */
    public int connections() {
        return connections.get();
    }

    /** Answers CONNECT with {@code decision}; RESOLVE with the OS default (no addresses). */
    public static Behaviour deciding(Decision decision) {
        return (request, conversation) -> conversation.reply(replyTo(request,
                request instanceof ResolveRequest ? Decision.osDefault("fake") : decision));
    }

    /** Answers RESOLVE with the addresses in this order; CONNECT with the OS default. */
    public static Behaviour resolvingTo(InetAddress... addresses) {
        Decision.Builder resolved = Decision.builder().reason("fake order");
        for (InetAddress address : addresses) {
            resolved.addDestination(Destination.of(address));
        }
        Decision decision = resolved.build();
        return (request, conversation) -> conversation.reply(replyTo(request,
                request instanceof ResolveRequest ? decision : Decision.osDefault("fake")));
    }

    /** Answers everything with the OS default. */
    public static Behaviour osDefault() {
        return (request, conversation) -> conversation.reply(replyTo(request, Decision.osDefault("fake")));
    }

    /** Answers everything with an error. */
    public static Behaviour failingWith(ErrorCode code) {
        return (request, conversation) -> conversation.reply(new ErrorReply(request.requestId(), code, "scripted"));
    }

    /** Closes the connection instead of answering. */
    public static Behaviour hangingUp() {
        return (request, conversation) -> conversation.hangUp();
    }

    /** Answers with bytes that are not a frame. */
    public static Behaviour babbling() {
        return (request, conversation) -> conversation.send("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
    }

    /** Never answers (until the fake stops). */
    public static Behaviour stalling() {
        return (request, conversation) -> conversation.stall();
    }

    public static DecisionReply replyTo(Message request, Decision decision) {
        MessageType type = request instanceof ResolveRequest ? MessageType.RESOLVE_REPLY : MessageType.CONNECT_REPLY;
        return new DecisionReply(request.requestId(), type, decision, "fake", DecisionOutcome.POLICY);
    }

    private void acceptLoop(AFUNIXServerSocketChannel listening) {
        while (true) {
            AFUNIXSocketChannel client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                return; // stopped
            }
            connections.incrementAndGet();
            clients.add(client);
            spawn("fake-mam-client", () -> serve(client));
        }
    }

    private void serve(AFUNIXSocketChannel client) {
        Conversation conversation = new Conversation(client);
        try (client) {
            while (!conversation.hungUp) {
                Message request = read(client);
                requests.add(request);
                behaviour.handle(request, conversation);
            }
        } catch (IOException | ProtocolException e) {
            // the client went away, or the fake stopped
        } finally {
            clients.remove(client);
        }
    }

    private static Message read(AFUNIXSocketChannel client) throws IOException, ProtocolException {
        ByteBuffer prefix = ByteBuffer.allocate(Wire.LENGTH_BYTES);
        fill(client, prefix);
        int length = prefix.getInt(0);
        MessageDecoder.checkLength(length, Wire.DEFAULT_MAX_FRAME_BYTES);
        ByteBuffer body = ByteBuffer.allocate(length);
        fill(client, body);
        return MessageDecoder.decode(body.flip());
    }

    private static void fill(AFUNIXSocketChannel client, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (client.read(buffer) < 0) {
                throw new EOFException();
            }
        }
    }

    private void spawn(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** The fake's side of one client connection. */
    public final class Conversation {
        private final AFUNIXSocketChannel client;
        private boolean hungUp;

        private Conversation(AFUNIXSocketChannel client) {
            this.client = client;
        }

        public void reply(Message message) throws IOException {
            send(MessageEncoder.encode(message));
        }

        /** Sends the reply with a descriptor attached, as the MAM answers a delegated connect. */
        public void reply(Message message, FileDescriptor descriptor) throws IOException {
            client.setOutboundFileDescriptors(descriptor);
            try {
                reply(message);
            } finally {
                client.setOutboundFileDescriptors((FileDescriptor[]) null);
            }
        }

        public void send(byte[] bytes) throws IOException {
            send(ByteBuffer.wrap(bytes));
        }

        private void send(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                client.write(buffer);
            }
        }

        public void hangUp() throws IOException {
            hungUp = true;
            client.close();
        }

        public void stall() throws IOException {
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
