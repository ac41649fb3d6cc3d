package org.socketintents.siget.http;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.Wire;

/**
 * Asks the MAM which source its policy picks for a connection, before any socket exists: the answer decides
 * the HTTP route (and so which pooled connection may be reused) ahead of the connect.
 *
 * <p>The client library offers this decision only inside {@code IntentSocket.connect}, so siget sends the
 * protocol's CONNECT request itself. One connection to the MAM serves the whole run, one request at a time.
 * A MAM that is absent, slow or broken is reported once through the warning sink and not asked again during
 * this run: the downloads then go the OS default way. Thread-safe.
 */
public final class MamDecisions implements Closeable {

    private final Path socket;
    private final Duration timeout;
    private final Consumer<String> warnings;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "siget-mam-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private SocketChannel channel;
    private int lastRequestId;
    private boolean unusable;

    /**
     * @param socket   the MAM's socket
     * @param timeout  the longest one decision may take
     * @param warnings receives one line when the MAM turns out unusable
     */
    public MamDecisions(Path socket, Duration timeout, Consumer<String> warnings) {
        this.socket = socket;
        this.timeout = timeout;
        this.warnings = warnings;
    }

    /**
     * @param remote  the resolved destination
     * @param host    the host name it was resolved from, or null
     * @param intents the intents of the connection
     * @return the policy's decision; empty when the MAM gave none (absent, failing, or an error reply)
     */
    public synchronized Optional<Decision> connect(InetSocketAddress remote, String host, Intents intents) {
        if (unusable) {
            return Optional.empty();
        }
        ConnectRequest request = new ConnectRequest(nextRequestId(), remote,
                Wire.isValidHostName(host) ? host : null, null, intents);
        try {
            Message reply = exchange(request);
            if (reply instanceof DecisionReply) {
                return Optional.of(((DecisionReply) reply).decision());
            }
            ErrorReply error = (ErrorReply) reply;
            if (error.code().isFatal()) {
                giveUp("the MAM answered " + error.code() + " " + error.message());
            }
            return Optional.empty();
        } catch (IOException | ProtocolException | RuntimeException e) {
            giveUp(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return Optional.empty();
        }
    }

    private Message exchange(ConnectRequest request) throws IOException, ProtocolException {
        if (channel == null) {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        }
        SocketChannel current = channel;
        // A blocking Unix domain channel ignores read timeouts; closing it from another thread ends the wait.
        ScheduledFuture<?> deadline = watchdog.schedule(() -> closeQuietly(current), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            ByteBuffer frame = MessageEncoder.encode(request);
            while (frame.hasRemaining()) {
                current.write(frame);
            }
            ByteBuffer prefix = fill(current, ByteBuffer.allocate(Wire.LENGTH_BYTES));
            int length = prefix.getInt(0);
            MessageDecoder.checkLength(length, Wire.DEFAULT_MAX_FRAME_BYTES);
            Message reply = MessageDecoder.decode(fill(current, ByteBuffer.allocate(length)).flip());
            if (reply.requestId() != request.requestId() && reply.requestId() != 0) {
                throw new IOException("the MAM answered request " + reply.requestId() + " instead of "
                        + request.requestId());
            }
            return reply;
        } catch (IOException e) {
            if (!current.isOpen() && deadline.isDone()) {
                throw new IOException("no answer within " + timeout.toMillis() + " ms", e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private static ByteBuffer fill(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the MAM closed the connection");
            }
        }
        return buffer;
    }

    private int nextRequestId() {
        lastRequestId = lastRequestId == Integer.MAX_VALUE ? 1 : lastRequestId + 1;
        return lastRequestId;
    }

    private void giveUp(String reason) {
        unusable = true;
        closeQuietly(channel);
        channel = null;
        warnings.accept("no usable Socket Intents MAM at " + socket + " (" + reason
                + "); downloading the OS default way");
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // the channel is being abandoned either way
        }
    }

    @Override
    public synchronized void close() {
        watchdog.shutdownNow();
        closeQuietly(channel);
        channel = null;
    }
}
