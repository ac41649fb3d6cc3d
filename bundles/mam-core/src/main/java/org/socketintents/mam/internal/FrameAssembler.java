package org.socketintents.mam.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.Wire;

/**
 * Assembles one request frame at a time from a non-blocking channel, from whatever bytes have arrived: the
 * length prefix, then the body. It reads no further than the frame, so the bytes of the next request stay in
 * the socket, where the selector sees them.
 *
 * <p>It is called when the selector reports the channel readable: a call that then reads nothing at all means
 * the peer has closed (junixsocket's non-blocking channels read 0 bytes, not -1, at the end of the stream).
 */
final class FrameAssembler {

    private static final int INITIAL_BODY_BYTES = 1024;

    private final ByteBuffer header = ByteBuffer.allocate(Wire.LENGTH_BYTES);
    private ByteBuffer body = ByteBuffer.allocate(INITIAL_BODY_BYTES);
    private boolean inBody;

    /**
     * @param maxFrameBytes the longest frame accepted
     * @return the complete frame's body, ready to decode and valid until the next call, or null when the frame
     *         needs bytes that have not arrived yet
     * @throws EOFException      at the end of the stream, or when nothing could be read
     * @throws ProtocolException when the length prefix announces a frame too short or too long
     */
    ByteBuffer read(ReadableByteChannel channel, int maxFrameBytes) throws IOException, ProtocolException {
        int read = 0;
        if (!inBody) {
            read = readSome(channel, header);
            if (header.hasRemaining()) {
                return nothingYet(read);
            }
            int length = header.getInt(0);
            MessageDecoder.checkLength(length, maxFrameBytes);
            if (body.capacity() < length) {
                body = ByteBuffer.allocate(Math.max(length, Math.min(2 * body.capacity(), maxFrameBytes)));
            }
            body.clear().limit(length);
            inBody = true;
        }
        if (body.hasRemaining()) {
            read += readSome(channel, body);
        }
        if (body.hasRemaining()) {
            return nothingYet(read);
        }
        inBody = false;
        header.clear();
        return body.flip();
    }

    private static int readSome(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        int read = channel.read(buffer);
        if (read < 0) {
            throw new EOFException();
        }
        return read;
    }

    private static ByteBuffer nothingYet(int read) throws EOFException {
        if (read == 0) {
            throw new EOFException("readable, yet nothing to read: the peer has closed");
        }
        return null;
    }

    /** @return whether part of a frame has arrived */
    boolean begun() {
        return inBody || header.position() > 0;
    }
}
