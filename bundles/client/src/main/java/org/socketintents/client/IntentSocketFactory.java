package org.socketintents.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

import javax.net.SocketFactory;

import org.socketintents.api.Intents;

/**
 * A {@link SocketFactory} whose sockets are {@link IntentSocket}s carrying a fixed set of intents, for
 * libraries that accept a socket factory (HTTP clients, mail, database drivers):
 * <pre>{@code
 * SocketFactory bulk = new IntentSocketFactory(Intents.builder().category(Category.BULK_TRANSFER).build());
 * }</pre>
 *
 * <p>The {@code createSocket} methods that take a host name resolve it through the MAM and try its addresses
 * in the policy's order. Those that take a local address bind it, and the policy keeps it; a null local
 * address with local port 0 binds nothing, so the policy chooses the source. Thread-safe.
 */
public final class IntentSocketFactory extends SocketFactory {

    private final Intents intents;
    private final MamClient mam;

    /** @param intents the intents every socket gets */
    public IntentSocketFactory(Intents intents) {
        this(intents, MamClient.getDefault());
    }

    /**
     * @param intents the intents every socket gets
     * @param mam     the MAM client the sockets ask
     */
    public IntentSocketFactory(Intents intents, MamClient mam) {
        this.intents = Objects.requireNonNull(intents, "intents");
        this.mam = Objects.requireNonNull(mam, "mam");
    }

    /** @return the intents every socket gets */
    public Intents intents() {
        return intents;
    }

    /** @return an unconnected socket with the factory's intents; more intents may be set before connect */
    @Override
    public IntentSocket createSocket() throws IOException {
        return new IntentSocket(intents, mam);
    }

    /**
     * @param host a host name, resolved through the MAM; null for the loopback address
     */
    @Override
    public IntentSocket createSocket(String host, int port) throws IOException {
        return connected(remote(host, port), null, 0);
    }

    /**
     * @param host      a host name, resolved through the MAM; null for the loopback address
     * @param localHost the local address to bind, or null for any
     * @param localPort the local port to bind, or 0 for any
     */
    @Override
    public IntentSocket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(remote(host, port), localHost, localPort);
    }

    @Override
    public IntentSocket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(Objects.requireNonNull(host, "host"), port), null, 0);
    }

    /**
     * @param localAddress the local address to bind, or null for any
     * @param localPort    the local port to bind, or 0 for any
     */
    @Override
    public IntentSocket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(Objects.requireNonNull(address, "address"), port), localAddress,
                localPort);
    }

    private static InetSocketAddress remote(String host, int port) {
        return host == null ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port)
                : InetSocketAddress.createUnresolved(host, port);
    }

    private IntentSocket connected(InetSocketAddress remote, InetAddress localAddress, int localPort)
            throws IOException {
        IntentSocket socket = createSocket();
        try {
            if (localAddress != null || localPort != 0) {
                socket.bind(new InetSocketAddress(localAddress, localPort));
            }
            socket.connect(remote);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "IntentSocketFactory" + intents;
    }
}
