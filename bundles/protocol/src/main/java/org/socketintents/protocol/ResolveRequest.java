package org.socketintents.protocol;

import java.util.Objects;

import org.socketintents.api.Intents;

/**
 * getaddrinfo with intents: resolve {@code host} and return its addresses in the policy's order.
 *
 * @param requestId the client's id for the request
 * @param host      the host name, 1 to {@value Wire#MAX_HOST_BYTES} bytes
 * @param port      the service port the addresses are for, 0 when unknown
 * @param family    which address families are wanted
 * @param intents   the intents set on the socket context
 */
public record ResolveRequest(int requestId, String host, int port, AddressFamily family, Intents intents)
        implements Message {

    public ResolveRequest {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(intents, "intents");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.RESOLVE;
    }
}
