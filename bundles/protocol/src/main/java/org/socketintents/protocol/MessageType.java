package org.socketintents.protocol;

/** The message types of protocol version 1 and their codes on the wire. Replies have the high bit set. */
public enum MessageType {
    /** getaddrinfo: resolve a host and order its addresses. */
    RESOLVE(0x01),
    /** connect: choose source, destination and options for a connection. */
    CONNECT(0x02),
    /** Liveness check; answered by {@link #PONG}. */
    PING(0x03),
    /** The MAM's interface statistics; answered by {@link #STATS_REPLY}. */
    STATS(0x04),
    /** socketconnect: the MAM connects and passes the descriptor; answered by {@link #SOCKETCONNECT_REPLY}. */
    SOCKETCONNECT(0x05),
    RESOLVE_REPLY(0x81),
    CONNECT_REPLY(0x82),
    PONG(0x83),
    STATS_REPLY(0x84),
    SOCKETCONNECT_REPLY(0x85),
    /** Answer to a request that could not be served. */
    ERROR(0xFF);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** @return the type's code on the wire */
    public int code() {
        return code;
    }

    /**
     * @param code a code from the wire, 0 to 255
     * @return the type, or null when the code is unknown
     */
    public static MessageType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
