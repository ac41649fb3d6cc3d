package org.socketintents.protocol;

/**
 * Error codes of an {@link ErrorReply}. After a fatal error the MAM closes the connection, because it can no
 * longer trust its framing; after any other it keeps serving the connection.
 */
public enum ErrorCode {
    /** A frame or field could not be parsed. Fatal. */
    MALFORMED(1, true),
    /** A frame was longer than the MAM's message size limit. Fatal. */
    MESSAGE_TOO_LARGE(2, true),
    /** The frame's protocol version is not one the MAM speaks; the reply names the versions it does. Fatal. */
    UNSUPPORTED_VERSION(3, true),
    /** The message type is unknown, or is a reply type sent as a request. Fatal. */
    UNKNOWN_TYPE(4, true),
    /** The MAM's allow-list does not admit the connecting process's user or group. Fatal. */
    FORBIDDEN(5, true),
    /** The host name could not be resolved. */
    RESOLUTION_FAILED(16, false),
    /** The MAM could not connect on the client's behalf: no destination answered in time. */
    CONNECT_FAILED(17, false),
    /** The MAM could not serve the request because of a fault of its own. */
    INTERNAL(32, false),
    /** The MAM refuses the request because a limit is reached (clients, pending requests). */
    OVERLOADED(33, false),
    /** The MAM lacks a service the request needs (the statistics collector, native sockets, descriptor passing). */
    UNAVAILABLE(34, false);

    private final int code;
    private final boolean fatal;

    ErrorCode(int code, boolean fatal) {
        this.code = code;
        this.fatal = fatal;
    }

    /** @return the code on the wire */
    public int code() {
        return code;
    }

    /** @return whether the MAM closes the connection after sending this error */
    public boolean isFatal() {
        return fatal;
    }

    /**
     * @param code a code from the wire
     * @return the error code, or {@link #INTERNAL} for a code this version does not know
     */
    public static ErrorCode ofCode(int code) {
        for (ErrorCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        return INTERNAL;
    }
}
