package org.socketintents.itests.netns;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.socketintents.api.Intents;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.Wire;

/**
 * Asks the MAM directly over its socket, independently of the client library, whether it is up and what it
 * would decide. The socket is a file, so this works from the test JVM outside the client namespace.
 */
final class MamProbe {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private final Path socket;
    private final AtomicInteger requestIds = new AtomicInteger();

    MamProbe(Path socket) {
        this.socket = socket;
    }

    /** @throws IOException if the MAM does not answer a PING with its PONG */
    void ping() throws IOException, InterruptedException {
        Message answer = exchange(new Ping(requestIds.incrementAndGet()));
        if (!(answer instanceof Pong)) {
            throw new IOException("the MAM answered a PING with " + answer);
        }
    }

    /** @return the MAM's decision for a connection with these intents to {@code remote} */
    DecisionReply decideConnect(Intents intents, InetSocketAddress remote) throws IOException, InterruptedException {
        Message answer = exchange(new ConnectRequest(requestIds.incrementAndGet(), remote, null, null, intents));
        if (!(answer instanceof DecisionReply)) {
            throw new IOException("the MAM answered a CONNECT with " + answer);
        }
        return (DecisionReply) answer;
    }

    private Message exchange(Message request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
             Selector selector = Selector.open()) {
            channel.write(MessageEncoder.encode(request));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer length = ByteBuffer.allocate(Wire.LENGTH_BYTES);
            readFully(channel, selector, length, deadline);
            int bodyBytes = length.flip().getInt();
            MessageDecoder.checkLength(bodyBytes, Wire.DEFAULT_MAX_FRAME_BYTES);
            ByteBuffer body = ByteBuffer.allocate(bodyBytes);
            readFully(channel, selector, body, deadline);
            return MessageDecoder.decode(body.flip());
        } catch (ProtocolException e) {
            throw new IOException("the MAM's answer breaks the protocol: " + e.getMessage(), e);
        }
    }

    private static void readFully(SocketChannel channel, Selector selector, ByteBuffer into, long deadline)
            throws IOException, InterruptedException {
        while (into.hasRemaining()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("the MAM did not answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
            }
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
            if (channel.read(into) < 0) {
                throw new EOFException("the MAM closed the connection before answering");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
