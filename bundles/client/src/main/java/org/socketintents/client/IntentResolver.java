package org.socketintents.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

import org.socketintents.api.Intents;
import org.socketintents.api.policy.Destination;
import org.socketintents.client.internal.DestinationResolver;
import org.socketintents.protocol.AddressFamily;

/**
 * Name resolution with intents, the library's getaddrinfo: the MAM resolves the host (over the interfaces and
 * DNS servers it is configured with) and its policy orders the addresses for the connection the intents
 * describe. Without a usable MAM the answer is {@link InetAddress#getAllByName(String)}'s, in its order.
 */
public final class IntentResolver {

    private IntentResolver() {
    }

    /**
     * @param host    a host name or address literal; null or empty for the loopback address
     * @param intents the intents of the connection the addresses are for
     * @return the addresses in the order to try them, each tagged with the interface it was learned on when
     *         the MAM knows it; never empty
     * @throws UnknownHostException if the host has no address
     */
    public static List<Destination> resolve(String host, Intents intents) throws UnknownHostException {
        return resolve(host, 0, AddressFamily.ANY, intents);
    }

    /**
     * @param host    a host name or address literal; null or empty for the loopback address
     * @param port    the service port the addresses are for (policies may use it), 0 when unknown
     * @param family  which addresses are wanted
     * @param intents the intents of the connection the addresses are for
     * @return the addresses of that family in the order to try them; never empty
     * @throws UnknownHostException     if the host has no address of that family
     * @throws IllegalArgumentException if the port is out of range
     */
    public static List<Destination> resolve(String host, int port, AddressFamily family, Intents intents)
            throws UnknownHostException {
        return resolve(host, port, family, intents, MamClient.getDefault());
    }

    /**
     * As {@link #resolve(String, int, AddressFamily, Intents)} for addresses of any family, asking the given MAM
     * client.
     *
     * @param mam the MAM client
     */
    public static List<Destination> resolve(String host, int port, Intents intents, MamClient mam)
            throws UnknownHostException {
        return resolve(host, port, AddressFamily.ANY, intents, mam);
    }

    /**
     * As {@link #resolve(String, int, AddressFamily, Intents)}, asking the given MAM client.
     *
     * @param mam the MAM client
     */
    public static List<Destination> resolve(String host, int port, AddressFamily family, Intents intents,
                                            MamClient mam) throws UnknownHostException {
        return new DestinationResolver(Objects.requireNonNull(mam, "mam").advisor())
                .resolve(host, port, family, intents);
    }
}
