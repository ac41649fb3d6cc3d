package org.socketintents.resolver.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.resolver.CacheEntry;
import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Answers per interface, name and record type, kept for their TTL (capped), negative ones included as RFC 2308 says:
 * a negative answer is kept only when the server sent the zone's SOA, for the smaller of the SOA's TTL and its
 * MINIMUM field. Failures are never kept, nor is anything from a reply that was not validated. The least recently
 * used entry makes room for a new one.
 */
final class AnswerCache {

    private final LongSupplier nanoClock;
    private final Map<Key, Stored> entries = new LinkedHashMap<>(64, 0.75f, true);
    private int capacity;
    private long maxTtlSeconds;
    private long maxNegativeTtlSeconds;

    /**
     * @param nanoClock a monotonic clock in nanoseconds, such as {@link System#nanoTime()}
     */
    AnswerCache(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * @param capacity              the most entries kept; 0 disables the cache
     * @param maxTtlSeconds         the longest a positive answer is kept, whatever its TTL
     * @param maxNegativeTtlSeconds the longest a negative answer is kept
     */
    synchronized void limits(int capacity, long maxTtlSeconds, long maxNegativeTtlSeconds) {
        this.capacity = capacity;
        this.maxTtlSeconds = maxTtlSeconds;
        this.maxNegativeTtlSeconds = maxNegativeTtlSeconds;
        evictBeyondCapacity();
    }

    /**
     * @return the unexpired answer, with its remaining TTL
     */
    synchronized Optional<TypeAnswer> get(String interfaceName, Name name, int type) {
        Key key = new Key(interfaceName, name, type);
        Stored stored = entries.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        long remaining = stored.remainingSeconds(nanoClock.getAsLong());
        if (remaining <= 0) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(new TypeAnswer(stored.outcome, stored.addresses, stored.canonicalName, remaining, null,
                null));
    }

    /**
     * Keeps a validated answer, unless it is a failure or its TTL is zero.
     */
    synchronized void put(String interfaceName, Name name, int type, TypeAnswer answer) {
        long cap = answer.isNegative() ? maxNegativeTtlSeconds : maxTtlSeconds;
        long ttl = Math.min(answer.ttlSeconds(), cap);
        if (capacity == 0 || answer.outcome() == Outcome.FAILED || ttl <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        entries.put(new Key(interfaceName, name, type), new Stored(answer.outcome(), answer.addresses(),
                answer.canonicalName(), now, now + TimeUnit.SECONDS.toNanos(ttl)));
        evictBeyondCapacity();
    }

    /**
     * @param names absolute names
     * @return the unexpired entries for these names on every interface, ordered by interface, name and type
     */
    synchronized List<CacheEntry> entries(Collection<Name> names) {
        long now = nanoClock.getAsLong();
        List<CacheEntry> found = new ArrayList<>();
        entries.forEach((key, stored) -> {
            long remaining = stored.remainingSeconds(now);
            if (remaining > 0 && names.contains(key.name)) {
                found.add(new CacheEntry(key.interfaceName, key.name.toString(),
                        key.type == Type.A ? AddressFamily.INET : AddressFamily.INET6, stored.outcome,
                        stored.addresses, stored.canonicalName == null ? null : stored.canonicalName.toString(),
                        Duration.ofSeconds(remaining)));
            }
        });
        found.sort(Comparator.comparing(CacheEntry::interfaceName).thenComparing(CacheEntry::name)
                .thenComparing(CacheEntry::family));
        return found;
    }

    /**
     * @return the interfaces whose unexpired answers contain the address, most recently stored first
     */
    synchronized List<String> interfacesHolding(InetAddress address) {
        long now = nanoClock.getAsLong();
        List<Map.Entry<Key, Stored>> holding = new ArrayList<>();
        for (Map.Entry<Key, Stored> entry : entries.entrySet()) {
            if (entry.getValue().remainingSeconds(now) > 0 && entry.getValue().addresses.contains(address)) {
                holding.add(entry);
            }
        }
        if (holding.size() < 2) { // most addresses were learned on one interface or none: nothing to order
            return holding.isEmpty() ? List.of() : List.of(holding.get(0).getKey().interfaceName);
        }
        holding.sort(Comparator.comparingLong((Map.Entry<Key, Stored> e) -> e.getValue().storedAt).reversed());
        return holding.stream().map(e -> e.getKey().interfaceName).distinct().toList();
    }

    synchronized void clear() {
        entries.clear();
    }

    private void evictBeyondCapacity() {
        Iterator<Key> eldestFirst = entries.keySet().iterator();
        while (entries.size() > capacity && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
    }

    private record Key(String interfaceName, Name name, int type) {
    }

    private record Stored(Outcome outcome, List<InetAddress> addresses, Name canonicalName, long storedAt,
                          long expiresAt) {

        long remainingSeconds(long now) {
            return TimeUnit.NANOSECONDS.toSeconds(expiresAt - now);
        }
    }
}
