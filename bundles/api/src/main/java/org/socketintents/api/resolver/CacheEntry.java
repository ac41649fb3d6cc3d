package org.socketintents.api.resolver;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.socketintents.api.net.AddressFamily;

/**
 * One cached answer: what an interface's DNS servers said about one name and record type.
 *
 * @param interfaceName the interface whose servers gave the answer
 * @param name          the absolute name asked, e.g. {@code www.example.org.}
 * @param family        {@link AddressFamily#INET} for A records, {@link AddressFamily#INET6} for AAAA
 * @param outcome       {@code ADDRESSES}, {@code NO_SUCH_NAME} or {@code NO_ADDRESS} (failures are never cached)
 * @param addresses     the addresses when the outcome is {@code ADDRESSES}
 * @param canonicalName the name the addresses belong to after CNAMEs; null for a negative answer
 * @param remainingTtl  how much longer the entry is used
 */
public record CacheEntry(String interfaceName, String name, AddressFamily family, InterfaceAnswer.Outcome outcome,
                         List<InetAddress> addresses, String canonicalName, Duration remainingTtl) {

    public CacheEntry {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(outcome, "outcome");
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(remainingTtl, "remainingTtl");
    }

    @Override
    public String toString() {
        return interfaceName + " " + name + " " + (family == AddressFamily.INET ? "A" : "AAAA") + " " + outcome
                + Resolution.hostAddresses(addresses) + " " + remainingTtl.toSeconds() + " s left";
    }
}
