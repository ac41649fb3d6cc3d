package org.socketintents.protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.socketintents.api.Intent;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.SuggestedOption;
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
        Fields fields = new Fields(body, requestId);
        switch (type) {
            case RESOLVE:
                return decodeResolve(fields, requestId);
            case CONNECT:
                return decodeConnect(fields, requestId);
            case PING:
                fields.skipAll();
                return new Ping(requestId);
            case PONG:
                fields.skipAll();
                return new Pong(requestId);
            case RESOLVE_REPLY:
            case CONNECT_REPLY:
                return decodeDecision(fields, requestId, type);
            case ERROR:
                return decodeError(fields, requestId);
            default:
                throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, requestId, "unhandled type " + type);
        }
    }

    private static ResolveRequest decodeResolve(Fields f, int requestId) throws ProtocolException {
        String host = null;
        int port = 0;
        AddressFamily family = AddressFamily.ANY;
        Intents.Builder intents = Intents.builder();
        while (f.next()) {
            switch (f.tag) {
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
                    family = AddressFamily.ofCode(f.u8());
                    if (family == null) {
                        throw f.malformed("unknown address family");
                    }
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

    private static ConnectRequest decodeConnect(Fields f, int requestId) throws ProtocolException {
        InetSocketAddress remote = null;
        InetSocketAddress bound = null;
        String host = null;
        Intents.Builder intents = Intents.builder();
        while (f.next()) {
            switch (f.tag) {
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

    private static DecisionReply decodeDecision(Fields f, int requestId, MessageType type) throws ProtocolException {
        Decision.Builder decision = Decision.builder();
        String policy = "";
        DecisionOutcome outcome = null;
        int destinations = 0;
        while (f.next()) {
            switch (f.tag) {
                case Wire.SOURCE_INTERFACE:
                    f.once();
                    decision.sourceInterface(f.interfaceName());
                    break;
                case Wire.SOURCE_ADDRESS:
                    f.once();
                    decision.sourceAddress(f.address(f.length));
                    break;
                case Wire.DESTINATION:
                    if (++destinations > Wire.MAX_DESTINATIONS) {
                        throw f.malformed("more than " + Wire.MAX_DESTINATIONS + " destinations");
                    }
                    decision.addDestination(f.destination());
                    break;
                case Wire.TRANSPORT:
                    f.once();
                    Object transport = EnumCodes.value(Transport.class, f.u8());
                    if (transport == null) {
                        throw f.malformed("unknown transport");
                    }
                    decision.transport((Transport) transport);
                    break;
                case Wire.OPTION:
                    f.option(decision);
                    break;
                case Wire.REASON:
                    f.once();
                    decision.reason(f.text(Wire.MAX_TEXT_BYTES));
                    break;
                case Wire.POLICY:
                    f.once();
                    policy = f.text(Wire.MAX_TEXT_BYTES);
                    break;
                case Wire.OUTCOME:
                    f.once();
                    outcome = DecisionOutcome.ofCode(f.u8());
                    if (outcome == null) {
                        throw f.malformed("unknown decision outcome");
                    }
                    break;
                default:
                    f.skip();
            }
        }
        if (outcome == null) {
            throw f.malformed(type + " without an OUTCOME field");
        }
        return new DecisionReply(requestId, type, decision.build(), policy, outcome);
    }

    private static ErrorReply decodeError(Fields f, int requestId) throws ProtocolException {
        ErrorCode code = null;
        String message = "";
        while (f.next()) {
            switch (f.tag) {
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

    /** A cursor over the fields of one frame. */
    private static final class Fields {
        private final ByteBuffer in;
        private final int requestId;
        /** What may occur once per frame and was read: field tags, suggested options, custom intent names. */
        private final Set<Object> seen = new HashSet<>();
        private int tag;
        private int length;
        private int end;

        Fields(ByteBuffer in, int requestId) {
            this.in = in;
            this.requestId = requestId;
        }

        boolean next() throws ProtocolException {
            if (end > 0 && in.position() != end) {
                throw malformed("field 0x" + Integer.toHexString(tag) + " has trailing bytes");
            }
            if (!in.hasRemaining()) {
                return false;
            }
            if (in.remaining() < Wire.FIELD_HEADER_BYTES) {
                throw malformed("truncated field header");
            }
            tag = in.get() & 0xFF;
            length = in.getShort() & 0xFFFF;
            if (length > in.remaining()) {
                throw malformed("field 0x" + Integer.toHexString(tag) + " of length " + length
                        + " runs past the end of the frame");
            }
            end = in.position() + length;
            return true;
        }

        void skip() {
            in.position(end);
        }

        void skipAll() throws ProtocolException {
            while (next()) {
                skip();
            }
        }

        /** Refuses a second occurrence of the current field, for the fields that may appear only once. */
        void once() throws ProtocolException {
            once(tag, "field 0x" + Integer.toHexString(tag));
        }

        private void once(Object key, String what) throws ProtocolException {
            if (!seen.add(key)) {
                throw malformed(what + " appears twice");
            }
        }

        int u8() throws ProtocolException {
            expectLength(1);
            return in.get() & 0xFF;
        }

        int u16() throws ProtocolException {
            expectLength(2);
            return in.getShort() & 0xFFFF;
        }

        long u64() throws ProtocolException {
            expectLength(8);
            return in.getLong();
        }

        private void expectLength(int expected) throws ProtocolException {
            if (length != expected) {
                throw malformed("field 0x" + Integer.toHexString(tag) + " must have " + expected
                        + " bytes, has " + length);
            }
        }

        String text(int maxBytes) throws ProtocolException {
            return text(length, maxBytes);
        }

        private String text(int bytes, int maxBytes) throws ProtocolException {
            if (bytes > maxBytes) {
                throw malformed("text field 0x" + Integer.toHexString(tag) + " longer than " + maxBytes + " bytes");
            }
            ByteBuffer slice = in.slice();
            slice.limit(bytes);
            in.position(in.position() + bytes);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer chars = decoder.decode(slice);
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw malformed("field 0x" + Integer.toHexString(tag) + " is not valid UTF-8");
            }
        }

        String hostName() throws ProtocolException {
            return name(length, Wire.MAX_HOST_BYTES, "host name");
        }

        String interfaceName() throws ProtocolException {
            return name(length, Wire.MAX_INTERFACE_NAME_BYTES, "interface name");
        }

        private String name(int bytes, int maxBytes, String what) throws ProtocolException {
            if (bytes == 0) {
                throw malformed("empty " + what);
            }
            String name = text(bytes, maxBytes);
            if (!Names.isPrintable(name)) {
                throw malformed(what + " contains a space or control character");
            }
            return name;
        }

        InetAddress address(int available) throws ProtocolException {
            if (available < 1) {
                throw malformed("address without a family byte");
            }
            int family = in.get() & 0xFF;
            int bytes = family == 4 ? 4 : family == 6 ? 16 : -1;
            if (bytes < 0) {
                throw malformed("unknown address family " + family);
            }
            if (available - 1 < bytes) {
                throw malformed("truncated IPv" + family + " address");
            }
            byte[] raw = new byte[bytes];
            in.get(raw);
            try {
                return InetAddress.getByAddress(raw);
            } catch (UnknownHostException e) {
                throw malformed("bad address");
            }
        }

        InetSocketAddress socketAddress() throws ProtocolException {
            InetAddress address = address(length - 2);
            if (in.position() + 2 != end) {
                throw malformed("socket address field has the wrong length");
            }
            return new InetSocketAddress(address, in.getShort() & 0xFFFF);
        }

        Destination destination() throws ProtocolException {
            InetAddress address = address(length);
            int tagBytes = end - in.position();
            if (tagBytes == 0) {
                return Destination.of(address);
            }
            return new Destination(address, name(tagBytes, Wire.MAX_INTERFACE_NAME_BYTES, "interface name"));
        }

        void option(Decision.Builder decision) throws ProtocolException {
            expectLength(5);
            int number = in.get() & 0xFF;
            int value = in.getInt();
            SuggestedOption option = SuggestedOption.ofNumber(number);
            if (option == null) {
                return; // an option of a newer protocol revision: advisory, so ignored
            }
            once(option, "option " + option);
            if (!option.accepts(value)) {
                throw malformed(option + " does not accept " + value);
            }
            decision.option(option, value);
        }

        /** @return whether the field was an intent (and was read) */
        boolean intent(Intents.Builder intents) throws ProtocolException {
            if (tag == Wire.CUSTOM_INTENT) {
                customIntent(intents);
                return true;
            }
            int number = tag - Wire.INTENT_BASE;
            Intent<?> intent = Intent.standard(number).orElse(null);
            if (intent == null) {
                return false;
            }
            once(tag, "intent " + intent.name());
            try {
                if (intent.type() == Long.class) {
                    long value = u64();
                    if (value < 0) {
                        throw malformed("intent " + intent.name() + " out of range: " + Long.toUnsignedString(value));
                    }
                    intents.set(asLong(intent), value);
                } else {
                    int code = u8();
                    Object value = EnumCodes.value(intent.type(), code);
                    if (value == null) {
                        throw malformed("unknown value " + code + " for intent " + intent.name());
                    }
                    setUnchecked(intents, intent, value);
                }
            } catch (IllegalArgumentException e) {
                throw malformed(e.getMessage());
            }
            return true;
        }

        private void customIntent(Intents.Builder intents) throws ProtocolException {
            if (length < 1) {
                throw malformed("custom intent without a name length");
            }
            int nameBytes = in.get() & 0xFF;
            if (nameBytes == 0 || nameBytes > length - 1) {
                throw malformed("custom intent name length " + nameBytes + " does not fit the field");
            }
            String name = text(nameBytes, Intent.MAX_CUSTOM_NAME_BYTES);
            String value = text(end - in.position(), Intent.MAX_CUSTOM_VALUE_BYTES);
            once(name, "custom intent " + name);
            try {
                intents.set(Intent.custom(name), value);
            } catch (IllegalArgumentException e) {
                throw malformed(e.getMessage());
            }
        }

        @SuppressWarnings("unchecked")
        private static Intent<Long> asLong(Intent<?> intent) {
            return (Intent<Long>) intent;
        }

        @SuppressWarnings("unchecked")
        private static <T> void setUnchecked(Intents.Builder intents, Intent<T> intent, Object value) {
            intents.set(intent, (T) value);
        }

        ProtocolException malformed(String message) {
            return new ProtocolException(ErrorCode.MALFORMED, requestId, message);
        }
    }
}
