package org.socketintents.stats.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.socketintents.api.transport.TcpConnectionInfo;

/**
 * Remembers each connection's counters from one socket dump to the next, to tell what it did in between.
 *
 * <p>The first dump (after start, or after the dumps failed) only sets the baseline: the connections' counters then
 * hold their whole history. A connection that appears later started since the previous dump, so all its counters
 * count. A connection whose counters went backwards is a new connection on the same addresses and counts as new.
 * Connections with negative figures (an unsigned kernel value beyond a Java long, or a bug in the dump) are left
 * out.
 */
final class ConnectionLedger {

    private record Key(InetSocketAddress local, InetSocketAddress remote) {
    }

    /**
     * @param deltas          the connections, with what each did since the previous dump
     * @param intervalSeconds the time since the previous dump; 0 for a baseline
     * @param rejected        connections left out because of negative figures
     */
    record Update(List<ConnectionDelta> deltas, double intervalSeconds, int rejected) {
    }

    private Map<Key, TcpConnectionInfo> previous = new HashMap<>();
    private boolean primed;
    private long previousAt;

    /**
     * @param dump the connections now
     * @param now  when the dump was taken
     * @return what each did since the previous dump
     */
    Update update(List<TcpConnectionInfo> dump, long now) {
        Map<Key, TcpConnectionInfo> current = new HashMap<>();
        List<ConnectionDelta> deltas = new ArrayList<>();
        int rejected = 0;
        for (TcpConnectionInfo info : dump) {
            if (!isSane(info)) {
                rejected++;
                continue;
            }
            Key key = new Key(info.local(), info.remote());
            current.put(key, info);
            deltas.add(primed ? delta(info, previous.get(key)) : new ConnectionDelta(info, 0, 0, 0, false));
        }
        double interval = primed && now > previousAt ? (now - previousAt) / 1e9 : 0;
        previous = current;
        previousAt = now;
        primed = true;
        return new Update(deltas, interval, rejected);
    }

    /** The dumps failed or stopped: the next one is a new baseline. */
    void forget() {
        previous = new HashMap<>();
        primed = false;
    }

    private static ConnectionDelta delta(TcpConnectionInfo now, TcpConnectionInfo before) {
        if (before == null || now.bytesReceived() < before.bytesReceived() || now.bytesAcked() < before.bytesAcked()
                || now.totalRetransmits() < before.totalRetransmits()) {
            return new ConnectionDelta(now, now.bytesReceived(), now.bytesAcked(), now.totalRetransmits(), true);
        }
        return new ConnectionDelta(now, now.bytesReceived() - before.bytesReceived(),
                now.bytesAcked() - before.bytesAcked(), now.totalRetransmits() - before.totalRetransmits(), false);
    }

    private static boolean isSane(TcpConnectionInfo info) {
        return info.rttMicros() >= 0 && info.rttVarMicros() >= 0 && info.minRttMicros() >= 0
                && info.bytesAcked() >= 0 && info.bytesReceived() >= 0 && info.totalRetransmits() >= 0;
    }
}
