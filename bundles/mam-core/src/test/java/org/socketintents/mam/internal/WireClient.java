package org.socketintents.mam.internal;

import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.ProtocolException;

/**
 * A blocking protocol client for tests: sends messages or raw bytes, reads replies and the descriptors that came
 * with them. Descriptors received and not taken are closed with the client.
 */
final class WireClient implements AutoCloseable {

    private final AFUNIXSocketChannel channel;

    WireClient(Path socket) throws IOException {
        channel = AFUNIXSocketChannel.open(AFUNIXSocketAddress.of(socket));
        channel.setAncillaryReceiveBufferSize(1024);
    }

    Message call(Message request) throws IOException, ProtocolException {
        send(request);
        return read();
    }

    /** Sends the request with a descriptor attached, as no client should. */
    Message callWith(Message request, FileDescriptor descriptor) throws IOException, ProtocolException {
        channel.setOutboundFileDescriptors(descriptor);
        try {
            send(request);
        } finally {
            channel.setOutboundFileDescriptors((FileDescriptor[]) null);
        }
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

    /** @return the descriptors received since the last call */
    FileDescriptor[] descriptors() throws IOException {
        return channel.getReceivedFileDescriptors();
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
