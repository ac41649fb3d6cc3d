package org.socketintents.client.internal;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.Wire;

/**
 * One connection to the MAM's Unix domain socket, used by one thread at a time for one request after another.
 *
 * <p>The channel is non-blocking and every wait goes through a {@link Selector} with the time left before the
 * caller's deadline: a blocking Unix domain channel would ignore any timeout and hang on a stuck MAM. A reply is
 * first polled for {@value #REPLY_POLL_MICROS} us: the MAM answers from memory in a few microseconds, and
 * sleeping in the selector would add the thread's wake-up, which on a virtual machine with idle CPUs is most of
 * the round trip. Only while that pays, though: when a reply takes longer than the poll (a busy MAM, many
 * clients sharing few CPUs) the next 2, 4, up to 1024 requests wait in the selector at once, so that polling
 * clients do not take the CPU the MAM needs to answer them.
 */
final class MamConnection implements Closeable {

    /** Largest frame accepted or sent; the largest possible decision fits in far less. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    /** How long a reply is polled for before the thread sleeps in the selector. */
    static final long REPLY_POLL_MICROS = 20;
    private static final long REPLY_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(REPLY_POLL_MICROS);

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final ByteBuffer out = ByteBuffer.allocate(Wire.LENGTH_BYTES + MAX_FRAME_BYTES);
    private final ByteBuffer lengthPrefix = ByteBuffer.allocate(Wire.LENGTH_BYTES);
    private boolean exchanged;
    /** Polls in a row that ended in the selector (at most 10): the next 2^n replies are not polled for. */
    private int pollsMissed;
    private int requestsNotPolled;

    private MamConnection(SocketChannel channel, Selector selector) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.key = channel.register(selector, 0);
    }

    /**
     * @param path the MAM's socket
     * @return a connection (possibly still completing; {@link #exchange} waits for it)
     * @throws IOException if the socket does not exist or refuses connections
     */
    static MamConnection open(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.connect(UnixDomainSocketAddress.of(path));
            return new MamConnection(channel, selector);
        } catch (IOException | RuntimeException e) {
            closeAll(channel, selector, e);
            throw e;
        }
    }

    /** @return whether a request was already sent on this connection, i.e. it comes from the pool */
    boolean hasExchanged() {
        return exchanged;
    }

    /**
     * Sends a request and reads the next frame.
     *
     * @param request       the request
     * @param deadlineNanos when to give up, on the {@link System#nanoTime()} clock
     * @return the reply as decoded; the caller checks that it answers the request
     * @throws SocketTimeoutException if the deadline passes
     * @throws IOException            if the connection fails or the MAM closes it
     * @throws ProtocolException      if the MAM sends something that is not a valid frame
     */
    Message exchange(Message request, long deadlineNanos) throws IOException, ProtocolException {
        exchanged = true;
        while (!channel.finishConnect()) {
            await(SelectionKey.OP_CONNECT, deadlineNanos);
        }
        out.clear();
        MessageEncoder.encode(request, out);
        out.flip();
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                await(SelectionKey.OP_WRITE, deadlineNanos);
            }
        }
        lengthPrefix.clear();
        if (requestsNotPolled > 0) {
            requestsNotPolled--;
            fill(lengthPrefix, 0, deadlineNanos);
        } else if (fill(lengthPrefix, REPLY_POLL_NANOS, deadlineNanos)) {
            pollsMissed = Math.min(pollsMissed + 1, 10);
            requestsNotPolled = 1 << pollsMissed;
        } else {
            pollsMissed = 0;
        }
        int length = lengthPrefix.getInt(0);
        MessageDecoder.checkLength(length, MAX_FRAME_BYTES);
        ByteBuffer body = ByteBuffer.allocate(length);
        fill(body, REPLY_POLL_NANOS, deadlineNanos);
        return MessageDecoder.decode(body.flip());
    }

    /** @return whether the thread had to sleep in the selector after polling for {@code pollNanos} */
    private boolean fill(ByteBuffer buffer, long pollNanos, long deadlineNanos) throws IOException {
        long pollEnd = System.nanoTime() + pollNanos;
        boolean slept = false;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer);
            if (read < 0) {
                throw new EOFException("the MAM closed the connection");
            }
            if (read == 0) {
                if (System.nanoTime() - pollEnd < 0) {
                    Thread.onSpinWait();
                } else {
                    await(SelectionKey.OP_READ, deadlineNanos);
                    slept = true;
                }
            }
        }
        return slept;
    }

    private void await(int operation, long deadlineNanos) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("the MAM did not answer in time");
        }
        key.interestOps(operation);
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        selector.selectedKeys().clear();
    }

    @Override
    public void close() {
        closeAll(channel, selector, null);
    }

    private static void closeAll(SocketChannel channel, Selector selector, Exception failure) {
        for (Closeable closeable : new Closeable[] {selector, channel}) {
            if (closeable == null) {
                continue;
            }
            try {
                closeable.close();
            } catch (IOException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
            }
        }
    }
}
