package org.socketintents.mam.internal;

import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * One client connection, served by a {@link SessionLoop} with non-blocking I/O: a request is read as its bytes
 * arrive, and CONNECT, PING and STATS are decided and answered on the loop's thread. RESOLVE and SOCKETCONNECT,
 * which may wait for the network, are answered on the {@link BlockingRequestPool}; the session reads no further
 * request meanwhile, so replies keep the order of requests. A reply the client does not take at once waits in
 * the session, which reads no request either until it is out.
 */
final class ClientSession implements DelegatedConnects.Replies {

    private static final Logger LOG = System.getLogger(ClientSession.class.getName());
    private static final int INITIAL_BUFFER_BYTES = 1024;

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
    private final FrameAssembler frames = new FrameAssembler();
    private final Object writeLock = new Object();
    private ByteBuffer out = ByteBuffer.allocate(INITIAL_BUFFER_BYTES);
    /** Replies, or their rests, that the client has not taken yet; guarded by {@link #writeLock}. */
    private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
    private SessionLoop loop;
    private SelectionKey key;
    /** A RESOLVE or SOCKETCONNECT is being answered on the blocking pool; read and written on the loop's thread. */
    private boolean answeringElsewhere;
    /** The peer has hung up: what it sent before is answered, then the session closes; loop's thread only. */
    private boolean hungUp;
    private volatile boolean closed;
    private final AtomicBoolean released = new AtomicBoolean();
    /** System.nanoTime() by which the client must have sent what is awaited; {@link #NO_DEADLINE} while deciding. */
    private volatile long deadline = NO_DEADLINE;
    private volatile String awaited = "";
    private volatile long awaitedLimit;
    private boolean frameAwaited;
    /** System.nanoTime() by which the unsent replies must be out; {@link #NO_DEADLINE} when none is waiting. */
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

    /** Admits the client (on the caller's thread) and, when it is admitted, has the loop serve it. */
    void start(SessionLoop servingLoop) {
        if (!admit()) {
            return;
        }
        try {
            channel.configureBlocking(false);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Client " + id + " lost before it was served: " + e);
            close();
            return;
        }
        expectRequest();
        servingLoop.add(this);
    }

    /**
     * Checks the peer against the allow-list and its user's connections against max.clients.per.user; a peer
     * not allowed is answered FORBIDDEN, one over its user's limit OVERLOADED, and disconnected.
     *
     * @return whether the client was admitted
     */
    private boolean admit() {
        PeerCredentials peer;
        try {
            peer = PeerCredentials.of(channel, accounts);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Client " + id + ": peer credentials unknown, refused: " + e);
            return refuse(ErrorCode.FORBIDDEN, "the MAM cannot tell who you are");
        }
        MamSettings limits = settings.get();
        if (!limits.allowed().admits(peer)) {
            LOG.log(Level.DEBUG, "Client " + id + " (" + peer + ") refused: not in allowed.users/allowed.groups");
            return refuse(ErrorCode.FORBIDDEN, "uid " + peer.uid() + " gid " + peer.gid() + " may not use this MAM");
        }
        int perUser = limits.maxClientsPerUser();
        ConnectionsPerUser.Admission admission = services.users().tryOpen(peer.uid(), perUser);
        if (admission != ConnectionsPerUser.Admission.ADMITTED) {
            // a user at its limit that keeps connecting is warned about once, not once per attempt
            LOG.log(admission == ConnectionsPerUser.Admission.REFUSED ? Level.WARNING : Level.DEBUG, "Client " + id
                    + " (" + peer + ") refused: uid " + peer.uid() + " has " + perUser
                    + " connections open (max.clients.per.user)");
            return refuse(ErrorCode.OVERLOADED, "uid " + peer.uid() + " has " + perUser
                    + " connections to the MAM open, the most one user may have");
        }
        countedUser.set(peer.uid());
        if (closed) {
            releaseUser(); // closed while being admitted, possibly before the uid was recorded
        }
        LOG.log(Level.DEBUG, "Client " + id + " (" + peer + ") admitted");
        return true;
    }

    /** Answers with the error on the still blocking channel, and disconnects. */
    private boolean refuse(ErrorCode code, String why) {
        try {
            channel.write(MessageEncoder.encode(new ErrorReply(0, code, why)));
        } catch (IOException e) {
            LOG.log(Level.TRACE, "refused client " + id + " went away", e);
        }
        close();
        return false;
    }

    /** On the loop's thread: the loop serves this session from now on. */
    void register(SessionLoop servingLoop, Selector selector) {
        loop = servingLoop;
        try {
            key = channel.register(selector, SelectionKey.OP_READ, this);
        } catch (ClosedChannelException e) {
            close(); // closed (overdue) before its loop got to it
        }
    }

