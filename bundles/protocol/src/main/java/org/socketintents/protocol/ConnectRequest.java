package org.socketintents.protocol;

import java.net.InetSocketAddress;
import java.util.Objects;

import org.socketintents.api.Intents;

/**
 * connect with intents: choose the source (and confirm the destination and options) for a connection to
 * {@code remote}.
 *
 * @param requestId   the client's id for the request
 * @param remote      the resolved address and port the application connects to
 * @param host        the host name the address was resolved from, or null
 * @param boundSource the local address the application bound the socket to itself, or null
 * @param intents     the intents set on the socket
 */
public record ConnectRequest(int requestId, InetSocketAddress remote, String host, InetSocketAddress boundSource,
                             Intents intents) implements Message {

    public ConnectRequest {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(intents, "intents");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("remote address must be resolved: " + remote);
        }
        if (boundSource != null && boundSource.isUnresolved()) {
            throw new IllegalArgumentException("bound source must be resolved: " + boundSource);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.CONNECT;
    }
}
