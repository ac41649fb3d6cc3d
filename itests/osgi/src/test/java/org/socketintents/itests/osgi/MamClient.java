package org.socketintents.itests.osgi;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.Wire;

/**
 * An application's side of the MAM socket, speaking the wire protocol with the protocol bundle's codec. Every
 * read has a deadline, so that a MAM that does not answer fails the test instead of hanging it.
 */
final class MamClient implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** The largest frame body MessageEncoder.encode(Message), which the MAM answers with, produces. */
    private static final int MAX_REPLY_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final Selector selector;

    private MamClient(SocketChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    static MamClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            return new MamClient(channel, selector);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Sends a request and returns the MAM's answer to it. */
    Message exchange(Message request) throws IOException, ProtocolException {
        send(request);
        return receive();
    }

    void send(Message message) throws IOException {
        sendFrame(MessageEncoder.encode(message));
    }

    /** Sends bytes as they are, for frames the encoder would never produce. */
    void sendFrame(ByteBuffer frame) throws IOException {
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    Message receive() throws IOException, ProtocolException {
        ByteBuffer length = ByteBuffer.allocate(Wire.LENGTH_BYTES);
        readFully(length);
        int bodyLength = length.getInt(0);
        MessageDecoder.checkLength(bodyLength, MAX_REPLY_BYTES);
        ByteBuffer body = ByteBuffer.allocate(bodyLength);
        readFully(body);
        return MessageDecoder.decode(body.flip());
    }

    /** @return whether the MAM has closed the connection: the next read finds the end of the stream */
    boolean isClosedByMam() throws IOException {
        try {
            readFully(ByteBuffer.allocate(1));
            return false;
        } catch (EOFException e) {
            return true;
        }
    }

    private void readFully(ByteBuffer buffer) throws IOException {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the MAM closed the connection");
            }
            long left = deadline - System.nanoTime();
            if (buffer.hasRemaining()) {
                if (left <= 0) {
                    throw new SocketTimeoutException("no answer from the MAM within " + READ_TIMEOUT);
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            selector.close();
        }
    }
}
