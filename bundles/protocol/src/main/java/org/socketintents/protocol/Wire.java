package org.socketintents.protocol;

/** The constants of the wire format: framing, field tags and limits (docs/protocol.md). */
public final class Wire {

    /** The protocol version this implementation speaks. */
    public static final int VERSION = 1;
    /** Bytes of the length prefix. */
    public static final int LENGTH_BYTES = 4;
    /** Bytes of the header after the length prefix: version, type, flags, request id. */
    public static final int HEADER_BYTES = 8;
    /** Bytes of a field's tag and length. */
    public static final int FIELD_HEADER_BYTES = 3;
    /** Largest field value a frame can carry. */
    public static final int MAX_FIELD_BYTES = 0xFFFF;
    /** Default limit on a frame's length (everything after the length prefix). */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;
    /** Longest host name: 253 bytes, as in DNS. */
    public static final int MAX_HOST_BYTES = 253;
    /** Longest interface name accepted. */
    public static final int MAX_INTERFACE_NAME_BYTES = 64;
    /** Most destinations one decision carries. */
    public static final int MAX_DESTINATIONS = 128;
    /** Longest reason or error message, in bytes; longer ones are cut. */
    public static final int MAX_TEXT_BYTES = 1024;
    /** Largest value of a u32 field. */
    public static final long MAX_U32 = 0xFFFF_FFFFL;

    // Field tags; docs/protocol.md lists their value formats.
    static final int HOST = 0x01;
    static final int PORT = 0x02;
    static final int FAMILY = 0x03;
    static final int REMOTE = 0x04;
    static final int BOUND_SOURCE = 0x05;
    static final int CONNECT_TIMEOUT = 0x06;
    static final int LOCAL = 0x07;
    static final int INTERFACE = 0x08;
    /** Standard intent n (1 to 7, the order of Table 1) has tag INTENT_BASE + n. */
    static final int INTENT_BASE = 0x10;
    static final int CUSTOM_INTENT = 0x18;
    static final int SOURCE_INTERFACE = 0x20;
    static final int SOURCE_ADDRESS = 0x21;
    static final int DESTINATION = 0x22;
    static final int TRANSPORT = 0x23;
    static final int OPTION = 0x24;
    static final int REASON = 0x25;
    static final int POLICY = 0x26;
    static final int OUTCOME = 0x27;
    static final int TRANSPORT_USED = 0x28;
    static final int FALLBACK_REASON = 0x29;
    static final int EPOCH = 0x2A;
    static final int REUSE = 0x2B;
    static final int ERROR_CODE = 0x30;
    static final int ERROR_MESSAGE = 0x31;
    static final int VERSIONS = 0x32;
    static final int STALE_AFTER = 0x40;
    static final int SCOPE = 0x41;
    static final int OMITTED = 0x42;

    private Wire() {
    }

    /**
     * @param host a host name
     * @return whether the wire can carry it: 1 to {@value #MAX_HOST_BYTES} UTF-8 bytes, no space or control character
     */
    public static boolean isValidHostName(String host) {
        return host != null && Names.isValid(host, MAX_HOST_BYTES);
    }

    /**
     * @param name an interface name
     * @return whether the wire can carry it: 1 to {@value #MAX_INTERFACE_NAME_BYTES} UTF-8 bytes, no space or
     *         control character
     */
    public static boolean isValidInterfaceName(String name) {
        return name != null && Names.isValid(name, MAX_INTERFACE_NAME_BYTES);
    }
}
