package org.socketintents.mam.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many client connections each user (peer uid) has open, held against {@code max.clients.per.user} so that
 * one user's connections cannot take every {@code max.clients} slot. Users without connections are forgotten.
 */
final class ConnectionsPerUser {

    /** What became of a connection. */
    enum Admission {
        /** It counts for its user now. */
        ADMITTED,
        /** Its user is at the limit, for the first time since one of its connections was last admitted. */
        REFUSED,
        /** Its user is still at the limit: a repeated refusal, not worth another warning. */
        REFUSED_AGAIN
    }

    private final Map<Long, Integer> open = new HashMap<>();
    /** Users refused since their last admission. */
    private final Set<Long> refused = new HashSet<>();

    /**
     * @param uid   the connecting peer's user id
     * @param limit the most connections a user may have open
     * @return whether the connection is admitted, and if not whether its user was refused before
     */
    synchronized Admission tryOpen(long uid, int limit) {
        int count = open.getOrDefault(uid, 0);
        if (count >= limit) {
            return refused.add(uid) ? Admission.REFUSED : Admission.REFUSED_AGAIN;
        }
        refused.remove(uid);
        open.put(uid, count + 1);
        return Admission.ADMITTED;
    }

    /** Counts one of the user's connections, admitted by {@link #tryOpen}, as closed. */
    synchronized void closed(long uid) {
        if (open.computeIfPresent(uid, (user, count) -> count > 1 ? count - 1 : null) == null) {
            refused.remove(uid);
        }
    }

    /** @return the connections the user has open */
    synchronized int open(long uid) {
        return open.getOrDefault(uid, 0);
    }

    /** @return how many users the accounting holds anything for */
    synchronized int users() {
        Set<Long> known = new HashSet<>(open.keySet());
        known.addAll(refused);
        return known.size();
    }
}
