package org.socketintents.siget.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.UnsupportedSchemeException;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Opens HttpClient's connections for the routes the {@link IntentRoutePlanner} planned: over the transport of the
 * decision the route was planned by, from the route's local address, carrying the intents of the request that
 * needs the connection ({@link DecidedSockets}); https is TLS layered on that socket.
 *
 * <p>Of HttpClient's socket settings only the read timeout is applied: the other options are left to the
 * policy's suggestions and the OS, as the intents are meant to.
 */
public final class IntentConnectionOperator implements HttpClientConnectionOperator {

    private final DecidedSockets sockets;
    private final TlsSocketStrategy tls;

    /**
     * @param sockets opens the sockets as the routes' decisions say
     * @param tls     how https connections are secured
     */
    IntentConnectionOperator(DecidedSockets sockets, TlsSocketStrategy tls) {
        this.sockets = sockets;
        this.tls = tls;
    }

    @Override
    public void connect(ManagedHttpClientConnection conn, HttpHost host, NamedEndpoint endpointName,
                        Path unixDomainSocket, InetSocketAddress localAddress, Timeout connectTimeout,
                        SocketConfig socketConfig, Object attachment, HttpContext context) throws IOException {
        if (unixDomainSocket != null) {
            throw new UnsupportedSchemeException("siget connects over TCP only, not to " + unixDomainSocket);
        }
        Socket socket = sockets.connect(remote(host), localAddress,
                connectTimeout == null ? 0 : connectTimeout.toMillisecondsIntBound(), context);
        try {
            if (socketConfig.getSoTimeout() != null && socketConfig.getSoTimeout().isEnabled()) {
                socket.setSoTimeout(socketConfig.getSoTimeout().toMillisecondsIntBound());
            }
            conn.bind(socket);
            if (URIScheme.HTTPS.same(host.getSchemeName())) {
                secure(conn, socket, endpointName != null ? endpointName : host, attachment, context);
            }
            NewConnections.mark(context);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void connect(ManagedHttpClientConnection conn, HttpHost host, NamedEndpoint endpointName,
                        InetSocketAddress localAddress, Timeout connectTimeout, SocketConfig socketConfig,
                        Object attachment, HttpContext context) throws IOException {
        connect(conn, host, endpointName, null, localAddress, connectTimeout, socketConfig, attachment, context);
    }

    @Override
    public void connect(ManagedHttpClientConnection conn, HttpHost host, InetSocketAddress localAddress,
                        TimeValue connectTimeout, SocketConfig socketConfig, HttpContext context) throws IOException {
        connect(conn, host, host, null, localAddress,
                connectTimeout == null ? null : Timeout.of(connectTimeout.toDuration()), socketConfig, null, context);
    }

    /** Secures a connection through a proxy tunnel; siget plans no proxy routes, but the contract includes it. */
    @Override
    public void upgrade(ManagedHttpClientConnection conn, HttpHost host, NamedEndpoint endpointName,
                        Object attachment, HttpContext context) throws IOException {
        Socket socket = conn.getSocket();
        if (socket == null) {
            throw new ConnectionClosedException("Connection is closed");
        }
        secure(conn, socket, endpointName != null ? endpointName : host, attachment, context);
    }

    @Override
    public void upgrade(ManagedHttpClientConnection conn, HttpHost host, HttpContext context) throws IOException {
        upgrade(conn, host, host, null, context);
    }

    private void secure(ManagedHttpClientConnection conn, Socket socket, NamedEndpoint endpoint, Object attachment,
                        HttpContext context) throws IOException {
        SSLSocket secured = tls.upgrade(socket, endpoint.getHostName(), TargetPort.of("https", endpoint.getPort()),
                attachment, context);
        conn.bind(secured, socket);
    }

    /** The route's resolved address; a host without one is resolved by the socket, through the MAM. */
    private static InetSocketAddress remote(HttpHost host) {
        int port = TargetPort.of(host);
        return host.getAddress() != null ? new InetSocketAddress(host.getAddress(), port)
                : InetSocketAddress.createUnresolved(host.getHostName(), port);
    }
}
