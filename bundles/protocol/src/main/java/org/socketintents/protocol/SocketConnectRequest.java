package org.socketintents.protocol;

import java.net.InetSocketAddress;
import java.util.Objects;

import org.socketintents.api.Intents;

/**
 * socketconnect: the MAM resolves, decides, creates and connects the socket itself and passes the connected
 * descriptor back with its {@link SocketConnectReply}.
 *
 * @param requestId            the client's id for the request
 * @param endpoint             where to connect: unresolved (a host name for the MAM to resolve) or an address;
 *                             the port must not be 0
 * @param family               which addresses of a host name to use; ignored for an address
 * @param intents              the intents of the connection
 * @param connectTimeoutMillis how long the MAM may spend connecting, all attempts together; 0 for its default
 */
public record SocketConnectRequest(int requestId, InetSocketAddress endpoint, AddressFamily family, Intents intents,
                                   int connectTimeoutMillis) implements Message {

    /** The time the MAM spends connecting when the request does not say. */
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

    /** @throws IllegalArgumentException if the port is 0 or the timeout negative */
    public SocketConnectRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(intents, "intents");
        if (endpoint.getPort() == 0) {
            throw new IllegalArgumentException("cannot connect to port 0: " + endpoint);
        }
        if (connectTimeoutMillis < 0) {
            throw new IllegalArgumentException("negative connect timeout: " + connectTimeoutMillis);
        }
    }

    /** @return the connect timeout, the MAM's default when the request gives none */
    public int effectiveConnectTimeoutMillis() {
        return connectTimeoutMillis == 0 ? DEFAULT_CONNECT_TIMEOUT_MILLIS : connectTimeoutMillis;
    }

    @Override
    public MessageType type() {
        return MessageType.SOCKETCONNECT;
    }
}
