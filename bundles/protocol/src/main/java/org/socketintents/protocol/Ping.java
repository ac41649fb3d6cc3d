package org.socketintents.protocol;

/**
 * Liveness check.
 *
 * @param requestId the client's id for it
 */
public record Ping(int requestId) implements Message {
    @Override
    public MessageType type() {
        return MessageType.PING;
    }
}
