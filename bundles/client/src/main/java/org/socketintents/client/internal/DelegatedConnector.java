package org.socketintents.client.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.socketintents.api.Intents;
import org.socketintents.client.MamClientConfig;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.MessageType;
import org.socketintents.protocol.SocketConnectReply;
import org.socketintents.protocol.SocketConnectRequest;
import org.socketintents.protocol.Wire;

/**
 * The delegated connect: the MAM connects and passes the descriptor (SOCKETCONNECT); whenever it cannot (absent,
 * slow, an error, or this process cannot receive descriptors) the connection is made here, the OS default way.
 *
 * <p>The application's timeout bounds connecting, as for an {@code IntentSocket}: the MAM is given it (or its
 * default of {@value SocketConnectRequest#DEFAULT_CONNECT_TIMEOUT_MILLIS} ms) and the library waits that long plus
 * its resolve and request bounds for the answer; a connection made here gets the timeout again, so that a MAM
 * that could not help never costs the application a connection the OS would have made. junixsocket is first
 * touched here, and only if its native library works.
 */
public final class DelegatedConnector {

    private static final System.Logger LOG = System.getLogger(DelegatedConnector.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final MamAdvisor mam;
    private final MamClientConfig config;

    /**
     * @param mam    the MAM to ask
     * @param config its client's bounds
     */
    public DelegatedConnector(MamAdvisor mam, MamClientConfig config) {
        this.mam = mam;
        this.config = config;
    }

    /**
     * @param endpoint      where to connect; may be unresolved
     * @param intents       the connection's intents
     * @param timeoutMillis the application's timeout for everything; 0 for none
     * @return a connected socket, the MAM's or one of this process
     */
    public Socket socket(InetSocketAddress endpoint, Intents intents, int timeoutMillis) throws IOException {
        Optional<ReceivedConnection> received = delegate(endpoint, intents, timeoutMillis);
        if (received.isPresent()) {
            try {
                return received.get().socket();
            } catch (IOException e) {
                adoptionFailed(received.get(), e);
            }
        }
        Socket socket = new Socket();
        try {
            socket.connect(resolved(endpoint), timeoutMillis);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * @param endpoint      where to connect; may be unresolved
     * @param intents       the connection's intents
     * @param timeoutMillis the application's timeout for everything; 0 for none
     * @return a connected channel in blocking mode, the MAM's or one of this process
     */
    public SocketChannel channel(InetSocketAddress endpoint, Intents intents, int timeoutMillis) throws IOException {
        Optional<ReceivedConnection> received = delegate(endpoint, intents, timeoutMillis);
        if (received.isPresent()) {
            try {
                return received.get().channel();
            } catch (IOException e) {
                adoptionFailed(received.get(), e);
            }
        }
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(resolved(endpoint), timeoutMillis);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** @return the MAM's connection; empty when the caller connects itself */
    private Optional<ReceivedConnection> delegate(InetSocketAddress endpoint, Intents intents, int timeoutMillis)
            throws IOException {
        if (endpoint.isUnresolved() && !Wire.isValidHostName(endpoint.getHostString())) {
            return Optional.empty(); // the OS resolver will reject it as it should
        }
        if (!DescriptorPassing.isSupported()) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "Socket Intents: delegated connects need junixsocket's native"
                        + " library, which does not work here; connecting without the MAM");
            }
            return Optional.empty();
        }
        int mamTimeout = timeoutMillis > 0 ? timeoutMillis : SocketConnectRequest.DEFAULT_CONNECT_TIMEOUT_MILLIS;
        Duration bound = config.resolveTimeout().plus(config.timeout()).plusMillis(mamTimeout);
        try (DescriptorExchange exchange = new DescriptorExchange()) {
            return mam.ask(id -> new SocketConnectRequest(id, endpoint, AddressFamily.ANY, intents, timeoutMillis),
                            MessageType.SOCKETCONNECT_REPLY, bound, exchange)
                    .map(reply -> new ReceivedConnection(exchange.take(), (SocketConnectReply) reply));
        }
    }

    private static void adoptionFailed(ReceivedConnection received, IOException failure) throws IOException {
        LOG.log(System.Logger.Level.WARNING, "Socket Intents: cannot adopt the connection the MAM made ("
                + failure + "); connecting without the MAM");
        received.close();
    }

    private static InetSocketAddress resolved(InetSocketAddress endpoint) {
        return endpoint.isUnresolved() ? new InetSocketAddress(endpoint.getHostString(), endpoint.getPort())
                : endpoint;
    }
}
