package org.socketintents.api.policy;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A destination address, tagged with the interface it was learned on when the resolver knows it (CDNs
 * answer differently per access network, so an address learned on one interface is best reached over it).
 *
 * @param address   the address
 * @param learnedOn the name of the interface whose DNS servers gave this address, or null when unknown
 */
public record Destination(InetAddress address, String learnedOn) {

    public Destination {
        Objects.requireNonNull(address, "address");
    }

    /**
     * @param address an address whose origin is unknown
     * @return an untagged destination
     */
    public static Destination of(InetAddress address) {
        return new Destination(address, null);
    }

    /** @return the interface the address was learned on, if known */
    public Optional<String> interfaceLearnedOn() {
        return Optional.ofNullable(learnedOn);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + (learnedOn == null ? "" : "@" + learnedOn);
    }
}
