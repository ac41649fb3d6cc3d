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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * answered on that thread, which keeps the round trip free of hand-offs (and, with {@link ReadSpinner}, of the
 * thread's wake-up when the next request follows at once). When a policy overruns its budget the
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
    private final Supplier<MamSettings> settings;
    private final Accounts accounts;
    private final Owner owner;
    private final ByteBuffer header = ByteBuffer.allocate(Wire.LENGTH_BYTES);
    private final ReadSpinner.History polls = new ReadSpinner.History();
    private ByteBuffer body = ByteBuffer.allocate(INITIAL_BUFFER_BYTES);
    private final Object writeLock = new Object();
    private ByteBuffer out = ByteBuffer.allocate(INITIAL_BUFFER_BYTES);
    private volatile Thread reader;
    private volatile boolean closed;
    private final AtomicBoolean released = new AtomicBoolean();
    /** System.nanoTime() by which the client must have sent what is awaited; {@link #NO_DEADLINE} while deciding. */
    private volatile long deadline = NO_DEADLINE;
    private volatile String awaited = "";
    private volatile long awaitedLimit;
    /** System.nanoTime() by which the reply being written must be out; {@link #NO_DEADLINE} when none is. */
    private volatile long writeDeadline = NO_DEADLINE;
    private static final long NO_DEADLINE = 0;
    /** The uid this connection counts for in {@link ConnectionsPerUser}, until it is given back. */
    private final AtomicLong countedUser = new AtomicLong(NOT_COUNTED);
    private static final long NOT_COUNTED = -1;

    ClientSession(long id, SocketChannel channel, SessionServices services, Supplier<MamSettings> settings,
                  Accounts accounts, Owner owner) {
        this.id = id;
        this.channel = channel;
        this.services = services;
        this.engine = services.engine();
        this.settings = settings;
        this.accounts = accounts;
        this.owner = owner;
    }

    void start() {
        startReader(this::admit);
    }

    /**
     * Checks the peer against the allow-list and its user's connections against max.clients.per.user; a peer
     * not allowed is answered FORBIDDEN, one over its user's limit OVERLOADED, and disconnected.
     */
    private void admit() {
        PeerCredentials peer;
        try {
            peer = PeerCredentials.of(channel, accounts);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Client " + id + ": peer credentials unknown, refused: " + e);
            refuse(ErrorCode.FORBIDDEN, "the MAM cannot tell who you are");
            return;
        }
        MamSettings limits = settings.get();
        if (!limits.allowed().admits(peer)) {
            LOG.log(Level.DEBUG, "Client " + id + " (" + peer + ") refused: not in allowed.users/allowed.groups");
            refuse(ErrorCode.FORBIDDEN, "uid " + peer.uid() + " gid " + peer.gid() + " may not use this MAM");
            return;
        }
        int perUser = limits.maxClientsPerUser();
        ConnectionsPerUser.Admission admission = services.users().tryOpen(peer.uid(), perUser);
        if (admission != ConnectionsPerUser.Admission.ADMITTED) {
            // a user at its limit that keeps connecting is warned about once, not once per attempt
            LOG.log(admission == ConnectionsPerUser.Admission.REFUSED ? Level.WARNING : Level.DEBUG, "Client " + id
                    + " (" + peer + ") refused: uid " + peer.uid() + " has " + perUser
                    + " connections open (max.clients.per.user)");
            refuse(ErrorCode.OVERLOADED, "uid " + peer.uid() + " has " + perUser
                    + " connections to the MAM open, the most one user may have");
            return;
        }
        countedUser.set(peer.uid());
        if (closed) {
            releaseUser(); // closed while being admitted, possibly before the uid was recorded
        }
        LOG.log(Level.DEBUG, "Client " + id + " (" + peer + ") admitted");
    }

    private void refuse(ErrorCode code, String why) {
        send(new ErrorReply(0, code, why));
        closeQuietly();
    }

    /**
     * Closes the connection when the client is overdue: silent longer than idle.timeout.s between requests,
     * slower than frame.timeout.ms to complete a frame it has begun, or not reading its replies, so that one
     * cannot be written within write.timeout.ms. Blocked reads and writes cannot time out by themselves.
     */
    void closeIfOverdue(long now) {
        if (closed) {
            return;
        }
        if (isPast(writeDeadline, now)) {
            LOG.log(Level.INFO, "Client " + id + " closed: it does not read its replies (one not written within"
                    + " write.timeout.ms = " + settings.get().writeMillis() + ")");
            close();
        } else if (isPast(deadline, now)) {
            LOG.log(Level.DEBUG, "Client " + id + " closed: " + awaited + " = " + awaitedLimit);
            close();
        }
    }

    private static boolean isPast(long due, long now) {
        return due != NO_DEADLINE && now - due > 0;
    }

    /** @param what the limit's name: the message is built only if it is overrun, not per request */
    private void expect(String what, long timeout, TimeUnit unit) {
        awaited = what;
        awaitedLimit = timeout;
        deadline = System.nanoTime() + unit.toNanos(timeout);
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
        MamSettings limits = settings.get();
        header.clear();
        expect("no request within idle.timeout.s", limits.idleSeconds(), TimeUnit.SECONDS);
        if (services.spinner().read(channel, header, limits.readSpinMicros(), polls) < 0) {
            throw new EOFException();
        }
        expect("frame not complete within frame.timeout.ms", limits.frameMillis(), TimeUnit.MILLISECONDS);
        readFully(header);
        int length = header.getInt(0);
        MessageDecoder.checkLength(length, limits.maxFrameBytes());
        if (body.capacity() < length) {
            body = ByteBuffer.allocate(Math.max(length, Math.min(2 * body.capacity(), limits.maxFrameBytes())));
        }
        body.clear().limit(length);
        readFully(body);
        deadline = NO_DEADLINE;
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
        writeDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.get().writeMillis());
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
            if (!closed) {
                LOG.log(Level.DEBUG, "Client " + id + ": reply not delivered: " + e);
            }
            closeQuietly();
            return false;
        } finally {
            writeDeadline = NO_DEADLINE;
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
        releaseUser();
        if (released.compareAndSet(false, true)) {
            owner.sessionClosed(this);
        }
    }

    /** Gives the connection's place among its user's back, once, whichever thread gets here first. */
    private void releaseUser() {
        long uid = countedUser.getAndSet(NOT_COUNTED);
        if (uid != NOT_COUNTED) {
            services.users().closed(uid);
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
