package org.socketintents.benchmarks.support;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import org.socketintents.protocol.Wire;

/** Blocking frame I/O on a stream channel: the length prefix, then exactly that many bytes. */
public final class Frames {

    /** Where a frame (length prefix included) carries its request id: after length, version, type and flags. */
    public static final int REQUEST_ID_OFFSET = Wire.LENGTH_BYTES + 4;

    private Frames() {
    }

    /**
     * Reads one frame's body.
     *
     * @param channel a blocking channel
     * @param prefix  a buffer of {@link Wire#LENGTH_BYTES} bytes
     * @param body    a buffer large enough for the frame, or null to allocate one
     * @return the body, flipped for reading
     * @throws EOFException if the peer closed the connection
     * @throws IOException  if the frame is larger than the buffer or reading fails
     */
    public static ByteBuffer read(SocketChannel channel, ByteBuffer prefix, ByteBuffer body) throws IOException {
        prefix.clear();
        fill(channel, prefix);
        int length = prefix.getInt(0);
        if (length < Wire.HEADER_BYTES || length > Wire.DEFAULT_MAX_FRAME_BYTES) {
            throw new IOException("frame length " + Integer.toUnsignedString(length) + " out of range");
        }
        ByteBuffer target = body == null ? ByteBuffer.allocate(length) : body;
        if (target.capacity() < length) {
            throw new IOException("frame of " + length + " bytes does not fit in " + target.capacity());
        }
        target.clear().limit(length);
        fill(channel, target);
        return target.flip();
    }

    /** Writes the buffer's remaining bytes. */
    public static void write(SocketChannel channel, ByteBuffer frame) throws IOException {
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    private static void fill(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the peer closed the connection");
            }
        }
    }
}
