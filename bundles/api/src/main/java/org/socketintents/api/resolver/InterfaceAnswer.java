package org.socketintents.api.resolver;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one interface's DNS servers answered for a host name.
 *
 * @param interfaceName the interface whose servers were asked
 * @param outcome       what the answer says
 * @param addresses     the addresses, A records before AAAA; empty unless the outcome is
 *                      {@link Outcome#ADDRESSES}
 * @param canonicalName the name the addresses belong to after search-list expansion and CNAMEs, absolute
 *                      (e.g. {@code cdn.example.net.}); null when the name was not found or the lookup failed
 * @param ttl           how long the answer may be used: the smallest TTL along the CNAME chain, of the address
 *                      records and, for A and AAAA asked together, of the other record type's answer; for a negative
 *                      answer its negative-caching TTL; zero when it must not be reused
 * @param latency       from the start of the resolution until this interface's answer was complete
 * @param fromCache     whether every part of the answer came from the cache, without asking a server
 * @param server        the server whose reply completed the answer; null when it came from the cache or failed
 * @param error         why the interface gave no addresses, or, when it gave some, why part of the lookup (e.g. the
 *                      AAAA query) failed; null when nothing failed
 */
public record InterfaceAnswer(String interfaceName, Outcome outcome, List<InetAddress> addresses,
                              String canonicalName, Duration ttl, Duration latency, boolean fromCache,
                              InetAddress server, String error) {

    /** What an interface's answer says about the name. */
    public enum Outcome {
        /** The name has addresses of the wanted family. */
        ADDRESSES,
        /** The name does not exist (NXDOMAIN) under any name the search list made of it. */
        NO_SUCH_NAME,
        /** The name exists but has no address of the wanted family (NODATA). */
        NO_ADDRESS,
        /** No usable answer: servers timed out, failed, refused or answered garbage. Never cached. */
        FAILED
    }

    public InterfaceAnswer {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(outcome, "outcome");
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(latency, "latency");
        if (addresses.isEmpty() == (outcome == Outcome.ADDRESSES)) {
            throw new IllegalArgumentException("an answer has addresses exactly when its outcome is ADDRESSES");
        }
    }

    /** @return whether this interface resolved the name to at least one address */
    public boolean hasAddresses() {
        return outcome == Outcome.ADDRESSES;
    }

    @Override
    public String toString() {
        return interfaceName + " " + outcome + Resolution.hostAddresses(addresses)
                + " in " + latency.toMillis() + " ms" + (fromCache ? " (cache)" : "")
                + (error == null ? "" : " (" + error + ")");
    }
}
