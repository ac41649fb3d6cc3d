package org.socketintents.protocol;

import java.util.Objects;

/**
 * The MAM's answer to a request it could not serve.
 *
 * @param requestId the request's id, or 0 when the request could not be read
 * @param code      what went wrong
 * @param message   a human-readable explanation, for logs
 */
public record ErrorReply(int requestId, ErrorCode code, String message) implements Message {

    public ErrorReply {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
    }

    @Override
    public MessageType type() {
        return MessageType.ERROR;
    }
}
