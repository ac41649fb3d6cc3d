package org.socketintents.siget.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.socketintents.api.policy.Transport;

/**
 * Which connection one exchange used: its local and remote address, the interface of the local address, whether
 * it was opened for the exchange or reused from the pool, and the transport it runs over.
 *
 * @param local         the local end
 * @param remote        the remote end
 * @param interfaceName the name of the interface holding the local address; empty when none does
 * @param reused        whether the connection was kept alive from an earlier exchange
 * @param transport     the transport it runs over: MPTCP only when the MAM opened an MPTCP connection and the
 *                      server spoke MPTCP
 */
public record ConnectionFacts(InetSocketAddress local, InetSocketAddress remote, String interfaceName,
                              boolean reused, Transport transport) {

    private static final Map<InetAddress, String> INTERFACE_NAMES = new ConcurrentHashMap<>();

    /**
     * @param context the context of an exchange that has been sent
     * @return the facts; empty when the exchange got no connection
     */
    public static Optional<ConnectionFacts> of(HttpCoreContext context) {
        EndpointDetails endpoint = context.getEndpointDetails();
        if (endpoint == null || !(endpoint.getLocalAddress() instanceof InetSocketAddress)) {
            return Optional.empty();
        }
        InetSocketAddress local = (InetSocketAddress) endpoint.getLocalAddress();
        SocketAddress remote = endpoint.getRemoteAddress();
        return Optional.of(new ConnectionFacts(local,
                remote instanceof InetSocketAddress ? (InetSocketAddress) remote : null,
                INTERFACE_NAMES.computeIfAbsent(local.getAddress(), ConnectionFacts::interfaceName),
                !NewConnections.opened(context), ConnectionTransport.of(context).orElse(Transport.TCP)));
    }

    /** The interface holding the address, or else the one whose prefix contains it (127.0.0.2 is on lo). */
    private static String interfaceName(InetAddress address) {
        try {
            NetworkInterface holder = NetworkInterface.getByInetAddress(address);
            if (holder != null) {
                return holder.getName();
            }
            return NetworkInterface.networkInterfaces()
                    .filter(nic -> nic.getInterfaceAddresses().stream().anyMatch(prefix -> contains(prefix, address)))
                    .map(NetworkInterface::getName).findFirst().orElse("");
        } catch (SocketException e) {
            return "";
        }
    }

    private static boolean contains(InterfaceAddress prefix, InetAddress address) {
        byte[] network = prefix.getAddress().getAddress();
        byte[] candidate = address.getAddress();
        if (network.length != candidate.length) {
            return false;
        }
        int bits = prefix.getNetworkPrefixLength();
        for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((network[i] & mask) != (candidate[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
