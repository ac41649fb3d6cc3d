package org.socketintents.resolver.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.resolver.CacheEntry;
import org.socketintents.api.resolver.InterfaceAnswer;
import org.socketintents.api.resolver.Resolution;
import org.xbill.DNS.Name;

/**
 * The resolver itself: plans which interfaces to ask, starts one {@link InterfaceLookup} per interface at once, and
 * collects their answers. Queries are asynchronous (dnsjava's selector thread waits for every reply), so no thread
 * waits for a server; a small fixed pool reads the replies and moves each lookup on.
 */
final class ParallelResolver implements AutoCloseable {

    private static final int THREADS = 2;
    private static final String THREAD_NAME = "socket-intents-resolver-";

    private final ThreadPoolExecutor executor;
    private final Exchange exchange;
    private final AnswerCache cache;
    private final ServerSelection selection;
    private volatile ResolverSettings settings;
    private volatile ResolvConfFile resolvConf;

    /**
     * @param settings   the configuration
     * @param routes     the host's routes, for interfaces without a {@code dns} key
     * @param cacheClock the monotonic clock the cache measures TTLs with, in nanoseconds
     */
    ParallelResolver(ResolverSettings settings, RouteTable routes, LongSupplier cacheClock) {
        // Replies are handed to the pool from dnsjava's selector thread: a refused task (after close) must be
        // dropped quietly, as an exception would end that thread for every dnsjava user.
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads(), new ThreadPoolExecutor.DiscardPolicy());
        this.exchange = new Exchange(executor);
        this.cache = new AnswerCache(cacheClock);
        this.selection = new ServerSelection(routes);
        reconfigure(settings);
    }

    /**
     * @param changed the new configuration; the cache keeps its entries, within the new limits
     */
    void reconfigure(ResolverSettings changed) {
        cache.limits(changed.cacheSize(), changed.maxTtlSeconds(), changed.maxNegativeTtlSeconds());
        ResolvConfFile file = resolvConf;
        if (file == null || !file.path().equals(changed.resolvConf())) {
            resolvConf = new ResolvConfFile(changed.resolvConf());
        }
        settings = changed;
    }

    ResolverSettings settings() {
        return settings;
    }

    Resolution resolve(String host, AddressFamily family, Interfaces interfaces, Predicate<Resolution> enough) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(interfaces, "interfaces");
        Objects.requireNonNull(enough, "enough");
        HostName name = HostName.parse(host);
        if (executor.isShutdown()) {
            throw new IllegalStateException("the resolver is closed");
        }
        long start = System.nanoTime();
        ResolverSettings current = settings;
        ResolvConf conf = resolvConf.current();
        List<Name> candidates = candidates(name, current, conf);
        ServerSelection.Plan plan = selection.plan(interfaces, conf, current.port());
        ResolutionCollector collector = new ResolutionCollector(host, family, plan.skipped(), start);
        for (Upstream upstream : plan.upstreams()) {
            collector.expect(upstream.interfaceName(), lookUp(
                    new InterfaceLookup(upstream, candidates, family, exchange, cache, current.queries(), start)));
        }
        return collector.await(enough, current.deadline());
    }

    private static CompletableFuture<InterfaceAnswer> lookUp(InterfaceLookup lookup) {
        try {
            return lookup.run();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    List<CacheEntry> cached(String host) {
        ResolverSettings current = settings;
        return cache.entries(candidates(HostName.parse(host), current, resolvConf.current()));
    }

    List<String> learnedOn(InetAddress address) {
        return cache.interfacesHolding(Objects.requireNonNull(address, "address"));
    }

    void clearCache() {
        cache.clear();
    }

    private static List<Name> candidates(HostName name, ResolverSettings settings, ResolvConf conf) {
        return name.candidates(settings.search().isEmpty() ? conf.search() : settings.search(), settings.ndots());
    }

    /** Lets the lookups under way finish reading their replies; later replies are dropped. */
    @Override
    public void close() {
        executor.shutdown();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, THREAD_NAME + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
