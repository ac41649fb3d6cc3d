package org.socketintents.protocol;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.socketintents.api.Intent;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;

/**
 * Writes messages as frames. Stateless and thread-safe; the caller owns the buffer.
 */
public final class MessageEncoder {

    private MessageEncoder() {
    }

    /**
     * Appends one frame, length prefix included, at the buffer's position.
     *
     * @param message the message
     * @param out     a buffer with room for the frame
     * @throws IllegalArgumentException if the frame does not fit in the buffer's remaining space, or the message
     *                                  holds a host or interface name the wire cannot carry; the buffer's
     *                                  position is then unchanged
     */
    public static void encode(Message message, ByteBuffer out) {
        int start = out.position();
        boolean written = false;
        try {
            out.putInt(0);
            out.put((byte) Wire.VERSION);
            out.put((byte) message.type().code());
            out.putShort((short) 0);
            out.putInt(message.requestId());
            writeBody(message, out);
            written = true;
        } catch (BufferOverflowException e) {
            throw new IllegalArgumentException("message does not fit in " + (out.limit() - start) + " bytes: "
                    + message.type());
        } finally {
            if (!written) {
                out.position(start);
            }
        }
        out.putInt(start, out.position() - start - Wire.LENGTH_BYTES);
    }

    /**
     * @param message the message
     * @return a new buffer holding its frame, flipped for reading
     */
    public static ByteBuffer encode(Message message) {
        ByteBuffer buffer = ByteBuffer.allocate(Wire.LENGTH_BYTES + 64 * 1024);
        encode(message, buffer);
        return buffer.flip();
    }

    private static void writeBody(Message message, ByteBuffer out) {
        if (message instanceof ResolveRequest) {
            ResolveRequest r = (ResolveRequest) message;
            putName(out, Wire.HOST, r.host(), Wire.MAX_HOST_BYTES);
            if (r.port() != 0) {
                putU16Field(out, Wire.PORT, r.port());
            }
            if (r.family() != AddressFamily.ANY) {
                putU8Field(out, Wire.FAMILY, r.family().code());
            }
            putIntents(out, r.intents());
        } else if (message instanceof ConnectRequest) {
            ConnectRequest c = (ConnectRequest) message;
            putSocketAddress(out, Wire.REMOTE, c.remote());
            if (c.host() != null) {
                putName(out, Wire.HOST, c.host(), Wire.MAX_HOST_BYTES);
            }
            if (c.boundSource() != null) {
                putSocketAddress(out, Wire.BOUND_SOURCE, c.boundSource());
            }
            putIntents(out, c.intents());
        } else if (message instanceof StatsRequest) {
            StatsRequest r = (StatsRequest) message;
            if (r.interfaceName() != null) {
                putName(out, Wire.INTERFACE, r.interfaceName(), Wire.MAX_INTERFACE_NAME_BYTES);
            }
        } else if (message instanceof SocketConnectRequest) {
            putSocketConnect(out, (SocketConnectRequest) message);
        } else if (message instanceof DecisionReply) {
            DecisionReply r = (DecisionReply) message;
            putDecision(out, r.decision(), r.policy(), r.outcome());
            if (r.reuse().allowed()) {
                fieldHeader(out, Wire.EPOCH, 8);
                out.putLong(r.reuse().epoch());
                fieldHeader(out, Wire.REUSE, 4);
                out.putInt((int) r.reuse().millis());
            }
        } else if (message instanceof SocketConnectReply) {
            SocketConnectReply r = (SocketConnectReply) message;
            putDecision(out, r.decision(), r.policy(), r.outcome());
            putSocketAddress(out, Wire.LOCAL, r.local());
            putSocketAddress(out, Wire.REMOTE, r.remote());
            putU8Field(out, Wire.TRANSPORT_USED, EnumCodes.code(r.transport()));
            if (!r.fallbackReason().isEmpty()) {
                putText(out, Wire.FALLBACK_REASON, r.fallbackReason());
            }
        } else if (message instanceof StatsReply) {
            putStats(out, (StatsReply) message);
        } else if (message instanceof ErrorReply) {
            ErrorReply e = (ErrorReply) message;
            putU16Field(out, Wire.ERROR_CODE, e.code().code());
            if (!e.message().isEmpty()) {
                putText(out, Wire.ERROR_MESSAGE, e.message());
            }
            if (e.code() == ErrorCode.UNSUPPORTED_VERSION) {
                fieldHeader(out, Wire.VERSIONS, 2);
                out.put((byte) Wire.VERSION).put((byte) Wire.VERSION);
            }
        }
        // Ping and Pong have no fields.
    }

    private static void putSocketConnect(ByteBuffer out, SocketConnectRequest request) {
        InetSocketAddress endpoint = request.endpoint();
        if (endpoint.isUnresolved()) {
            putName(out, Wire.HOST, endpoint.getHostString(), Wire.MAX_HOST_BYTES);
            putU16Field(out, Wire.PORT, endpoint.getPort());
        } else {
            putSocketAddress(out, Wire.REMOTE, endpoint);
        }
        if (request.family() != AddressFamily.ANY) {
            putU8Field(out, Wire.FAMILY, request.family().code());
        }
        if (request.connectTimeoutMillis() != 0) {
            fieldHeader(out, Wire.CONNECT_TIMEOUT, 4);
            out.putInt(request.connectTimeoutMillis());
        }
        putIntents(out, request.intents());
    }

