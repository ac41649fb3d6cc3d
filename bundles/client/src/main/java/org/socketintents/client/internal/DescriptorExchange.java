package org.socketintents.client.internal;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.SocketConnectReply;
import org.socketintents.protocol.Wire;

/**
 * One SOCKETCONNECT exchange on a junixsocket connection of its own, which receives the descriptor the reply
 * carries. The descriptor is duplicated and the connection closed, which closes every descriptor it received: the
 * original and any the MAM sent unasked. The duplicate belongs to this object until {@link #take()}n; closing it
 * closes a duplicate nobody took, so that no path leaks one.
 */
final class DescriptorExchange implements MamAdvisor.Exchange, Closeable {

    /** Room for a few descriptors' control messages: the MAM sends one. */
    private static final int ANCILLARY_BYTES = 512;

    private FileDescriptor received;

    @Override
    public Message exchange(Path socket, Message request, long deadlineNanos) throws IOException, ProtocolException {
        try (AFUNIXSocket mam = AFUNIXSocket.newInstance()) {
            mam.connect(AFUNIXSocketAddress.of(socket), millisLeft(deadlineNanos));
            mam.setAncillaryReceiveBufferSize(ANCILLARY_BYTES);
            ByteBuffer frame = MessageEncoder.encode(request);
            mam.getOutputStream().write(frame.array(), frame.position(), frame.remaining());
            InputStream in = mam.getInputStream();
            int length = ByteBuffer.wrap(read(mam, in, Wire.LENGTH_BYTES, deadlineNanos)).getInt();
            MessageDecoder.checkLength(length, MamConnection.MAX_FRAME_BYTES);
            Message reply = MessageDecoder.decode(ByteBuffer.wrap(read(mam, in, length, deadlineNanos)));
            if (reply instanceof SocketConnectReply) {
                FileDescriptor[] descriptors = mam.getReceivedFileDescriptors();
                if (descriptors.length == 0) {
                    throw new ProtocolException(ErrorCode.MALFORMED, reply.requestId(),
                            "SOCKETCONNECT_REPLY without a descriptor");
                }
                received = FileDescriptorCast.duplicating(descriptors[0]).getFileDescriptor();
            }
            return reply;
        }
    }

    /** @return the received descriptor, now owned by the caller */
    FileDescriptor take() {
        FileDescriptor taken = received;
        received = null;
        return taken;
    }

    /** Closes a received descriptor nobody took. */
    @Override
    public void close() throws IOException {
        FileDescriptor left = take();
        if (left != null) {
            Descriptors.close(left);
        }
    }

    private static byte[] read(AFUNIXSocket mam, InputStream in, int bytes, long deadlineNanos) throws IOException {
        byte[] buffer = new byte[bytes];
        int at = 0;
        while (at < bytes) {
            mam.setSoTimeout(millisLeft(deadlineNanos));
            int read = in.read(buffer, at, bytes - at);
            if (read < 0) {
                throw new IOException("the MAM closed the connection");
            }
            at += read;
        }
        return buffer;
    }

    private static int millisLeft(long deadlineNanos) throws SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException("the MAM did not answer in time");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }
}
