package org.socketintents.protocol;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.socketintents.api.Intents;
import org.socketintents.api.policy.Transport;

/**
 * Parses frames into messages, strictly: anything that does not follow docs/protocol.md is a
 * {@link ProtocolException} carrying the error code to answer with. Unknown field tags are skipped, so that
 * a newer peer can add fields. Stateless and thread-safe.
 */
public final class MessageDecoder {

    private MessageDecoder() {
    }

    /**
     * Checks a frame's length prefix.
     *
     * @param length        the length read from the prefix, an unsigned 32-bit number
     * @param maxFrameBytes the receiver's limit
     * @throws ProtocolException if the frame is shorter than a header or longer than the limit
     */
    public static void checkLength(int length, int maxFrameBytes) throws ProtocolException {
        long unsigned = Integer.toUnsignedLong(length);
        if (unsigned < Wire.HEADER_BYTES) {
            throw new ProtocolException(ErrorCode.MALFORMED, 0,
                    "frame length " + unsigned + " is shorter than the " + Wire.HEADER_BYTES + "-byte header");
        }
        if (unsigned > maxFrameBytes) {
            throw new ProtocolException(ErrorCode.MESSAGE_TOO_LARGE, 0,
                    "frame length " + unsigned + " exceeds the limit of " + maxFrameBytes + " bytes");
        }
    }

