package org.socketintents.client.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.protocol.AddressFamily;

/** getaddrinfo with intents: the MAM's ordered addresses, or the OS resolver's when the MAM gives none. */
public final class DestinationResolver {

    private static final System.Logger LOG = System.getLogger(DestinationResolver.class.getName());

    private final MamAdvisor mam;

    /** @param mam the MAM to ask */
    public DestinationResolver(MamAdvisor mam) {
        this.mam = mam;
    }

    /**
     * @param host    a host name or address literal; null or empty means the loopback address, as in
     *                {@link InetAddress#getAllByName(String)}
     * @param port    the service port, 0 when unknown
     * @param family  which addresses are wanted
     * @param intents the intents of the connection the addresses are for
     * @return the addresses in the order to try them, never empty
     * @throws UnknownHostException     if neither the MAM nor the OS resolver knows an address of that family
     * @throws IllegalArgumentException if the port is out of range
     */
    public List<Destination> resolve(String host, int port, AddressFamily family, Intents intents)
            throws UnknownHostException {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(intents, "intents");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (host != null && !host.isEmpty()) {
            Optional<Decision> decision = mam.resolve(host, port, family, intents);
            if (decision.isPresent()) {
                List<Destination> ordered = ofFamily(decision.get().destinations().stream(), family);
                if (!ordered.isEmpty()) {
                    return ordered;
                }
                LOG.log(System.Logger.Level.DEBUG, () -> "The MAM gave no " + family + " address for " + host
                        + "; asking the OS resolver");
            }
        }
        List<Destination> resolved = ofFamily(Arrays.stream(InetAddress.getAllByName(host)).map(Destination::of), family);
        if (resolved.isEmpty()) {
            throw new UnknownHostException(host + ": no " + family + " address");
        }
        return resolved;
    }

    private static List<Destination> ofFamily(Stream<Destination> destinations, AddressFamily family) {
        return destinations.filter(d -> matches(d.address(), family)).collect(Collectors.toList());
    }

    private static boolean matches(InetAddress address, AddressFamily family) {
        switch (family) {
            case INET:
                return address instanceof Inet4Address;
            case INET6:
                return address instanceof Inet6Address;
            default:
                return true;
        }
    }
}
