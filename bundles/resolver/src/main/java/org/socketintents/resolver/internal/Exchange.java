package org.socketintents.resolver.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.WireParseException;

/**
 * Asks one question through one interface's servers: each server in turn, the whole list {@code retries + 1} times,
 * until a server gives a valid reply. Every query leaves from the interface's source address; each attempt ends
 * after the query timeout at the latest, TCP fallback included.
 *
 * <p>dnsjava's {@link SimpleResolver} sends from a fresh random port, accepts datagrams from the server's address
 * and port only, checks the reply's id and question, and repeats a truncated query over TCP; {@link ResponseReader}
 * checks the reply again and reads it. A spoofed or garbled reply costs its attempt, never more.
 */
final class Exchange {

    private final Executor executor;

    /**
     * @param executor runs the reading of replies; it must not throw when it refuses a task, as the task is handed
     *                 over from dnsjava's selector thread
     */
    Exchange(Executor executor) {
        this.executor = executor;
    }

    /** A reply that passed every check, and the server that sent it. */
    record Received(Reply reply, InetAddress server, boolean truncated) {
    }

    /**
     * @return the first valid reply; fails with a {@link LookupFailedException} saying what each server did when none
     *         gave one
     */
    CompletableFuture<Received> ask(Name name, int type, Upstream upstream, QueryPolicy policy) {
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        return attempt(query, upstream, policy, 0, new Problems());
    }

    private CompletableFuture<Received> attempt(Message query, Upstream upstream, QueryPolicy policy, int attempt,
                                                Problems problems) {
        int servers = upstream.servers().size();
        if (attempt >= servers * (policy.retries() + 1)) {
            return CompletableFuture.failedFuture(new LookupFailedException(problems.toString()));
        }
        ServerPath path = upstream.servers().get(attempt % servers);
        return send(query, path, policy).handleAsync((response, failure) -> {
            Throwable problem = failure == null ? null : unwrap(failure);
            if (problem == null) {
                try {
                    return CompletableFuture.completedFuture(check(query, response, path.server().getAddress()));
                } catch (BadReplyException | RuntimeException e) {
                    problem = e;
                }
            }
            problems.add(path, describe(problem, policy.timeout()));
            return attempt(query, upstream, policy, attempt + 1, problems);
        }, executor).thenCompose(next -> next);
    }

    private CompletableFuture<Message> send(Message query, ServerPath path, QueryPolicy policy) {
        SimpleResolver resolver = new SimpleResolver(path.server());
        resolver.setLocalAddress(new InetSocketAddress(path.source(), 0));
        resolver.setTimeout(policy.timeout());
        resolver.setIgnoreTruncation(!policy.tcpOnTruncation());
        try {
            // dnsjava checks its timeouts only about once a second; this ends the attempt on time.
            return resolver.sendAsync(query, executor).toCompletableFuture()
                    .orTimeout(policy.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Received check(Message query, Message response, InetAddress server) throws BadReplyException {
        Reply reply = ResponseReader.read(query, response);
        boolean truncated = response.getHeader().getFlag(Flags.TC);
        if (truncated && !(reply instanceof Reply.Addresses)) {
            throw new BadReplyException("truncated reply without addresses, and TCP fallback is off");
        }
        return new Received(reply, server, truncated);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable failure, Duration timeout) {
        if (failure instanceof TimeoutException || failure instanceof SocketTimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        if (failure instanceof PortUnreachableException) {
            return "port unreachable (no server listening)";
        }
        if (failure instanceof BadReplyException) {
            return failure.getMessage();
        }
        if (failure instanceof WireParseException) {
            return "malformed or mismatched reply: " + failure.getMessage();
        }
        if (failure instanceof IOException && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return failure.toString();
    }

    /**
     * What went wrong with each server, and how often: the error message of a failed lookup. The attempts follow
     * one another, each completing before the next starts, so that no two threads use it at once.
     */
    private static final class Problems {
        private final Map<String, String> last = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        void add(ServerPath path, String problem) {
            String server = path.toString();
            last.put(server, problem);
            counts.merge(server, 1, Integer::sum);
        }

        @Override
        public String toString() {
            StringJoiner joined = new StringJoiner("; ", "no valid reply: ", "");
            last.forEach((server, problem) -> {
                int count = counts.get(server);
                joined.add(server + ": " + problem + (count > 1 ? " (" + count + " attempts)" : ""));
            });
            return joined.toString();
        }
    }
}
