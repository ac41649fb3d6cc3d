package org.socketintents.resolver.internal;

import java.net.InetAddress;
import java.util.List;

import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.xbill.DNS.Name;

/**
 * One interface's answer for one name and one record type (A or AAAA), from a server or from the cache; or the two
 * combined, for a name asked for both.
 *
 * @param outcome       what it says
 * @param addresses     the addresses, when the outcome is {@link Outcome#ADDRESSES}
 * @param canonicalName the owner of the addresses after CNAMEs; null unless there are addresses
 * @param ttlSeconds    how long it may be used; 0 when it must not be cached
 * @param server        the server that gave it; null when it came from the cache or failed
 * @param error         why it, or for a combined answer one of its parts, failed; null when nothing failed
 */
record TypeAnswer(Outcome outcome, List<InetAddress> addresses, Name canonicalName, long ttlSeconds,
                  InetAddress server, String error) {

    TypeAnswer {
        addresses = List.copyOf(addresses);
    }

    static TypeAnswer failed(String error) {
        return new TypeAnswer(Outcome.FAILED, List.of(), null, 0, null, error);
    }

    boolean isNegative() {
        return outcome == Outcome.NO_SUCH_NAME || outcome == Outcome.NO_ADDRESS;
    }
}