    private static void putDecision(ByteBuffer out, Decision d, String policy, DecisionOutcome outcome) {
        if (d.sourceInterface().isPresent()) {
            putName(out, Wire.SOURCE_INTERFACE, d.sourceInterface().get(), Wire.MAX_INTERFACE_NAME_BYTES);
        }
        if (d.sourceAddress().isPresent()) {
            InetAddress a = d.sourceAddress().get();
            fieldHeader(out, Wire.SOURCE_ADDRESS, addressBytes(a));
            putAddress(out, a);
        }
        int count = 0;
        for (Destination destination : d.destinations()) {
            if (count++ == Wire.MAX_DESTINATIONS) {
                break;
            }
            // The interface tag is a hint: one the wire cannot carry is left out rather than failing the reply.
            String learnedOn = destination.learnedOn();
            byte[] tag = learnedOn == null || !Names.isValid(learnedOn, Wire.MAX_INTERFACE_NAME_BYTES) ? new byte[0]
                    : learnedOn.getBytes(StandardCharsets.UTF_8);
            fieldHeader(out, Wire.DESTINATION, addressBytes(destination.address()) + tag.length);
            putAddress(out, destination.address());
            out.put(tag);
        }
        if (d.transport() != Transport.TCP) {
            putU8Field(out, Wire.TRANSPORT, EnumCodes.code(d.transport()));
        }
        for (Map.Entry<SuggestedOption, Integer> option : d.options().entrySet()) {
            fieldHeader(out, Wire.OPTION, 5);
            out.put((byte) option.getKey().number());
            out.putInt(option.getValue());
        }
        if (!d.reason().isEmpty()) {
            putText(out, Wire.REASON, d.reason());
        }
        if (!policy.isEmpty()) {
            putText(out, Wire.POLICY, policy);
        }
        putU8Field(out, Wire.OUTCOME, outcome.code());
    }

    private static void putStats(ByteBuffer out, StatsReply reply) {
        fieldHeader(out, Wire.STALE_AFTER, 4);
        out.putInt((int) reply.staleAfterMillis());
        for (StatsScope scope : reply.scopes()) {
            int bytes = StatsCodec.fieldBytes(scope);
            if (bytes < 0) {
                throw new IllegalArgumentException("the wire cannot carry the names of scope " + scope.kind() + " "
                        + scope.interfaceName());
            }
            fieldHeader(out, Wire.SCOPE, bytes - Wire.FIELD_HEADER_BYTES);
            StatsCodec.put(out, scope);
        }
        if (reply.omitted() > 0) {
            putU16Field(out, Wire.OMITTED, reply.omitted());
        }
    }

    private static void putIntents(ByteBuffer out, Intents intents) {
        for (Intent<?> intent : Intent.standard()) {
            Object value = intents.get(intent).orElse(null);
            if (value == null) {
                continue;
            }
            int tag = Wire.INTENT_BASE + intent.number();
            if (value instanceof Long) {
                fieldHeader(out, tag, 8);
                out.putLong((Long) value);
            } else {
                putU8Field(out, tag, EnumCodes.code(value));
            }
        }
        for (Map.Entry<String, String> custom : intents.custom().entrySet()) {
            byte[] name = custom.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = custom.getValue().getBytes(StandardCharsets.UTF_8);
            fieldHeader(out, Wire.CUSTOM_INTENT, 1 + name.length + value.length);
            out.put((byte) name.length).put(name).put(value);
        }
    }

    private static void putSocketAddress(ByteBuffer out, int tag, InetSocketAddress address) {
        InetAddress a = address.getAddress();
        fieldHeader(out, tag, addressBytes(a) + 2);
        putAddress(out, a);
        out.putShort((short) address.getPort());
    }

    static int addressBytes(InetAddress address) {
        return 1 + address.getAddress().length;
    }

    static void putAddress(ByteBuffer out, InetAddress address) {
        out.put((byte) (address instanceof Inet4Address ? 4 : 6));
        out.put(address.getAddress());
    }

    private static void putU8Field(ByteBuffer out, int tag, int value) {
        fieldHeader(out, tag, 1);
        out.put((byte) value);
    }

    private static void putU16Field(ByteBuffer out, int tag, int value) {
        fieldHeader(out, tag, 2);
        out.putShort((short) value);
    }

    /** Writes a host or interface name, refusing one that the receiver would reject. */
    private static void putName(ByteBuffer out, int tag, String name, int maxBytes) {
        if (!Names.isValid(name, maxBytes)) {
            throw new IllegalArgumentException("not a name of 1 to " + maxBytes
                    + " UTF-8 bytes without spaces or control characters: '" + name + "'");
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        fieldHeader(out, tag, bytes.length);
        out.put(bytes);
    }

    /** Writes free text as UTF-8, cut at a character boundary if longer than {@link Wire#MAX_TEXT_BYTES}. */
    private static void putText(ByteBuffer out, int tag, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        if (length > Wire.MAX_TEXT_BYTES) {
            length = Wire.MAX_TEXT_BYTES;
            while (length > 0 && (bytes[length] & 0xC0) == 0x80) {
                length--;
            }
        }
        fieldHeader(out, tag, length);
        out.put(bytes, 0, length);
    }

    private static void fieldHeader(ByteBuffer out, int tag, int length) {
        out.put((byte) tag);
        out.putShort((short) length);
    }
}
