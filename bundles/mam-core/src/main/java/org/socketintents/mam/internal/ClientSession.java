package org.socketintents.mam.internal;

import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.newsclub.net.unix.AFUNIXSocketChannel;
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
import org.socketintents.protocol.SocketConnectRequest;
import org.socketintents.protocol.StatsRequest;
import org.socketintents.protocol.Wire;

/**
 * One client connection, served by its own thread with blocking I/O: the request is read, decided and
 * answered on that thread, which keeps the round trip free of hand-offs. When a policy overruns its budget the
 * watchdog hands the OS-default decision to a fresh thread, which answers with it and then takes over reading,
 * so the client is never held up by the policy.
 */
final class ClientSession implements DelegatedConnects.Replies {

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
    private final SessionServices services;
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

    ClientSession(long id, SocketChannel channel, SessionServices services, IntSupplier maxFrameBytes,
                  Owner owner) {
        this.id = id;
        this.channel = channel;
        this.services = services;
        this.engine = services.engine();
        this.maxFrameBytes = maxFrameBytes;
        this.owner = owner;
    }

    void start() {
        startReader(() -> { });
    }

    /** Starts a thread that first runs {@code first}, then reads and answers requests. */
    private void startReader(Runnable first) {
        Thread thread = new Thread(null, () -> {
            first.run();
            serve();
        }, "mam-client-" + id, READER_STACK_BYTES);
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
                    return; // the policy overran its budget and another thread answers and reads now
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

    /** @return false when the policy overran its budget and this thread must stop reading */
    private boolean answer(Message request) throws ProtocolException {
        if (request instanceof ResolveRequest) {
            DecisionRequest context;
            try {
                context = engine.contextOf((ResolveRequest) request);
            } catch (UnknownHostException e) {
                send(unresolved(request, ((ResolveRequest) request).host(), e));
                return true;
            }
            return decideThen(request.requestId(), context, this::send);
        } else if (request instanceof ConnectRequest) {
            return decideThen(request.requestId(), engine.contextOf((ConnectRequest) request), this::send);
        } else if (request instanceof SocketConnectRequest) {
            return connectOnBehalf((SocketConnectRequest) request);
        } else if (request instanceof Ping) {
            send(new Pong(request.requestId()));
            return true;
        } else if (request instanceof StatsRequest) {
            send(services.statistics().answer((StatsRequest) request));
            return true;
        }
        throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, request.requestId(),
                "message type " + request.type() + " is not a request");
    }

    private boolean connectOnBehalf(SocketConnectRequest request) {
        DelegatedConnects connects = services.connects();
        Optional<String> unavailable = connects.unavailability(this);
        if (unavailable.isPresent()) {
            send(new ErrorReply(request.requestId(), ErrorCode.UNAVAILABLE, unavailable.get()));
            return true;
        }
        DecisionRequest context;
        try {
            context = engine.contextOf(request);
        } catch (UnknownHostException e) {
            send(unresolved(request, request.endpoint().getHostString(), e));
            return true;
        }
        return decideThen(request.requestId(), context, decided -> connects.answer(request, decided, this));
    }

    private static ErrorReply unresolved(Message request, String host, UnknownHostException e) {
        return new ErrorReply(request.requestId(), ErrorCode.RESOLUTION_FAILED,
                "cannot resolve " + host + ": " + e.getMessage());
    }

    /**
     * Decides on this thread and answers with {@code reply}; when the policy overruns its budget, the OS-default
     * decision is answered on a fresh reader thread instead.
     *
     * @return false when the policy overran and this thread must stop reading
     */
    private boolean decideThen(int requestId, DecisionRequest context, Consumer<DecisionReply> reply) {
        DecisionReply decided = engine.decide(requestId, context, fallback -> {
            if (!closed) {
                startReader(() -> reply.accept(fallback));
            }
        });
        if (decided == null) {
            return false;
        }
        reply.accept(decided);
        return true;
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

    @Override
    public void send(Message message) {
        synchronized (writeLock) {
            if (!closed) {
                encode(message);
                write(null);
            }
        }
    }

    /**
     * Sends the reply with the descriptor attached to its first bytes (SCM_RIGHTS). A reply that cannot be
     * encoded becomes an INTERNAL error, which goes without the descriptor.
     */
    @Override
    public boolean send(Message message, FileDescriptor descriptor) {
        synchronized (writeLock) {
            if (closed) {
                return false;
            }
            if (!encode(message)) {
                write(null);
                return false;
            }
            return write(descriptor);
        }
    }

    @Override
    public boolean passesDescriptors() {
        return channel instanceof AFUNIXSocketChannel;
    }

    /** @return whether the whole frame in {@link #out} went out; the connection is closed when it did not */
    private boolean write(FileDescriptor descriptor) {
        try {
            if (descriptor != null) {
                AFUNIXSocketChannel unix = (AFUNIXSocketChannel) channel;
                unix.setOutboundFileDescriptors(descriptor);
                try {
                    unix.write(out); // a blocking write sends at least one byte, and the descriptor with it
                } finally {
                    unix.setOutboundFileDescriptors((FileDescriptor[]) null);
                }
            }
            while (out.hasRemaining()) {
                channel.write(out);
            }
            if (out.capacity() > 64 * INITIAL_BUFFER_BYTES) {
                out = ByteBuffer.allocate(INITIAL_BUFFER_BYTES);
            }
            return true;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Client " + id + ": reply not delivered: " + e);
            closeQuietly();
            return false;
        }
    }

    /**
     * Encodes into {@link #out}; a reply that cannot be encoded becomes an INTERNAL error for its request.
     *
     * @return whether {@link #out} holds the message itself rather than that error
     */
    private boolean encode(Message message) {
        out.clear();
        try {
            MessageEncoder.encode(message, out);
            out.flip();
            return true;
        } catch (IllegalArgumentException tooLargeForTheBuffer) {
            // retried below in a buffer as large as a frame can be
        }
        try {
            out = MessageEncoder.encode(message);
            return true;
        } catch (IllegalArgumentException invalid) {
            LOG.log(Level.ERROR, "Client " + id + ": reply cannot be encoded, answering INTERNAL: " + message, invalid);
            out = MessageEncoder.encode(new ErrorReply(message.requestId(), ErrorCode.INTERNAL,
                    "the MAM could not encode its reply"));
            return false;
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