    /**
     * @param body the frame without its length prefix, from position to limit
     * @return the message
     * @throws ProtocolException if the frame breaks the protocol
     */
    public static Message decode(ByteBuffer body) throws ProtocolException {
        if (body.remaining() < Wire.HEADER_BYTES) {
            throw new ProtocolException(ErrorCode.MALFORMED, 0, "frame shorter than its header");
        }
        int version = body.get() & 0xFF;
        int typeCode = body.get() & 0xFF;
        body.getShort(); // flags: reserved, ignored in version 1
        int requestId = body.getInt();
        if (version != Wire.VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, requestId,
                    "protocol version " + version + " is not supported; this MAM speaks version " + Wire.VERSION);
        }
        MessageType type = MessageType.ofCode(typeCode);
        if (type == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, requestId,
                    "unknown message type 0x" + Integer.toHexString(typeCode));
        }
        FieldReader fields = new FieldReader(body, requestId);
        switch (type) {
            case RESOLVE:
                return decodeResolve(fields, requestId);
            case CONNECT:
                return decodeConnect(fields, requestId);
            case PING:
                fields.skipAll();
                return new Ping(requestId);
            case STATS:
                return decodeStats(fields, requestId);
            case SOCKETCONNECT:
                return decodeSocketConnect(fields, requestId);
            case PONG:
                fields.skipAll();
                return new Pong(requestId);
            case RESOLVE_REPLY:
            case CONNECT_REPLY:
                return decodeDecision(fields, requestId, type);
            case STATS_REPLY:
                return decodeStatsReply(fields, requestId);
            case SOCKETCONNECT_REPLY:
                return decodeSocketConnectReply(fields, requestId);
            case ERROR:
                return decodeError(fields, requestId);
            default:
                throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, requestId, "unhandled type " + type);
        }
    }

    private static ResolveRequest decodeResolve(FieldReader f, int requestId) throws ProtocolException {
        String host = null;
        int port = 0;
        AddressFamily family = AddressFamily.ANY;
        Intents.Builder intents = Intents.builder();
        while (f.next()) {
            switch (f.tag()) {
                case Wire.HOST:
                    f.once();
                    host = f.hostName();
                    break;
                case Wire.PORT:
                    f.once();
                    port = f.u16();
                    break;
                case Wire.FAMILY:
                    f.once();
                    family = f.family();
                    break;
                default:
                    if (!f.intent(intents)) {
                        f.skip();
                    }
            }
        }
        if (host == null) {
            throw f.malformed("RESOLVE without a HOST field");
        }
        return new ResolveRequest(requestId, host, port, family, intents.build());
    }

    private static ConnectRequest decodeConnect(FieldReader f, int requestId) throws ProtocolException {
        InetSocketAddress remote = null;
        InetSocketAddress bound = null;
        String host = null;
        Intents.Builder intents = Intents.builder();
        while (f.next()) {
            switch (f.tag()) {
                case Wire.REMOTE:
                    f.once();
                    remote = f.socketAddress();
                    break;
                case Wire.BOUND_SOURCE:
                    f.once();
                    bound = f.socketAddress();
                    break;
                case Wire.HOST:
                    f.once();
                    host = f.hostName();
                    break;
                default:
                    if (!f.intent(intents)) {
                        f.skip();
                    }
            }
        }
        if (remote == null) {
            throw f.malformed("CONNECT without a REMOTE field");
        }
        return new ConnectRequest(requestId, remote, host, bound, intents.build());
    }

    private static DecisionReply decodeDecision(FieldReader f, int requestId, MessageType type)
            throws ProtocolException {
        DecisionFields decision = new DecisionFields();
        Long epoch = null;
        long reuseMillis = 0;
        boolean reuseRead = false;
        while (f.next()) {
            switch (f.tag()) {
                case Wire.EPOCH:
                    f.once();
                    epoch = f.u64();
                    break;
                case Wire.REUSE:
                    f.once();
                    reuseMillis = f.u32();
                    reuseRead = true;
                    break;
                default:
                    if (!decision.read(f)) {
                        f.skip();
                    }
            }
        }
        if (reuseRead != (epoch != null)) {
            throw f.malformed(type + " with " + (reuseRead ? "REUSE but no EPOCH" : "EPOCH but no REUSE"));
        }
        DecisionReuse reuse = reuseRead ? new DecisionReuse(epoch, reuseMillis) : DecisionReuse.NONE;
        return new DecisionReply(requestId, type, decision.decision(), decision.policy(), decision.outcome(f, type),
                reuse);
    }

    private static SocketConnectRequest decodeSocketConnect(FieldReader f, int requestId) throws ProtocolException {
        String host = null;
        int port = 0;
        InetSocketAddress remote = null;
        AddressFamily family = AddressFamily.ANY;
        int timeout = 0;
        Intents.Builder intents = Intents.builder();
        while (f.next()) {
            switch (f.tag()) {
                case Wire.HOST:
                    f.once();
                    host = f.hostName();
                    break;
                case Wire.PORT:
                    f.once();
                    port = f.u16();
                    break;
                case Wire.REMOTE:
                    f.once();
                    remote = f.socketAddress();
                    break;
                case Wire.FAMILY:
                    f.once();
                    family = f.family();
                    break;
                case Wire.CONNECT_TIMEOUT:
                    f.once();
                    long millis = f.u32();
                    if (millis == 0 || millis > Integer.MAX_VALUE) {
                        throw f.malformed("connect timeout out of range: " + millis + " ms");
                    }
                    timeout = (int) millis;
                    break;
                default:
                    if (!f.intent(intents)) {
                        f.skip();
                    }
            }
        }
        if ((host == null) == (remote == null)) {
            throw f.malformed("SOCKETCONNECT needs either a HOST or a REMOTE field");
        }
        InetSocketAddress endpoint = remote;
        if (host != null) {
            endpoint = InetSocketAddress.createUnresolved(host, port);
        } else if (port != 0) {
            throw f.malformed("SOCKETCONNECT with a REMOTE takes its port from it, not from a PORT field");
        }
        if (endpoint.getPort() == 0) {
            throw f.malformed("SOCKETCONNECT to port 0");
        }
        return new SocketConnectRequest(requestId, endpoint, family, intents.build(), timeout);
    }

    private static SocketConnectReply decodeSocketConnectReply(FieldReader f, int requestId)
            throws ProtocolException {
        DecisionFields decision = new DecisionFields();
        InetSocketAddress local = null;
        InetSocketAddress remote = null;
        Transport transport = null;
        String fallbackReason = "";
        while (f.next()) {
            if (decision.read(f)) {
                continue;
            }
            switch (f.tag()) {
                case Wire.LOCAL:
                    f.once();
                    local = f.socketAddress();
                    break;
                case Wire.REMOTE:
                    f.once();
                    remote = f.socketAddress();
                    break;
                case Wire.TRANSPORT_USED:
                    f.once();
                    transport = DecisionFields.transport(f);
                    break;
                case Wire.FALLBACK_REASON:
                    f.once();
                    fallbackReason = f.text(Wire.MAX_TEXT_BYTES).replace('\r', ' ').replace('\n', ' ');
                    break;
                default:
                    f.skip();
            }
        }
        if (local == null || remote == null || transport == null) {
            throw f.malformed("SOCKETCONNECT_REPLY needs LOCAL, REMOTE and TRANSPORT_USED fields");
        }
        return new SocketConnectReply(requestId, decision.decision(), decision.policy(),
                decision.outcome(f, MessageType.SOCKETCONNECT_REPLY), local, remote, transport, fallbackReason);
    }

    private static StatsRequest decodeStats(FieldReader f, int requestId) throws ProtocolException {
        String interfaceName = null;
        while (f.next()) {
            if (f.tag() == Wire.INTERFACE) {
                f.once();
                interfaceName = f.interfaceName();
            } else {
                f.skip();
            }
        }
        return new StatsRequest(requestId, interfaceName);
    }

    private static StatsReply decodeStatsReply(FieldReader f, int requestId) throws ProtocolException {
        long staleAfter = 0;
        List<StatsScope> scopes = new ArrayList<>();
        int omitted = 0;
        while (f.next()) {
            switch (f.tag()) {
                case Wire.STALE_AFTER:
                    f.once();
                    staleAfter = f.u32();
                    break;
                case Wire.SCOPE:
                    scopes.add(StatsCodec.read(f));
                    break;
                case Wire.OMITTED:
                    f.once();
                    omitted = f.u16();
                    break;
                default:
                    f.skip();
            }
        }
        return new StatsReply(requestId, staleAfter, scopes, omitted);
    }

    private static ErrorReply decodeError(FieldReader f, int requestId) throws ProtocolException {
        ErrorCode code = null;
        String message = "";
        while (f.next()) {
            switch (f.tag()) {
                case Wire.ERROR_CODE:
                    f.once();
                    code = ErrorCode.ofCode(f.u16());
                    break;
                case Wire.ERROR_MESSAGE:
                    f.once();
                    message = f.text(Wire.MAX_TEXT_BYTES);
                    break;
                default:
                    f.skip();
            }
        }
        if (code == null) {
            throw f.malformed("ERROR without an ERROR_CODE field");
        }
        return new ErrorReply(requestId, code, message);
    }
}
