package org.socketintents.client.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.client.MamClientConfig;
import org.socketintents.client.MamStatus;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.MamSocketPath;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageType;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.ResolveRequest;
import org.socketintents.protocol.StatsReply;
import org.socketintents.protocol.StatsRequest;
import org.socketintents.protocol.Wire;

/**
 * Asks the MAM for decisions, as advice only. Whatever goes wrong (no MAM, refused, no answer in time, an
 * error reply, a closed connection, bytes that are not the protocol) the answer is "no decision" within the
 * configured timeout, and the caller does what the OS would do. After such a failure the MAM is skipped for
 * the backoff period, then probed again, so a missing MAM costs the timeout at most once per period and a MAM
 * that comes back is used again without anyone restarting anything. Thread-safe.
 */
public final class MamAdvisor implements Closeable {

    private static final System.Logger LOG = System.getLogger(MamAdvisor.class.getName());

    private final Supplier<Path> socketPath;
    private final Duration timeout;
    private final Duration resolveTimeout;
    private final long backoffMillis;
    private final MamConnectionPool pool;
    private final Backoff backoff;
    private final LongSupplier clock;
    private final AtomicInteger requestIds = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final DecisionCache decisions;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile boolean lastAnswered;
    private volatile String lastFailure = "";

    /** @param config where the MAM is and how long to wait for it */
    public MamAdvisor(MamClientConfig config) {
        this(config, System::nanoTime);
    }

    /** @param clock the {@link System#nanoTime()} clock, or a test's, for the backoff and the reuse of decisions */
    MamAdvisor(MamClientConfig config, LongSupplier clock) {
        Optional<Path> explicit = config.socketPath();
        this.socketPath = explicit.isPresent() ? explicit::get : MamSocketPath::forClient;
        this.timeout = config.timeout();
        this.resolveTimeout = config.resolveTimeout();
        this.backoffMillis = config.backoff().toMillis();
        this.pool = new MamConnectionPool(socketPath);
        this.clock = clock;
        this.backoff = new Backoff(config.backoff().toNanos(), clock);
        this.decisions = config.decisionCache() == 0 ? null
                : new DecisionCache(config.decisionCache(), new PublishedEpoch(socketPath));
    }

    /**
     * getaddrinfo with intents.
     *
     * @return the MAM's decision, whose destinations are the resolved addresses in the policy's order; empty
     *         when the caller should resolve the OS way
     */
    public Optional<Decision> resolve(String host, int port, AddressFamily family, Intents intents) {
        if (!fitsWire(host)) {
            return Optional.empty();
        }
        return ask(new ResolveRequest(nextRequestId(), host, port, family, intents), MessageType.RESOLVE_REPLY,
                resolveTimeout);
    }

    /**
     * connect with intents.
     *
     * @param remote      the resolved address the application connects to
     * @param host        the name it was resolved from, or null
     * @param boundSource the address the application bound the socket to, or null
     * @param intents     the socket's intents
     * @return the MAM's decision, or one it gave for an identical connect and allowed to be reused; empty when
     *         the caller should connect the OS way
     */
    public Optional<Decision> connect(InetSocketAddress remote, String host, InetSocketAddress boundSource,
                                      Intents intents) {
        String wireHost = fitsWire(host) ? host : null;
        DecisionCache.Key key = decisions == null ? null
                : new DecisionCache.Key(remote, wireHost, boundSource, intents);
        if (key != null) {
            Decision again = decisions.reuse(key, clock.getAsLong());
            if (again != null) {
                reused.incrementAndGet();
                return Optional.of(again);
            }
        }
        ConnectRequest request = new ConnectRequest(nextRequestId(), remote, wireHost, boundSource, intents);
        Optional<DecisionReply> reply = advise(request, timeout,
                deadline -> exchange(request, MessageType.CONNECT_REPLY, deadline)).map(DecisionReply.class::cast);
        if (key != null && reply.isPresent()) {
            decisions.keep(key, reply.get().decision(), reply.get().reuse(), clock.getAsLong());
        }
        return reply.map(DecisionReply::decision);
    }

