package org.socketintents.resolver.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.resolver.InterfaceAnswer;
import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Resolves a host name on one interface: the names the search list makes of it one after the other until one has
 * addresses, A and AAAA at once for each, from the cache when it holds them, following CNAMEs the servers did not
 * resolve, and caching what the servers validly said. A name whose servers all fail ends the lookup: the other names
 * would go to the same servers.
 */
final class InterfaceLookup {

    /** Most queries made to follow CNAMEs whose targets the replies did not resolve. */
    static final int MAX_REQUERIES = 8;

    private final Upstream upstream;
    private final List<Name> candidates;
    private final List<Integer> types;
    private final Exchange exchange;
    private final AnswerCache cache;
    private final QueryPolicy policy;
    private final long startNanos;
    private volatile boolean askedServer;

    /**
     * @param candidates the absolute names to try, in order; not empty
     * @param startNanos when the resolution started, on {@link System#nanoTime()}'s clock
     */
    InterfaceLookup(Upstream upstream, List<Name> candidates, AddressFamily family, Exchange exchange,
                    AnswerCache cache, QueryPolicy policy, long startNanos) {
        this.upstream = upstream;
        this.candidates = List.copyOf(candidates);
        this.types = typesOf(family);
        this.exchange = exchange;
        this.cache = cache;
        this.policy = policy;
        this.startNanos = startNanos;
    }

    static List<Integer> typesOf(AddressFamily family) {
        switch (family) {
            case INET:
                return List.of(Type.A);
            case INET6:
                return List.of(Type.AAAA);
            default:
                return List.of(Type.A, Type.AAAA);
        }
    }

    /** @return this interface's answer; never completes exceptionally unless the code has a bug */
    CompletableFuture<InterfaceAnswer> run() {
        return candidate(0, null).thenApply(this::toAnswer);
    }

    private CompletableFuture<TypeAnswer> candidate(int index, TypeAnswer negativeSoFar) {
        if (index == candidates.size()) {
            return CompletableFuture.completedFuture(negativeSoFar);
        }
        return lookupName(candidates.get(index)).thenCompose(answer -> answer.isNegative()
                ? candidate(index + 1, mergeNegatives(negativeSoFar, answer))
                : CompletableFuture.completedFuture(answer));
    }

    private CompletableFuture<TypeAnswer> lookupName(Name name) {
        List<CompletableFuture<TypeAnswer>> parts = new ArrayList<>();
        for (int type : types) {
            parts.add(lookupType(name, type));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> combine(parts.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<TypeAnswer> lookupType(Name name, int type) {
        Optional<TypeAnswer> cached = cache.get(upstream.interfaceName(), name, type);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(cached.get());
        }
        askedServer = true;
        return follow(name, name, type, Long.MAX_VALUE, 0);
    }

    private CompletableFuture<TypeAnswer> follow(Name asked, Name current, int type, long chainTtl, int requeries) {
        return exchange.ask(current, type, upstream, policy).handle((received, failure) -> {
            if (failure != null) {
                return CompletableFuture.completedFuture(TypeAnswer.failed(messageOf(failure)));
            }
            Reply reply = received.reply();
            if (reply instanceof Reply.Alias alias) {
                if (requeries == MAX_REQUERIES) {
                    return CompletableFuture.completedFuture(TypeAnswer.failed("CNAME chain of " + asked
                            + " needs more than " + MAX_REQUERIES + " further queries"));
                }
                return follow(asked, alias.target(), type, Math.min(chainTtl, alias.ttlSeconds()), requeries + 1);
            }
            long ttl = reply.ttlSeconds() < 0 ? 0 : Math.min(chainTtl, reply.ttlSeconds());
            TypeAnswer answer = reply instanceof Reply.Addresses found
                    ? new TypeAnswer(Outcome.ADDRESSES, found.addresses(), found.owner(), ttl, received.server(), null)
                    : new TypeAnswer(((Reply.Negative) reply).outcome(), List.of(), null, ttl, received.server(), null);
            if (!received.truncated()) {
                cache.put(upstream.interfaceName(), asked, type, answer);
            }
            return CompletableFuture.completedFuture(answer);
        }).thenCompose(next -> next);
    }

    private TypeAnswer combine(List<TypeAnswer> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<InetAddress> addresses = new ArrayList<>();
        StringJoiner errors = new StringJoiner("; ");
        TypeAnswer first = null;
        long ttl = Long.MAX_VALUE;
        boolean noSuchName = false;
        for (int i = 0; i < parts.size(); i++) {
            TypeAnswer part = parts.get(i);
            addresses.addAll(part.addresses());
            if (part.error() != null) {
                errors.add(Type.string(types.get(i)) + ": " + part.error());
            }
            if (part.outcome() == Outcome.ADDRESSES && first == null) {
                first = part;
            }
            noSuchName |= part.outcome() == Outcome.NO_SUCH_NAME;
            if (part.outcome() != Outcome.FAILED) {
                ttl = Math.min(ttl, part.ttlSeconds());
            }
        }
        String error = errors.length() == 0 ? null : errors.toString();
        if (first != null) {
            return new TypeAnswer(Outcome.ADDRESSES, addresses, first.canonicalName(), ttl, first.server(), error);
        }
        // NXDOMAIN for one type means the name has no records at all, whatever became of the other query.
        if (noSuchName) {
            return new TypeAnswer(Outcome.NO_SUCH_NAME, List.of(), null, ttl, parts.get(0).server(), null);
        }
        if (error != null) {
            return TypeAnswer.failed(error);
        }
        return new TypeAnswer(Outcome.NO_ADDRESS, List.of(), null, ttl, parts.get(0).server(), null);
    }

    private static TypeAnswer mergeNegatives(TypeAnswer soFar, TypeAnswer next) {
        if (soFar == null) {
            return next;
        }
        Outcome outcome = soFar.outcome() == Outcome.NO_ADDRESS || next.outcome() == Outcome.NO_ADDRESS
                ? Outcome.NO_ADDRESS : Outcome.NO_SUCH_NAME;
        return new TypeAnswer(outcome, List.of(), null, Math.min(soFar.ttlSeconds(), next.ttlSeconds()),
                next.server(), null);
    }

    private InterfaceAnswer toAnswer(TypeAnswer answer) {
        Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
        return new InterfaceAnswer(upstream.interfaceName(), answer.outcome(), answer.addresses(),
                answer.canonicalName() == null ? null : answer.canonicalName().toString(),
                Duration.ofSeconds(answer.ttlSeconds()), latency, !askedServer, answer.server(), answer.error());
    }

    private static String messageOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof LookupFailedException ? cause.getMessage() : cause.toString();
    }
}