    /**
     * Closes the connection when the client is overdue: silent longer than idle.timeout.s between requests,
     * slower than frame.timeout.ms to complete a frame it has begun, or not reading its replies, so that one
     * cannot be written within write.timeout.ms.
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

    private void expectRequest() {
        frameAwaited = false;
        expect("no request within idle.timeout.s", settings.get().idleSeconds(), TimeUnit.SECONDS);
    }

    /**
     * On the loop's thread, when the client has sent something: reads it, and answers once a request is complete.
     *
     * @return false when the policy overran its budget on this thread, which has lost the loop to a fresh one
     */
    boolean readable() {
        Message request;
        try {
            ByteBuffer frame = frames.read(channel, settings.get().maxFrameBytes());
            if (frame == null) {
                if (frames.begun() && !frameAwaited) {
                    frameAwaited = true;
                    expect("frame not complete within frame.timeout.ms", settings.get().frameMillis(),
                            TimeUnit.MILLISECONDS);
                }
                return true;
            }
            deadline = NO_DEADLINE;
            request = MessageDecoder.decode(frame);
            return answer(request);
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
        }
        close();
        return true;
    }

    /**
     * On the loop's thread, when the peer has hung up (junixsocket's selector cancels its key then): a request
     * that arrived before is still answered, as it would have been had it been read a moment earlier, and the
     * session closes once it is.
     *
     * @return false when the policy overran its budget on this thread, which has lost the loop to a fresh one
     */
    boolean peerHungUp() {
        if (closed || hungUp) {
            return true;
        }
        hungUp = true;
        if (answeringElsewhere) {
            return true; // closes when the answer is out
        }
        boolean keptThread = readable();
        if (!answeringElsewhere) {
            close();
        }
        return keptThread;
    }

