package org.socketintents.mam.internal;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Which peers may use the MAM beyond what the socket file's permissions allow: those whose user is listed or
 * whose primary group is; everyone when nothing is listed.
 *
 * @param uids allowed user ids
 * @param gids allowed group ids
 */
record PeerAllowList(Set<Long> uids, Set<Long> gids) {

    /** No list: the socket file's permissions alone decide. */
    static final PeerAllowList ANYONE = new PeerAllowList(Set.of(), Set.of());

    PeerAllowList {
        uids = Set.copyOf(uids);
        gids = Set.copyOf(gids);
    }

    /**
     * @param users    user names or ids
     * @param groups   group names or ids
     * @param accounts to look the names up
     * @return the list
     * @throws IllegalArgumentException naming the first unknown user or group
     */
    static PeerAllowList of(String[] users, String[] groups, Accounts accounts) {
        return new PeerAllowList(ids(users, accounts::user, "user"), ids(groups, accounts::group, "group"));
    }

    private static Set<Long> ids(String[] names, Function<String, OptionalLong> lookup, String kind) {
        Set<Long> ids = new HashSet<>();
        for (String entry : names) {
            // a .cfg file gives one string: "alice, bob 1001"
            for (String name : entry.trim().split("[,\\s]+")) {
                if (!name.isEmpty()) {
                    ids.add(lookup.apply(name).orElseThrow(
                            () -> new IllegalArgumentException("no " + kind + " '" + name + "' is known")));
                }
            }
        }
        return ids;
    }

    /** @return whether the peer may use the MAM */
    boolean admits(PeerCredentials peer) {
        return uids.isEmpty() && gids.isEmpty() || uids.contains(peer.uid()) || gids.contains(peer.gid());
    }
}