    /**
     * Asks the MAM for its interface statistics. Unlike the decisions this is no advice to fall back from: a
     * failure is reported, and the backoff neither applies nor changes.
     *
     * @param interfaceName the one interface wanted, or null for all
     * @return the MAM's statistics
     * @throws IllegalArgumentException if the interface name is not one the wire can carry
     * @throws IOException              if the MAM cannot be reached, does not answer within the timeout, breaks the
     *                                  protocol or answers with an error, whose code and message the exception's
     *                                  message gives
     */
    public StatsReply stats(String interfaceName) throws IOException {
        if (interfaceName != null && !Wire.isValidInterfaceName(interfaceName)) {
            throw new IllegalArgumentException("not an interface name: '" + interfaceName + "'");
        }
        StatsRequest request = new StatsRequest(nextRequestId(), interfaceName);
        Message reply;
        try {
            reply = exchange(request, MessageType.STATS_REPLY, System.nanoTime() + timeout.toNanos());
        } catch (ProtocolException e) {
            throw new IOException("the MAM at " + socketPath.get() + " broke the protocol: " + e.getMessage(), e);
        }
        if (reply instanceof ErrorReply) {
            ErrorReply error = (ErrorReply) reply;
            throw new IOException("the MAM answered " + error.code()
                    + (error.message().isEmpty() ? "" : ": " + error.message()));
        }
        return (StatsReply) reply;
    }

    /** @return what the latest requests found */
    public MamStatus status() {
        return new MamStatus(socketPath.get(), lastAnswered, answered.get(), fallbacks.get(), lastFailure,
                backoff.isBackingOff(), reused.get());
    }

    /** Closes the idle connections; later requests fall back to the OS default. */
    @Override
    public void close() {
        pool.close();
    }

    private Optional<Decision> ask(Message request, MessageType expected, Duration bound) {
        return advise(request, bound, deadline -> exchange(request, expected, deadline))
                .map(reply -> ((DecisionReply) reply).decision());
    }

    /** One exchange with the MAM, on a connection of the caller's choosing. */
    @FunctionalInterface
    public interface Exchange {
        /**
         * @param socket        the MAM's socket
         * @param request       the request to send
         * @param deadlineNanos when to give up, on the {@link System#nanoTime()} clock
         * @return the MAM's reply, as decoded
         * @throws java.net.SocketTimeoutException if the deadline passes
         */
        Message exchange(Path socket, Message request, long deadlineNanos) throws IOException, ProtocolException;
    }

    /**
     * Asks the MAM on a connection of the caller's own, for a request the pooled connections cannot carry (one
     * whose answer brings a descriptor), with the backoff, bookkeeping and fallbacks of every other request.
     *
     * @param request  the request, given the id to use
     * @param expected the reply type that answers it
     * @param bound    how long the MAM may take
     * @param exchange sends the request and reads the reply
     * @return the reply; empty when the caller should do without the MAM
     */
    public Optional<Message> ask(IntFunction<Message> request, MessageType expected, Duration bound,
                                 Exchange exchange) {
        Message sent = request.apply(nextRequestId());
        return advise(sent, bound, deadline -> checkAnswers(sent, expected,
                exchange.exchange(socketPath.get(), sent, deadline)));
    }

    /** An exchange whose request and connection are chosen already. */
    @FunctionalInterface
    private interface BoundedExchange {
        Message exchange(long deadlineNanos) throws IOException, ProtocolException;
    }

