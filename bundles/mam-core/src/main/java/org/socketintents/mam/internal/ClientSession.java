package org.socketintents.mam.internal;

import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.ResolveRequest;
import org.socketintents.protocol.Wire;

/**
 * One client connection, served by its own thread with blocking I/O: the request is read, decided and
 * answered on that thread, which keeps the round trip free of hand-offs. When a policy overruns its budget the
 * watchdog answers instead and a fresh thread takes over reading, so the client is never held up by it.
 */
final class ClientSession {

    private static final Logger LOG = System.getLogger(ClientSession.class.getName());
    private static final int INITIAL_BUFFER_BYTES = 1024;
    private static final long READER_STACK_BYTES = 256 * 1024;

    /** Told when a session ends, and counts what the server reports. */
    interface Owner {
        void sessionClosed(ClientSession session);

        void protocolError(ProtocolException error);
    }

    private final long id;
    private final SocketChannel channel;
    private final DecisionEngine engine;
    private final IntSupplier maxFrameBytes;
    private final Owner owner;
    private final ByteBuffer header = ByteBuffer.allocate(Wire.LENGTH_BYTES);
    private ByteBuffer body = ByteBuffer.allocate(INITIAL_BUFFER_BYTES);
    private final Object writeLock = new Object();
    private ByteBuffer out = ByteBuffer.allocate(INITIAL_BUFFER_BYTES);
    private volatile Thread reader;
    private volatile boolean closed;
    private final AtomicBoolean released = new AtomicBoolean();

    ClientSession(long id, SocketChannel channel, DecisionEngine engine, IntSupplier maxFrameBytes, Owner owner) {
        this.id = id;
        this.channel = channel;
        this.engine = engine;
        this.maxFrameBytes = maxFrameBytes;
        this.owner = owner;
    }

    void start() {
        Thread thread = new Thread(null, this::serve, "mam-client-" + id, READER_STACK_BYTES);
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    private void serve() {
        Thread self = Thread.currentThread();
        try {
            while (reader == self && !closed) {
                Message request = read();
                if (!answer(request)) {
                    return; // the watchdog answered an overrun request and another thread reads now
                }
            }
        } catch (ProtocolException e) {
            owner.protocolError(e);
            LOG.log(Level.DEBUG, "Client " + id + " broke the protocol: " + e.getMessage());
            send(e.toReply());
        } catch (EOFException e) {
            LOG.log(Level.TRACE, "Client " + id + " disconnected");
        } catch (IOException e) {
            if (!closed) {
                LOG.log(Level.DEBUG, "Client " + id + " connection failed: " + e);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Client " + id + " session failed", e);
            send(new ErrorReply(0, ErrorCode.INTERNAL, "internal error: " + e));
        } finally {
            if (reader == self) {
                close();
            }
        }
    }

    /** @return false when the request was taken over by the watchdog and this thread must stop reading */
    private boolean answer(Message request) throws ProtocolException {
        if (request instanceof ResolveRequest) {
            DecisionRequest context;
            try {
                context = engine.contextOf((ResolveRequest) request);
            } catch (UnknownHostException e) {
                send(new ErrorReply(request.requestId(), ErrorCode.RESOLUTION_FAILED,
                        "cannot resolve " + ((ResolveRequest) request).host() + ": " + e.getMessage()));
                return true;
            }
            return decideAndSend(request.requestId(), context);
        } else if (request instanceof ConnectRequest) {
            return decideAndSend(request.requestId(), engine.contextOf((ConnectRequest) request));
        } else if (request instanceof Ping) {
            send(new Pong(request.requestId()));
            return true;
        }
        throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, request.requestId(),
                "message type " + request.type() + " is not a request");
    }

    private boolean decideAndSend(int requestId, DecisionRequest context) {
        DecisionReply reply = engine.decide(requestId, context, this::answerForOverrunPolicy);
        if (reply == null) {
            return false;
        }
        send(reply);
        return true;
    }

    /** Runs on the watchdog's thread while this session's reader is stuck in the policy. */
    private void answerForOverrunPolicy(DecisionReply fallback) {
        send(fallback);
        if (!closed) {
            start();
        }
    }

    private Message read() throws IOException, ProtocolException {
        header.clear();
        readFully(header);
        int length = header.getInt(0);
        MessageDecoder.checkLength(length, maxFrameBytes.getAsInt());
        if (body.capacity() < length) {
            body = ByteBuffer.allocate(Math.max(length, Math.min(2 * body.capacity(), maxFrameBytes.getAsInt())));
        }
        body.clear().limit(length);
        readFully(body);
        body.flip();
        return MessageDecoder.decode(body);
    }

    private void readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException();
            }
        }
    }

    void send(Message message) {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            try {
                encode(message);
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                if (out.capacity() > 64 * INITIAL_BUFFER_BYTES) {
                    out = ByteBuffer.allocate(INITIAL_BUFFER_BYTES);
                }
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "Client " + id + ": reply not delivered: " + e);
                closeQuietly();
            }
        }
    }

    /** Encodes into {@link #out}; a reply that cannot be encoded becomes an INTERNAL error for its request. */
    private void encode(Message message) {
        out.clear();
        try {
            MessageEncoder.encode(message, out);
            out.flip();
            return;
        } catch (IllegalArgumentException tooLargeForTheBuffer) {
            // retried below in a buffer as large as a frame can be
        }
        try {
            out = MessageEncoder.encode(message);
        } catch (IllegalArgumentException invalid) {
            LOG.log(Level.ERROR, "Client " + id + ": reply cannot be encoded, answering INTERNAL: " + message, invalid);
            out = MessageEncoder.encode(new ErrorReply(message.requestId(), ErrorCode.INTERNAL,
                    "the MAM could not encode its reply"));
        }
    }

    void close() {
        closeQuietly();
        if (released.compareAndSet(false, true)) {
            owner.sessionClosed(this);
        }
    }

    private void closeQuietly() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.TRACE, "closing client " + id, e);
        }
    }

    long id() {
        return id;
    }
}
