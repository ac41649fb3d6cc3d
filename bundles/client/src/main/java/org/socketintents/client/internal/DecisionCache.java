package org.socketintents.client.internal;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.protocol.DecisionReuse;

/**
 * The reusable decisions the MAM gave for connects: each is applied again to an identical connect (same
 * destination, host name, bound source and intents) while the MAM still publishes the epoch it was made in, and
 * for the time the MAM allowed at most. A policy swap, a policy's reconfiguration or an interface change advances
 * the epoch, and with it every decision made before is asked for again. Bounded; thread-safe.
 */
final class DecisionCache {

    /** What makes two connects identical for the policy. */
    record Key(InetSocketAddress remote, String host, InetSocketAddress boundSource, Intents intents) {
    }

    private record Entry(Decision decision, long epoch, long expiresNanos) {
    }

    private final int capacity;
    private final PublishedEpoch published;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param capacity  the most decisions kept
     * @param published the MAM's published epoch
     */
    DecisionCache(int capacity, PublishedEpoch published) {
        this.capacity = capacity;
        this.published = published;
    }

    /**
     * @param key      the connect
     * @param nowNanos now, on the {@link System#nanoTime()} clock
     * @return the decision to apply again, or null when the MAM has to be asked
     */
    Decision reuse(Key key, long nowNanos) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nowNanos - entry.expiresNanos >= 0 || !published.is(entry.epoch)) {
            entries.remove(key, entry);
            return null;
        }
        return entry.decision;
    }

    /**
     * Keeps a decision the MAM allowed to be reused, if the epoch it names is still the published one.
     *
     * @param key      the connect
     * @param decision the MAM's decision
     * @param reuse    what the MAM allowed
     * @param nowNanos now, on the {@link System#nanoTime()} clock
     */
    void keep(Key key, Decision decision, DecisionReuse reuse, long nowNanos) {
        if (!reuse.allowed() || !published.confirm(reuse.epoch())) {
            return;
        }
        if (entries.size() >= capacity && !entries.containsKey(key)) {
            makeRoom(nowNanos);
        }
        entries.put(key, new Entry(decision, reuse.epoch(), nowNanos + TimeUnit.MILLISECONDS.toNanos(reuse.millis())));
    }

    /** @return how many decisions are kept now */
    int size() {
        return entries.size();
    }

    /** Drops what can no longer be reused; if that frees nothing, an arbitrary eighth of the entries. */
    private void makeRoom(long nowNanos) {
        entries.values().removeIf(e -> nowNanos - e.expiresNanos >= 0 || !published.is(e.epoch));
        if (entries.size() < capacity) {
            return;
        }
        int excess = Math.max(1, capacity / 8);
        Iterator<Key> keys = entries.keySet().iterator();
        while (excess-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