    /** @return false when the policy overran its budget and this thread has lost the loop */
    private boolean answer(Message request) throws ProtocolException {
        if (request instanceof ConnectRequest) {
            DecisionRequest context = engine.contextOf((ConnectRequest) request);
            if (!decideThen(request.requestId(), context, this::send, this::answerOnFreshLoopThread)) {
                return false;
            }
        } else if (request instanceof Ping) {
            send(new Pong(request.requestId()));
        } else if (request instanceof StatsRequest) {
            send(services.statistics().answer((StatsRequest) request));
        } else if (request instanceof ResolveRequest || request instanceof SocketConnectRequest) {
            answerElsewhere(request);
            return true;
        } else {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, request.requestId(),
                    "message type " + request.type() + " is not a request");
        }
        expectRequest();
        return true;
    }

    /**
     * The policy overran on the loop's thread: its fallback is answered, and the loop goes on without that
     * thread, whether or not this session is still open.
     */
    private void answerOnFreshLoopThread(Runnable fallback) {
        if (!closed) {
            fallback.run();
            loop.execute(this::expectRequest);
        }
        loop.takeOverFromStuckThread();
    }

    /** Answers a request that may wait for the network on the blocking pool; no request is read meanwhile. */
    private void answerElsewhere(Message request) {
        answeringElsewhere = true;
        updateInterest();
        services.blocking().execute(() -> {
            try {
                if (answerBlocking(request)) {
                    resumeReading();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Client " + id + " session failed", e);
                send(new ErrorReply(request.requestId(), ErrorCode.INTERNAL, "internal error: " + e));
                close();
            }
        });
    }

    /** @return false when the policy overran its budget and its fallback is answered on another thread */
    private boolean answerBlocking(Message request) {
        if (request instanceof ResolveRequest) {
            ResolveRequest resolve = (ResolveRequest) request;
            DecisionRequest context;
            try {
                context = engine.contextOf(resolve);
            } catch (UnknownHostException e) {
                send(unresolved(request, resolve.host(), e));
                return true;
            }
            return decideThen(request.requestId(), context, this::send, this::answerOnFreshPoolThread);
        }
        return connectOnBehalf((SocketConnectRequest) request);
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
        return decideThen(request.requestId(), context, decided -> connects.answer(request, decided, this),
                this::answerOnFreshPoolThread);
    }

    /** The policy overran on a pool thread: the fallback is answered (and may connect) on another one. */
    private void answerOnFreshPoolThread(Runnable fallback) {
        if (closed) {
            return;
        }
        services.blocking().execute(() -> {
            fallback.run();
            resumeReading();
        });
    }

    private void resumeReading() {
        loop.execute(() -> {
            answeringElsewhere = false;
            if (hungUp || key != null && !key.isValid()) {
                close(); // hung up meanwhile; while nothing was read, the selector did not look at it
                return;
            }
            expectRequest();
            updateInterest();
        });
    }

    private static ErrorReply unresolved(Message request, String host, UnknownHostException e) {
        return new ErrorReply(request.requestId(), ErrorCode.RESOLUTION_FAILED,
                "cannot resolve " + host + ": " + e.getMessage());
    }

    /**
     * Decides on this thread and answers with {@code reply}; when the policy overruns its budget, the OS-default
     * decision's answer is handed to {@code onOverrun} instead, on the budget watchdog's thread (also when the
     * session has closed meanwhile: a stuck loop thread must be replaced all the same).
     *
     * @return false when the policy overran and this thread must give the session up
     */
    private boolean decideThen(int requestId, DecisionRequest context, Consumer<DecisionReply> reply,
                               Consumer<Runnable> onOverrun) {
        DecisionReply decided = engine.decide(requestId, context,
                fallback -> onOverrun.accept(() -> reply.accept(fallback)));
        if (decided == null) {
            return false;
        }
        reply.accept(decided);
        return true;
    }

    /** On the loop's thread: reads requests unless a reply waits to be written or one is being answered. */
    private void updateInterest() {
        boolean waiting;
        synchronized (writeLock) {
            waiting = !unsent.isEmpty();
        }
        if (key != null && key.isValid()) {
            key.interestOps(waiting ? SelectionKey.OP_WRITE : answeringElsewhere ? 0 : SelectionKey.OP_READ);
        }
    }

    /** Any thread: writes what the client takes now and leaves the rest to the loop. */
    @Override
    public void send(Message message) {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            encode(message);
            send(out);
        }
    }

    /** Writes an encoded reply, after those still unsent. */
    private void send(ByteBuffer reply) {
        synchronized (writeLock) {
            if (closed || unsent.isEmpty() && (!writeSome(reply) || !reply.hasRemaining())) {
                return;
            }
            keepUnsent(reply);
        }
        loopUpdatesInterest();
    }

    /**
     * Sends the reply with the descriptor attached to its first bytes (SCM_RIGHTS), waiting (up to
     * write.timeout.ms) until the client takes them: the caller closes its copy of the descriptor on return. A
     * reply that cannot be encoded becomes an INTERNAL error, which goes without the descriptor.
     */
    @Override
    public boolean send(Message message, FileDescriptor descriptor) {
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.get().writeMillis());
        while (true) {
            synchronized (writeLock) {
                if (closed) {
                    return false;
                }
                if (unsent.isEmpty()) {
                    if (!encode(message)) {
                        send(out); // the INTERNAL error in its place goes without the descriptor
                        return false;
                    }
                    int written = writeWithDescriptor(descriptor);
                    if (written > 0) {
                        if (out.hasRemaining()) {
                            keepUnsent(out);
                            loopUpdatesInterest();
                        }
                        return true;
                    }
                    if (written < 0) {
                        return false;
                    }
                }
            }
            if (System.nanoTime() - due > 0) {
                LOG.log(Level.INFO, "Client " + id + " closed: it does not read its replies (one not written within"
                        + " write.timeout.ms = " + settings.get().writeMillis() + ")");
                close();
                return false;
            }
            awaitWritable(due);
        }
    }

    /** @return the bytes written with the descriptor (0 when the client takes none now), -1 when closed */
    private int writeWithDescriptor(FileDescriptor descriptor) {
        AFUNIXSocketChannel unix = (AFUNIXSocketChannel) channel;
        try {
            unix.setOutboundFileDescriptors(descriptor);
            try {
                return unix.write(out);
            } finally {
                unix.setOutboundFileDescriptors((FileDescriptor[]) null);
            }
        } catch (IOException e) {
            lost(e);
            return -1;
        }
    }

    private void awaitWritable(long due) {
        try (Selector writability = channel.provider().openSelector()) {
            channel.register(writability, SelectionKey.OP_WRITE);
            writability.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime())));
        } catch (IOException e) {
            lost(e);
        }
    }

    @Override
    public boolean passesDescriptors() {
        return channel instanceof AFUNIXSocketChannel;
    }

    /** On the loop's thread, when the client takes bytes again: writes the replies waiting for it. */
    void writable() {
        synchronized (writeLock) {
            while (!unsent.isEmpty()) {
                ByteBuffer next = unsent.peek();
                if (!writeSome(next) || next.hasRemaining()) {
                    break;
                }
                unsent.poll();
            }
            if (unsent.isEmpty()) {
                writeDeadline = NO_DEADLINE;
            }
        }
        updateInterest();
    }

    /** @return false when the connection failed and is closed */
    private boolean writeSome(ByteBuffer buffer) {
        try {
            channel.write(buffer);
            return true;
        } catch (IOException e) {
            lost(e);
            return false;
        }
    }

    /** Keeps the rest of the reply for the loop to write, within write.timeout.ms; under the write lock. */
    private void keepUnsent(ByteBuffer reply) {
        ByteBuffer rest = ByteBuffer.allocate(reply.remaining()).put(reply).flip();
        unsent.add(rest);
        if (writeDeadline == NO_DEADLINE) {
            writeDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.get().writeMillis());
        }
    }

    private void loopUpdatesInterest() {
        if (loop == null) {
            return;
        }
        if (loop.inLoop()) {
            updateInterest();
        } else {
            loop.execute(this::updateInterest);
        }
    }

    private void lost(IOException e) {
        if (!closed) {
            LOG.log(Level.DEBUG, "Client " + id + ": reply not delivered: " + e);
        }
        close();
    }

    /**
     * Encodes into {@link #out}; a reply that cannot be encoded becomes an INTERNAL error for its request.
     *
     * @return whether {@link #out} holds the message itself rather than that error
     */
    private boolean encode(Message message) {
        if (out.capacity() > 64 * INITIAL_BUFFER_BYTES) {
            out = ByteBuffer.allocate(INITIAL_BUFFER_BYTES);
        }
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
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.TRACE, "closing client " + id, e);
        }
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

    long id() {
        return id;
    }
}