    /** The advisory procedure around one exchange: backoff, time bound, errors, counters. */
    private Optional<Message> advise(Message request, Duration bound, BoundedExchange exchange) {
        if (Thread.currentThread().isInterrupted()) {
            // A Selector does not wait while the thread's interrupt flag is set, so the wait would spin; and
            // an interrupted caller is no sign of a failing MAM.
            LOG.log(System.Logger.Level.DEBUG, () -> "Not asking the MAM: the thread is interrupted");
            return Optional.empty();
        }
        if (!backoff.tryAcquire()) {
            fallbacks.incrementAndGet();
            lastAnswered = false;
            LOG.log(System.Logger.Level.DEBUG, () -> "Not asking the MAM while backing off after: " + lastFailure);
            return Optional.empty();
        }
        Message reply;
        try {
            reply = exchange.exchange(System.nanoTime() + bound.toNanos());
        } catch (IOException | ProtocolException | RuntimeException e) {
            failed(e instanceof SocketTimeoutException ? "no answer within " + bound.toMillis() + " ms"
                    : describe(e));
            return Optional.empty();
        }
        if (!(reply instanceof ErrorReply)) {
            answered();
            return Optional.of(reply);
        }
        ErrorReply error = (ErrorReply) reply;
        if (concernsOnlyThisRequest(error.code())) {
            answered();
            LOG.log(System.Logger.Level.DEBUG, () -> "The MAM could not serve a " + request.type() + ": "
                    + error.code() + " " + error.message() + "; using the OS default for it");
            return Optional.empty();
        }
        failed("the MAM answered " + error.code() + (error.message().isEmpty() ? "" : ": " + error.message()));
        return Optional.empty();
    }

    /** Sends the request, retrying once on a fresh connection when a pooled one turns out to be dead. */
    private Message exchange(Message request, MessageType expected, long deadline)
            throws IOException, ProtocolException {
        MamConnection connection = pool.take();
        while (true) {
            boolean pooled = connection.hasExchanged();
            try {
                Message reply = checkAnswers(request, expected, connection.exchange(request, deadline));
                if (reply instanceof ErrorReply && ((ErrorReply) reply).code().isFatal()) {
                    connection.close();
                } else {
                    pool.giveBack(connection);
                }
                return reply;
            } catch (IOException | ProtocolException | RuntimeException e) {
                connection.close();
                if (!pooled || !(e instanceof IOException) || e instanceof SocketTimeoutException) {
                    throw e;
                }
                // The MAM may have restarted since this connection was last used.
                connection = pool.open();
            }
        }
    }

    private static Message checkAnswers(Message request, MessageType expected, Message reply) throws ProtocolException {
        if (reply instanceof ErrorReply && reply.requestId() == 0) {
            return reply; // the MAM could not read the request's id: the error is about the one frame in flight
        }
        if (reply.requestId() != request.requestId()) {
            throw new ProtocolException(ErrorCode.MALFORMED, reply.requestId(),
                    "reply to request " + reply.requestId() + " while waiting for request " + request.requestId());
        }
        if (reply.type() != expected && !(reply instanceof ErrorReply)) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, reply.requestId(),
                    reply.type() + " in answer to " + request.type());
        }
        return reply;
    }

    /** Errors about the request itself, from a MAM that works: no reason to back off. */
    private static boolean concernsOnlyThisRequest(ErrorCode code) {
        return code == ErrorCode.RESOLUTION_FAILED || code == ErrorCode.MESSAGE_TOO_LARGE
                || code == ErrorCode.CONNECT_FAILED || code == ErrorCode.UNAVAILABLE;
    }

    private void answered() {
        backoff.succeeded();
        answered.incrementAndGet();
        lastAnswered = true;
    }

    private void failed(String reason) {
        backoff.failed();
        fallbacks.incrementAndGet();
        lastAnswered = false;
        lastFailure = reason;
        boolean first = warned.compareAndSet(false, true);
        LOG.log(first ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                () -> "Socket Intents: MAM at " + socketPath.get() + " not usable (" + reason
                        + "); connecting the OS default way, retrying the MAM in "
                        + backoffMillis + " ms");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private int nextRequestId() {
        int id;
        do {
            id = requestIds.incrementAndGet();
        } while (id == 0); // 0 is the id of an error about an unreadable request
        return id;
    }

    /** Host names the wire cannot carry are left to the OS resolver (which will reject them itself). */
    private static boolean fitsWire(String host) {
        return Wire.isValidHostName(host);
    }
}
