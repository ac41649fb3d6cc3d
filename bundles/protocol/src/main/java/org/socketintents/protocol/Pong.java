package org.socketintents.protocol;

/**
 * Answer to a {@link Ping}.
 *
 * @param requestId the ping's id
 */
public record Pong(int requestId) implements Message {
    @Override
    public MessageType type() {
        return MessageType.PONG;
    }
}
