package org.socketintents.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.Objects;

import org.socketintents.api.Intents;
import org.socketintents.client.internal.DelegatedConnector;

/**
 * Connections the MAM opens on the application's behalf (the protocol's SOCKETCONNECT, the paper successor's
 * {@code socketconnect}): the MAM resolves the host, lets its policy decide, creates the socket (MPTCP when the
 * policy says so), connects, and passes the connected descriptor to this process, where it becomes an ordinary
 * {@link Socket} or blocking {@link SocketChannel}. Their address getters give {@link InetSocketAddress}es; closing
 * them closes the descriptor; when the MAM made them they also implement {@link DelegatedConnection}.
 * <pre>{@code
 * try (Socket s = IntentConnections.socket(InetSocketAddress.createUnresolved("example.org", 80),
 *         Intents.builder().category(Category.BULK_TRANSFER).build(), 5_000)) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Intents stay advisory: when the MAM is absent, slow or answers with an error, or this platform cannot
 * receive descriptors (junixsocket's native library, embedded in this library, does not load), the library
 * connects itself the OS default way. The timeout bounds connecting, not waiting for the MAM: the MAM is given it
 * for its attempts, the library waits that long plus its {@link MamClientConfig} bounds for the MAM's answer, and
 * its own attempt gets the timeout again. Applications that create their own sockets use {@link IntentSocket}
 * instead.
 */
public final class IntentConnections {

    private IntentConnections() {
    }

    /**
     * @param endpoint      where to connect: unresolved (the MAM resolves the host) or an address
     * @param intents       the intents of the connection
     * @param timeoutMillis the connect timeout in milliseconds, for the MAM's attempts and again for the library's
     *                      own if the MAM could not help; 0 for none (the MAM then takes at most its default of 10 s)
     * @return a connected socket
     * @throws IOException if the connection fails (the local attempt's failure when the MAM could not help)
     */
    public static Socket socket(InetSocketAddress endpoint, Intents intents, int timeoutMillis) throws IOException {
        return socket(endpoint, intents, timeoutMillis, MamClient.getDefault());
    }

    /**
     * As {@link #socket(InetSocketAddress, Intents, int)}, asking the given MAM client.
     *
     * @param mam the MAM client
     */
    public static Socket socket(InetSocketAddress endpoint, Intents intents, int timeoutMillis, MamClient mam)
            throws IOException {
        return connector(mam).socket(checked(endpoint, timeoutMillis), intents, timeoutMillis);
    }

    /**
     * @param endpoint      where to connect: unresolved (the MAM resolves the host) or an address
     * @param intents       the intents of the connection
     * @param timeoutMillis the connect timeout in milliseconds, as for {@link #socket(InetSocketAddress, Intents, int)}
     * @return a connected channel in blocking mode. One the MAM made cannot be registered with a
     *         {@link java.nio.channels.Selector} ({@link java.nio.channels.IllegalSelectorException}).
     * @throws IOException if the connection fails (the local attempt's failure when the MAM could not help)
     */
    public static SocketChannel channel(InetSocketAddress endpoint, Intents intents, int timeoutMillis)
            throws IOException {
        return channel(endpoint, intents, timeoutMillis, MamClient.getDefault());
    }

    /**
     * As {@link #channel(InetSocketAddress, Intents, int)}, asking the given MAM client.
     *
     * @param mam the MAM client
     */
    public static SocketChannel channel(InetSocketAddress endpoint, Intents intents, int timeoutMillis,
                                        MamClient mam) throws IOException {
        return connector(mam).channel(checked(endpoint, timeoutMillis), intents, timeoutMillis);
    }

    private static DelegatedConnector connector(MamClient mam) {
        return new DelegatedConnector(Objects.requireNonNull(mam, "mam").advisor(), mam.config());
    }

    private static InetSocketAddress checked(InetSocketAddress endpoint, int timeoutMillis) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.getPort() == 0) {
            throw new IllegalArgumentException("cannot connect to port 0: " + endpoint);
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("negative timeout: " + timeoutMillis);
        }
        return endpoint;
    }
}
