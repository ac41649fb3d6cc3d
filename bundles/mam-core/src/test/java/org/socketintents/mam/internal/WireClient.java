package org.socketintents.mam.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.ProtocolException;

/** A blocking protocol client for tests: sends messages or raw bytes, reads replies. */
final class WireClient implements AutoCloseable {

    private final SocketChannel channel;

    WireClient(Path socket) throws IOException {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    Message call(Message request) throws IOException, ProtocolException {
        send(request);
        return read();
    }

    void send(Message message) throws IOException {
        sendRaw(MessageEncoder.encode(message));
    }

    void sendRaw(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    Message read() throws IOException, ProtocolException {
        ByteBuffer length = ByteBuffer.allocate(4);
        readFully(length);
        ByteBuffer body = ByteBuffer.allocate(length.getInt(0));
        readFully(body);
        return MessageDecoder.decode(body.flip());
    }

    /** @return true if the MAM closed the connection (end of stream) */
    boolean isClosedByPeer() throws IOException {
        return channel.read(ByteBuffer.allocate(1)) < 0;
    }

    private void readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("MAM closed the connection");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
