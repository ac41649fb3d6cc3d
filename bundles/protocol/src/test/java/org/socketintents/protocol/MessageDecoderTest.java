package org.socketintents.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.protocol.Frame.bytes;
import static org.socketintents.protocol.Frame.concat;
import static org.socketintents.protocol.Frame.utf8;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketintents.api.Category;
import org.socketintents.api.Intent;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.FigureSource;

class MessageDecoderTest {

    private static final int ID = 0x0A0B0C0D;
    private static final int CATEGORY = Wire.INTENT_BASE + Intent.CATEGORY.number();
    private static final int FILE_SIZE = Wire.INTENT_BASE + Intent.FILE_SIZE.number();
    private static final byte[] IPV4_PORT = bytes(4, 192, 0, 2, 1, 0x01, 0xBB);

    private static Frame resolve() {
        return Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "example.com");
    }

    private static Frame connect() {
        return Frame.of(MessageType.CONNECT, ID).field(Wire.REMOTE, IPV4_PORT);
    }

    private static Frame reply() {
        return Frame.of(MessageType.CONNECT_REPLY, ID).u8(Wire.OUTCOME, 0);
    }

    private static byte[] custom(String name, String value) {
        byte[] n = utf8(name);
        return concat(bytes(n.length), n, utf8(value));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // framing
                Arguments.of("truncated field header", Frame.of(MessageType.PING, ID).raw(0x7F, 0x00)),
                Arguments.of("field length past the end", Frame.of(MessageType.RESOLVE, ID)
                        .fieldDeclaring(Wire.HOST, 20, utf8("short"))),
                Arguments.of("unknown field length past the end", Frame.of(MessageType.PING, ID)
                        .fieldDeclaring(0x7F, 0xFFFF, bytes(1, 2, 3))),
                // fixed lengths
                Arguments.of("PORT with 3 bytes", resolve().field(Wire.PORT, bytes(0, 80, 0))),
                Arguments.of("PORT with 1 byte", resolve().field(Wire.PORT, bytes(80))),
                Arguments.of("FAMILY with 2 bytes", resolve().field(Wire.FAMILY, bytes(0, 4))),
                Arguments.of("category with 2 bytes", resolve().field(CATEGORY, bytes(0, 1))),
                Arguments.of("filesize with 4 bytes", resolve().field(FILE_SIZE, bytes(0, 0, 0, 1))),
                Arguments.of("OUTCOME without value", Frame.of(MessageType.RESOLVE_REPLY, ID).field(Wire.OUTCOME)),
                Arguments.of("TRANSPORT with 2 bytes", reply().field(Wire.TRANSPORT, bytes(0, 1))),
                Arguments.of("OPTION with 4 bytes", reply().field(Wire.OPTION, bytes(1, 0, 0, 1))),
                Arguments.of("OPTION with 6 bytes", reply().field(Wire.OPTION, bytes(1, 0, 0, 0, 1, 0))),
                Arguments.of("EPOCH with 4 bytes", reply().field(Wire.EPOCH, bytes(0, 0, 0, 1))
                        .field(Wire.REUSE, bytes(0, 0, 0, 1))),
                Arguments.of("REUSE with 8 bytes", reply().u64(Wire.EPOCH, 7).u64(Wire.REUSE, 1)),
                Arguments.of("EPOCH without REUSE", reply().u64(Wire.EPOCH, 7)),
                Arguments.of("REUSE without EPOCH", reply().field(Wire.REUSE, bytes(0, 0, 0, 1))),
                Arguments.of("duplicate EPOCH", reply().u64(Wire.EPOCH, 7).u64(Wire.EPOCH, 7)
                        .field(Wire.REUSE, bytes(0, 0, 0, 1))),
                Arguments.of("ERROR_CODE with 1 byte", Frame.of(MessageType.ERROR, ID).field(Wire.ERROR_CODE, bytes(1))),
                Arguments.of("REMOTE with truncated IPv4", Frame.of(MessageType.CONNECT, ID)
                        .field(Wire.REMOTE, bytes(4, 192, 0, 2, 1, 0))),
                Arguments.of("REMOTE without port", Frame.of(MessageType.CONNECT, ID)
                        .field(Wire.REMOTE, bytes(4, 192, 0, 2, 1))),
                Arguments.of("REMOTE with trailing byte", Frame.of(MessageType.CONNECT, ID)
                        .field(Wire.REMOTE, concat(IPV4_PORT, bytes(0)))),
                Arguments.of("REMOTE empty", Frame.of(MessageType.CONNECT, ID).field(Wire.REMOTE)),
                Arguments.of("REMOTE IPv6 with 4 address bytes", Frame.of(MessageType.CONNECT, ID)
                        .field(Wire.REMOTE, bytes(6, 192, 0, 2, 1, 0, 80))),
                Arguments.of("SOURCE_ADDRESS with trailing byte", reply()
                        .field(Wire.SOURCE_ADDRESS, bytes(4, 192, 0, 2, 1, 9))),
                Arguments.of("SOURCE_ADDRESS empty", reply().field(Wire.SOURCE_ADDRESS)),
                Arguments.of("DESTINATION with truncated IPv6", reply()
                        .field(Wire.DESTINATION, bytes(6, 0x20, 0x01, 0x0d, 0xb8))),
                // duplicates
                Arguments.of("duplicate HOST", resolve().text(Wire.HOST, "example.org")),
                Arguments.of("duplicate HOST with same value", resolve().text(Wire.HOST, "example.com")),
                Arguments.of("duplicate HOST in CONNECT", connect().text(Wire.HOST, "a").text(Wire.HOST, "b")),
                Arguments.of("duplicate PORT", resolve().u16(Wire.PORT, 80).u16(Wire.PORT, 443)),
                Arguments.of("duplicate FAMILY", resolve().u8(Wire.FAMILY, 4).u8(Wire.FAMILY, 4)),
                Arguments.of("duplicate REMOTE", connect().field(Wire.REMOTE, IPV4_PORT)),
                Arguments.of("duplicate BOUND_SOURCE", connect().field(Wire.BOUND_SOURCE, IPV4_PORT)
                        .field(Wire.BOUND_SOURCE, IPV4_PORT)),
                Arguments.of("duplicate category", resolve().u8(CATEGORY, 1).u8(CATEGORY, 2)),
                Arguments.of("duplicate filesize", connect().u64(FILE_SIZE, 1).u64(FILE_SIZE, 1)),
                Arguments.of("duplicate custom intent", resolve().field(Wire.CUSTOM_INTENT, custom("x", "1"))
                        .field(Wire.CUSTOM_INTENT, custom("x", "2"))),
                Arguments.of("duplicate OUTCOME", reply().u8(Wire.OUTCOME, 1)),
                Arguments.of("duplicate SOURCE_INTERFACE", reply().text(Wire.SOURCE_INTERFACE, "eth0")
                        .text(Wire.SOURCE_INTERFACE, "eth1")),
                Arguments.of("duplicate SOURCE_ADDRESS", reply().field(Wire.SOURCE_ADDRESS, bytes(4, 1, 2, 3, 4))
                        .field(Wire.SOURCE_ADDRESS, bytes(4, 1, 2, 3, 4))),
                Arguments.of("duplicate TRANSPORT", reply().u8(Wire.TRANSPORT, 0).u8(Wire.TRANSPORT, 1)),
                Arguments.of("duplicate REASON", reply().text(Wire.REASON, "a").text(Wire.REASON, "b")),
                Arguments.of("duplicate POLICY", reply().text(Wire.POLICY, "a").text(Wire.POLICY, "b")),
                Arguments.of("duplicate option number", reply().field(Wire.OPTION, bytes(1, 0, 0, 0, 1))
                        .field(Wire.OPTION, bytes(1, 0, 0, 0, 0))),
                Arguments.of("duplicate ERROR_CODE", Frame.of(MessageType.ERROR, ID).u16(Wire.ERROR_CODE, 32)
                        .u16(Wire.ERROR_CODE, 33)),
                Arguments.of("duplicate ERROR_MESSAGE", Frame.of(MessageType.ERROR, ID).u16(Wire.ERROR_CODE, 32)
                        .text(Wire.ERROR_MESSAGE, "a").text(Wire.ERROR_MESSAGE, "b")),
                // required fields
                Arguments.of("RESOLVE without HOST", Frame.of(MessageType.RESOLVE, ID).u16(Wire.PORT, 80)),
                Arguments.of("CONNECT without REMOTE", Frame.of(MessageType.CONNECT, ID).text(Wire.HOST, "a.example")),
                Arguments.of("RESOLVE_REPLY without OUTCOME", Frame.of(MessageType.RESOLVE_REPLY, ID)
                        .text(Wire.REASON, "no outcome")),
                Arguments.of("CONNECT_REPLY without OUTCOME", Frame.of(MessageType.CONNECT_REPLY, ID)),
                Arguments.of("ERROR without ERROR_CODE", Frame.of(MessageType.ERROR, ID).text(Wire.ERROR_MESSAGE, "x")),
                // text
                Arguments.of("host with invalid UTF-8", Frame.of(MessageType.RESOLVE, ID).field(Wire.HOST, bytes(0xC3, 0x28))),
                Arguments.of("host with overlong UTF-8", Frame.of(MessageType.RESOLVE, ID)
                        .field(Wire.HOST, bytes('a', 0xC0, 0xAF))),
                Arguments.of("host with encoded surrogate", Frame.of(MessageType.RESOLVE, ID)
                        .field(Wire.HOST, bytes(0xED, 0xA0, 0x80))),
                Arguments.of("host with truncated sequence", Frame.of(MessageType.RESOLVE, ID)
                        .field(Wire.HOST, bytes('a', 0xE2, 0x82))),
                Arguments.of("reason with invalid UTF-8", reply().field(Wire.REASON, bytes('o', 'k', 0xFF))),
                Arguments.of("policy with invalid UTF-8", reply().field(Wire.POLICY, bytes(0x80))),
                Arguments.of("error message with invalid UTF-8", Frame.of(MessageType.ERROR, ID)
                        .u16(Wire.ERROR_CODE, 1).field(Wire.ERROR_MESSAGE, bytes(0xF8, 0x88, 0x80, 0x80, 0x80))),
                Arguments.of("custom value with invalid UTF-8", resolve()
                        .field(Wire.CUSTOM_INTENT, bytes(1, 'x', 0xFE))),
                Arguments.of("custom name with invalid UTF-8", resolve()
                        .field(Wire.CUSTOM_INTENT, bytes(1, 0xC3, 'v'))),
                Arguments.of("destination tag with invalid UTF-8", reply()
                        .field(Wire.DESTINATION, bytes(4, 1, 2, 3, 4, 0xC3))),
                Arguments.of("empty host", Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "")),
                Arguments.of("host with space", Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "exa mple.com")),
                Arguments.of("host with NUL", Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "example.com\0")),
                Arguments.of("host with control char", Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "a\u0001b")),
                Arguments.of("host with newline", Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "a\nb")),
                Arguments.of("host with tab", Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "a\tb")),
                Arguments.of("host with DEL", Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "a\u007Fb")),
                Arguments.of("host with C1 control", Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "a\u0085b")),
                Arguments.of("host with ideographic space", Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "a\u3000b")),
                Arguments.of("CONNECT host with space", connect().text(Wire.HOST, "a b")),
                Arguments.of("host of 254 bytes", Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, "a".repeat(254))),
                Arguments.of("host of 254 bytes in 2-byte chars", Frame.of(MessageType.RESOLVE, ID)
                        .text(Wire.HOST, "ü".repeat(127))),
                Arguments.of("empty source interface", reply().text(Wire.SOURCE_INTERFACE, "")),
                Arguments.of("source interface of 65 bytes", reply().text(Wire.SOURCE_INTERFACE, "e".repeat(65))),
                Arguments.of("source interface with space", reply().text(Wire.SOURCE_INTERFACE, "eth 0")),
                Arguments.of("destination tag of 65 bytes", reply()
                        .field(Wire.DESTINATION, concat(bytes(4, 1, 2, 3, 4), utf8("e".repeat(65))))),
                Arguments.of("destination tag with control char", reply()
                        .field(Wire.DESTINATION, concat(bytes(4, 1, 2, 3, 4), utf8("eth\u00010")))),
                Arguments.of("reason of 1025 bytes", reply().text(Wire.REASON, "r".repeat(1025))),
                Arguments.of("policy of 1025 bytes", reply().text(Wire.POLICY, "p".repeat(1025))),
                Arguments.of("error message of 1025 bytes", Frame.of(MessageType.ERROR, ID).u16(Wire.ERROR_CODE, 1)
                        .text(Wire.ERROR_MESSAGE, "m".repeat(1025))),
                // enum codes
                Arguments.of("category 0", resolve().u8(CATEGORY, 0)),
                Arguments.of("category 5", resolve().u8(CATEGORY, 5)),
                Arguments.of("category 255", connect().u8(CATEGORY, 255)),
                Arguments.of("burstiness 5", resolve().u8(Wire.INTENT_BASE + 5, 5)),
                Arguments.of("timeliness 0", resolve().u8(Wire.INTENT_BASE + 6, 0)),
                Arguments.of("resilience 4", resolve().u8(Wire.INTENT_BASE + 7, 4)),
                Arguments.of("family 5", resolve().u8(Wire.FAMILY, 5)),
                Arguments.of("family 1", resolve().u8(Wire.FAMILY, 1)),
                Arguments.of("transport 2", reply().u8(Wire.TRANSPORT, 2)),
                Arguments.of("outcome 4", Frame.of(MessageType.RESOLVE_REPLY, ID).u8(Wire.OUTCOME, 4)),
                // counts
                Arguments.of("negative filesize", resolve().u64(FILE_SIZE, Long.MIN_VALUE)),
                Arguments.of("filesize 2^64-1", resolve().u64(FILE_SIZE, -1L)),
                Arguments.of("negative duration", connect().u64(Wire.INTENT_BASE + 3, -2L)),
                Arguments.of("negative bitrate", resolve().u64(Wire.INTENT_BASE + 4, 0x8000_0000_0000_0001L)),
                // addresses
                Arguments.of("REMOTE of family 5", Frame.of(MessageType.CONNECT, ID).field(Wire.REMOTE, bytes(5, 1, 2, 3, 4, 0, 80))),
                Arguments.of("BOUND_SOURCE of family 0", connect().field(Wire.BOUND_SOURCE, bytes(0, 1, 2, 3, 4, 0, 80))),
                Arguments.of("SOURCE_ADDRESS of family 0", reply().field(Wire.SOURCE_ADDRESS, bytes(0, 1, 2, 3, 4))),
                Arguments.of("DESTINATION of family 7", reply().field(Wire.DESTINATION, bytes(7, 1, 2, 3, 4))),
                Arguments.of("DESTINATION empty", reply().field(Wire.DESTINATION)),
                // custom intents
                Arguments.of("custom intent empty", resolve().field(Wire.CUSTOM_INTENT)),
                Arguments.of("custom intent name length 0", resolve().field(Wire.CUSTOM_INTENT, bytes(0, 'v'))),
                Arguments.of("custom intent name length past the field", resolve()
                        .field(Wire.CUSTOM_INTENT, bytes(5, 'a', 'b'))),
                Arguments.of("custom intent name length past the field, frame goes on", resolve()
                        .field(Wire.CUSTOM_INTENT, bytes(4, 'a', 'b')).u8(CATEGORY, 1)),
                Arguments.of("custom intent name of 65 bytes", resolve()
                        .field(Wire.CUSTOM_INTENT, custom("n".repeat(65), "v"))),
                Arguments.of("custom intent value of 1025 bytes", resolve()
                        .field(Wire.CUSTOM_INTENT, custom("x", "v".repeat(1025)))),
                Arguments.of("custom intent with a standard name", resolve()
                        .field(Wire.CUSTOM_INTENT, custom("category", "query"))),
                Arguments.of("33 custom intents", tooManyCustomIntents()),
                // options
                Arguments.of("TCP_NODELAY 2", reply().field(Wire.OPTION, bytes(1, 0, 0, 0, 2))),
                Arguments.of("SO_KEEPALIVE -1", reply().field(Wire.OPTION, bytes(2, 0xFF, 0xFF, 0xFF, 0xFF))),
                Arguments.of("SO_RCVBUF 0", reply().field(Wire.OPTION, bytes(3, 0, 0, 0, 0))),
                Arguments.of("SO_SNDBUF negative", reply().field(Wire.OPTION, bytes(4, 0x80, 0, 0, 0))),
                Arguments.of("IP_TOS 256", reply().field(Wire.OPTION, bytes(5, 0, 0, 1, 0))),
                // destinations
                Arguments.of("129 destinations", destinations(Wire.MAX_DESTINATIONS + 1)),
                // statistics
                Arguments.of("STATS interface empty", Frame.of(MessageType.STATS, ID).text(Wire.INTERFACE, "")),
                Arguments.of("STATS interface with space", Frame.of(MessageType.STATS, ID).text(Wire.INTERFACE, "a b")),
                Arguments.of("STATS interface of 65 bytes", Frame.of(MessageType.STATS, ID)
                        .text(Wire.INTERFACE, "i".repeat(65))),
                Arguments.of("duplicate STATS interface", Frame.of(MessageType.STATS, ID).text(Wire.INTERFACE, "a")
                        .text(Wire.INTERFACE, "b")),
                Arguments.of("STALE_AFTER with 2 bytes", statsReply().u16(Wire.STALE_AFTER, 1)),
                Arguments.of("duplicate STALE_AFTER", statsReply().field(Wire.STALE_AFTER, bytes(0, 0, 0, 1))
                        .field(Wire.STALE_AFTER, bytes(0, 0, 0, 1))),
                Arguments.of("OMITTED with 4 bytes", statsReply().field(Wire.OMITTED, bytes(0, 0, 0, 1))),
                Arguments.of("duplicate OMITTED", statsReply().u16(Wire.OMITTED, 1).u16(Wire.OMITTED, 1)),
                Arguments.of("scope empty", statsReply().field(Wire.SCOPE)),
                Arguments.of("scope kind 0", statsReply().field(Wire.SCOPE, scope(0, "eth0"))),
                Arguments.of("scope kind 4", statsReply().field(Wire.SCOPE, scope(4, "eth0"))),
                Arguments.of("scope without interface name", statsReply().field(Wire.SCOPE, bytes(1))),
                Arguments.of("scope with empty interface name", statsReply().field(Wire.SCOPE, bytes(1, 0))),
                Arguments.of("scope interface name past the field", statsReply().field(Wire.SCOPE, bytes(1, 9, 'e'))),
                Arguments.of("scope interface name with space", statsReply().field(Wire.SCOPE, scope(1, "e 0"))),
                Arguments.of("prefix scope without prefix", statsReply().field(Wire.SCOPE, scope(2, "eth0"))),
                Arguments.of("prefix scope without prefix length", statsReply()
                        .field(Wire.SCOPE, scope(2, "eth0", bytes(4, 192, 0, 2, 0)))),
                Arguments.of("IPv4 prefix length 33", statsReply()
                        .field(Wire.SCOPE, scope(2, "eth0", bytes(4, 192, 0, 2, 0, 33)))),
                Arguments.of("prefix of family 5", statsReply()
                        .field(Wire.SCOPE, scope(2, "eth0", bytes(5, 192, 0, 2, 0, 24)))),
                Arguments.of("figure truncated", statsReply().field(Wire.SCOPE, scope(1, "eth0",
                        Arrays.copyOf(figure("srtt.ms", 0, 1, 1), 12)))),
                Arguments.of("figure without name", statsReply().field(Wire.SCOPE, scope(1, "eth0", bytes(0)))),
                Arguments.of("figure source 4", statsReply().field(Wire.SCOPE, scope(1, "eth0",
                        figure("srtt.ms", 4, 1, 1)))),
                Arguments.of("figure negative", statsReply().field(Wire.SCOPE, scope(1, "eth0",
                        figure("srtt.ms", 0, -1, 1)))),
                Arguments.of("figure NaN", statsReply().field(Wire.SCOPE, scope(1, "eth0",
                        figure("srtt.ms", 0, Double.NaN, 1)))),
                Arguments.of("figure infinite", statsReply().field(Wire.SCOPE, scope(1, "eth0",
                        figure("srtt.ms", 1, Double.POSITIVE_INFINITY, 1)))),
                Arguments.of("unavailable figure with a value", statsReply().field(Wire.SCOPE, scope(1, "eth0",
                        figure("srtt.ms", 3, 5, 0)))),
                Arguments.of("configured figure with an age", statsReply().field(Wire.SCOPE, scope(3, "eth0",
                        figure("rtt.ms", 2, 5, 10)))),
                Arguments.of("figure twice in a scope", statsReply().field(Wire.SCOPE, scope(1, "eth0",
                        figure("srtt.ms", 0, 1, 1), figure("srtt.ms", 0, 2, 1)))),
                // delegated connect
                Arguments.of("SOCKETCONNECT without HOST or REMOTE", Frame.of(MessageType.SOCKETCONNECT, ID)
                        .u16(Wire.PORT, 80)),
                Arguments.of("SOCKETCONNECT with HOST and REMOTE", socketConnect().field(Wire.REMOTE, IPV4_PORT)),
                Arguments.of("SOCKETCONNECT HOST without PORT", Frame.of(MessageType.SOCKETCONNECT, ID)
                        .text(Wire.HOST, "example.com")),
                Arguments.of("SOCKETCONNECT PORT 0", Frame.of(MessageType.SOCKETCONNECT, ID)
                        .text(Wire.HOST, "example.com").u16(Wire.PORT, 0)),
                Arguments.of("SOCKETCONNECT REMOTE port 0", Frame.of(MessageType.SOCKETCONNECT, ID)
                        .field(Wire.REMOTE, bytes(4, 192, 0, 2, 1, 0, 0))),
                Arguments.of("SOCKETCONNECT REMOTE and PORT", Frame.of(MessageType.SOCKETCONNECT, ID)
                        .field(Wire.REMOTE, IPV4_PORT).u16(Wire.PORT, 443)),
                Arguments.of("SOCKETCONNECT duplicate HOST", socketConnect().text(Wire.HOST, "example.org")),
                Arguments.of("CONNECT_TIMEOUT 0", socketConnect().field(Wire.CONNECT_TIMEOUT, bytes(0, 0, 0, 0))),
                Arguments.of("CONNECT_TIMEOUT 2^31", socketConnect()
                        .field(Wire.CONNECT_TIMEOUT, bytes(0x80, 0, 0, 0))),
                Arguments.of("CONNECT_TIMEOUT with 2 bytes", socketConnect().u16(Wire.CONNECT_TIMEOUT, 100)),
                Arguments.of("duplicate CONNECT_TIMEOUT", socketConnect().field(Wire.CONNECT_TIMEOUT, bytes(0, 0, 1, 0))
                        .field(Wire.CONNECT_TIMEOUT, bytes(0, 0, 1, 0))),
                Arguments.of("SOCKETCONNECT family 5", socketConnect().u8(Wire.FAMILY, 5)),
                Arguments.of("SOCKETCONNECT category 9", socketConnect().u8(CATEGORY, 9)),
                Arguments.of("SOCKETCONNECT_REPLY without LOCAL", socketConnectReply(false, true, true, true)),
                Arguments.of("SOCKETCONNECT_REPLY without REMOTE", socketConnectReply(true, false, true, true)),
                Arguments.of("SOCKETCONNECT_REPLY without TRANSPORT_USED", socketConnectReply(true, true, false, true)),
                Arguments.of("SOCKETCONNECT_REPLY without OUTCOME", socketConnectReply(true, true, true, false)),
                Arguments.of("TRANSPORT_USED 2", socketConnectReply(true, true, false, true)
                        .u8(Wire.TRANSPORT_USED, 2)),
                Arguments.of("duplicate LOCAL", socketConnectReply(true, true, true, true)
                        .field(Wire.LOCAL, IPV4_PORT)),
                Arguments.of("LOCAL without port", socketConnectReply(false, true, true, true)
                        .field(Wire.LOCAL, bytes(4, 192, 0, 2, 1))),
                Arguments.of("fallback reason with invalid UTF-8", socketConnectReply(true, true, true, true)
                        .field(Wire.FALLBACK_REASON, bytes(0xC3))),
                Arguments.of("fallback reason of 1025 bytes", socketConnectReply(true, true, true, true)
                        .text(Wire.FALLBACK_REASON, "f".repeat(1025))));
    }

    private static Frame socketConnect() {
        return Frame.of(MessageType.SOCKETCONNECT, ID).text(Wire.HOST, "example.com").u16(Wire.PORT, 443);
    }

    private static Frame socketConnectReply(boolean local, boolean remote, boolean transport, boolean outcome) {
        Frame frame = Frame.of(MessageType.SOCKETCONNECT_REPLY, ID);
        if (local) {
            frame.field(Wire.LOCAL, IPV4_PORT);
        }
        if (remote) {
            frame.field(Wire.REMOTE, IPV4_PORT);
        }
        if (transport) {
            frame.u8(Wire.TRANSPORT_USED, 1);
        }
        if (outcome) {
            frame.u8(Wire.OUTCOME, 0);
        }
        return frame;
    }

    private static Frame statsReply() {
        return Frame.of(MessageType.STATS_REPLY, ID);
    }

    private static byte[] scope(int kind, String interfaceName, byte[]... rest) {
        byte[] name = utf8(interfaceName);
        return concat(bytes(kind, name.length), name, concat(rest));
    }

    private static byte[] figure(String name, int source, double value, long age) {
        byte[] n = utf8(name);
        return concat(bytes(n.length), n, bytes(source), ByteBuffer.allocate(8).putDouble(value).array(),
                ByteBuffer.allocate(4).putInt((int) age).array());
    }

    private static Frame tooManyCustomIntents() {
        Frame frame = resolve();
        for (int i = 0; i <= Intents.MAX_CUSTOM; i++) {
            frame.field(Wire.CUSTOM_INTENT, custom("x-" + i, "v"));
        }
        return frame;
    }

    private static Frame destinations(int count) {
        Frame frame = reply();
        for (int i = 0; i < count; i++) {
            frame.field(Wire.DESTINATION, bytes(4, 10, 0, i >> 8, i));
        }
        return frame;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFramesAreRejectedWithTheirRequestId(String name, Frame frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> MessageDecoder.decode(frame.body()));
        assertEquals(ErrorCode.MALFORMED, e.code(), e.getMessage());
        assertEquals(ID, e.requestId());
        assertEquals(new ErrorReply(ID, ErrorCode.MALFORMED, e.getMessage()), e.toReply());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7})
    void framesShorterThanTheHeaderAreMalformedWithoutRequestId(int length) {
        ByteBuffer body = ByteBuffer.wrap(bytes(1, 3, 0, 0, 0, 0, 0)).limit(length);
        ProtocolException e = assertThrows(ProtocolException.class, () -> MessageDecoder.decode(body));
        assertEquals(ErrorCode.MALFORMED, e.code());
        assertEquals(0, e.requestId());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 0x10, 0xFF})
    void unknownVersionsAreUnsupported(int version) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> MessageDecoder.decode(Frame.header(version, MessageType.PING.code(), ID).body()));
        assertEquals(ErrorCode.UNSUPPORTED_VERSION, e.code());
        assertEquals(ID, e.requestId());
        assertTrue(e.code().isFatal());
    }

    @Test
    void versionIsCheckedBeforeTheType() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> MessageDecoder.decode(Frame.header(2, 0x77, ID).text(0x01, "whatever").body()));
        assertEquals(ErrorCode.UNSUPPORTED_VERSION, e.code());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x06, 0x7F, 0x80, 0x86, 0xFE})
    void unknownTypesAreRejected(int type) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> MessageDecoder.decode(Frame.header(Wire.VERSION, type, ID).body()));
        assertEquals(ErrorCode.UNKNOWN_TYPE, e.code());
        assertEquals(ID, e.requestId());
    }

    @Test
    void checkLengthAcceptsTheHeaderSizeUpToTheLimit() {
        assertDoesNotThrow(() -> MessageDecoder.checkLength(Wire.HEADER_BYTES, Wire.DEFAULT_MAX_FRAME_BYTES));
        assertDoesNotThrow(() -> MessageDecoder.checkLength(Wire.DEFAULT_MAX_FRAME_BYTES,
                Wire.DEFAULT_MAX_FRAME_BYTES));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, Wire.HEADER_BYTES - 1})
    void checkLengthRejectsFramesShorterThanTheHeader(int length) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> MessageDecoder.checkLength(length, Wire.DEFAULT_MAX_FRAME_BYTES));
        assertEquals(ErrorCode.MALFORMED, e.code());
        assertEquals(0, e.requestId());
    }

    @ParameterizedTest
    @ValueSource(ints = {Wire.DEFAULT_MAX_FRAME_BYTES + 1, Integer.MAX_VALUE})
    void checkLengthRejectsFramesOverTheLimit(int length) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> MessageDecoder.checkLength(length, Wire.DEFAULT_MAX_FRAME_BYTES));
        assertEquals(ErrorCode.MESSAGE_TOO_LARGE, e.code());
        assertEquals(0, e.requestId());
    }

    /** Regression: a prefix of 2^31 or more read as a negative int was reported as "shorter than the header". */
    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE, 0x8000_0008})
    void checkLengthTreatsThePrefixAsUnsigned(int length) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> MessageDecoder.checkLength(length, Wire.DEFAULT_MAX_FRAME_BYTES));
        assertEquals(ErrorCode.MESSAGE_TOO_LARGE, e.code());
        assertTrue(e.getMessage().contains(Integer.toUnsignedString(length)), e.getMessage());
    }

    @Test
    void unknownTagsAreSkippedInEveryMessageType() throws Exception {
        byte[] unknown = bytes(1, 2, 3, 4, 5);
        assertEquals(new ResolveRequest(ID, "example.com", 0, AddressFamily.ANY,
                Intents.builder().category(Category.QUERY).build()),
                MessageDecoder.decode(Frame.of(MessageType.RESOLVE, ID).field(0x7F, unknown)
                        .text(Wire.HOST, "example.com").field(0x19).u8(CATEGORY, 1).field(0xFE, unknown).body()));
        assertEquals(new ConnectRequest(ID, new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 443), null,
                null, Intents.none()),
                MessageDecoder.decode(connect().field(0x40, unknown).field(0x40, unknown).body()));
        assertEquals(new Ping(ID), MessageDecoder.decode(Frame.of(MessageType.PING, ID).field(0x01, unknown).body()));
        assertEquals(new Pong(ID), MessageDecoder.decode(Frame.of(MessageType.PONG, ID).field(0xFF).body()));
        assertEquals(new DecisionReply(ID, MessageType.CONNECT_REPLY, Decision.osDefault(""), "",
                DecisionOutcome.POLICY),
                MessageDecoder.decode(reply().field(0x28, unknown).field(Wire.HOST, unknown).body()));
        assertEquals(new ErrorReply(ID, ErrorCode.OVERLOADED, ""),
                MessageDecoder.decode(Frame.of(MessageType.ERROR, ID).field(0x33, unknown)
                        .u16(Wire.ERROR_CODE, 33).body()));
    }

    @Test
    void statsScopesKeepTheirOrderAndUnknownStatsTagsAreSkipped() throws ProtocolException {
        StatsReply decoded = (StatsReply) MessageDecoder.decode(statsReply().field(0x43, bytes(1, 2))
                .field(Wire.SCOPE, scope(3, "i2")).field(Wire.SCOPE, scope(1, "i1", figure("srtt.ms", 1, 2.5, 9)))
                .body());
        assertEquals(List.of("i2", "i1"), decoded.scopes().stream().map(StatsScope::interfaceName).toList());
        assertEquals(new Figure(2.5, FigureSource.STALE, 9), decoded.scopes().get(1).figures().get("srtt.ms"));
        assertEquals(0, decoded.staleAfterMillis());
        assertEquals(0, decoded.omitted());
    }

    @Test
    void socketConnectTakesAHostAndPortOrAnAddress() throws Exception {
        assertEquals(new SocketConnectRequest(ID, InetSocketAddress.createUnresolved("example.com", 443),
                AddressFamily.ANY, Intents.none(), 0), MessageDecoder.decode(socketConnect().body()));
        assertEquals(new SocketConnectRequest(ID, new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 443),
                AddressFamily.INET, Intents.none(), 1), MessageDecoder.decode(Frame.of(MessageType.SOCKETCONNECT, ID)
                .field(Wire.REMOTE, IPV4_PORT).u8(Wire.FAMILY, 4).field(Wire.CONNECT_TIMEOUT, bytes(0, 0, 0, 1))
                .field(Wire.LOCAL, bytes(1)).body()));
    }

    @Test
    void aSocketConnectReplyCarriesTheConnectionBesidesTheDecision() throws Exception {
        SocketConnectReply reply = (SocketConnectReply) MessageDecoder.decode(socketConnectReply(true, true, true,
                true).text(Wire.REASON, "r").text(Wire.FALLBACK_REASON, "a\nb").field(Wire.SCOPE, bytes(0)).body());
        assertEquals(Transport.MPTCP, reply.transport());
        assertEquals("r", reply.decision().reason());
        assertEquals("a b", reply.fallbackReason());
        assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 443), reply.local());
    }

    @Test
    void fieldsOfOtherMessageTypesAreUnknownTags() throws ProtocolException {
        ResolveRequest decoded = (ResolveRequest) MessageDecoder.decode(resolve()
                .u8(Wire.OUTCOME, 9).field(Wire.REMOTE, bytes(99)).text(Wire.SOURCE_INTERFACE, "").body());
        assertEquals("example.com", decoded.host());
    }

    @Test
    void intentFieldsInRepliesAreUnknownTags() throws ProtocolException {
        DecisionReply decoded = (DecisionReply) MessageDecoder.decode(reply().u8(CATEGORY, 200)
                .field(Wire.CUSTOM_INTENT).body());
        assertEquals(DecisionOutcome.POLICY, decoded.outcome());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 0x7F, 0xFF})
    void unknownOptionNumbersAreIgnored(int number) throws ProtocolException {
        DecisionReply decoded = (DecisionReply) MessageDecoder.decode(reply()
                .field(Wire.OPTION, bytes(number, 0xFF, 0xFF, 0xFF, 0xFF))
                .field(Wire.OPTION, bytes(1, 0, 0, 0, 1))
                .field(Wire.OPTION, bytes(number, 0, 0, 0, 0)).body());
        assertEquals(Map.of(SuggestedOption.TCP_NODELAY, 1), decoded.decision().options());
    }

    @Test
    void flagsAreIgnored() throws ProtocolException {
        ByteBuffer body = Frame.of(MessageType.PING, ID).body();
        body.putShort(2, (short) 0xFFFF);
        assertEquals(new Ping(ID), MessageDecoder.decode(body));
    }

    @Test
    void unknownErrorCodesReadAsInternal() throws ProtocolException {
        assertEquals(new ErrorReply(ID, ErrorCode.INTERNAL, "?"), MessageDecoder.decode(Frame.of(MessageType.ERROR, ID)
                .u16(Wire.ERROR_CODE, 999).text(Wire.ERROR_MESSAGE, "?").body()));
    }

    @Test
    void explicitDefaultsAreAccepted() throws ProtocolException {
        assertEquals(new ResolveRequest(ID, "example.com", 0, AddressFamily.ANY, Intents.none()),
                MessageDecoder.decode(resolve().u16(Wire.PORT, 0).u8(Wire.FAMILY, 0).body()));
        DecisionReply reply = (DecisionReply) MessageDecoder.decode(reply().u8(Wire.TRANSPORT, 0).body());
        assertTrue(reply.decision().isOsDefault());
    }

    @Test
    void valuesAtTheirLimitsAreAccepted() throws ProtocolException {
        String host = "h".repeat(Wire.MAX_HOST_BYTES);
        String name = "i".repeat(Wire.MAX_INTERFACE_NAME_BYTES);
        String text = "€".repeat(341) + "x"; // 1024 bytes
        assertEquals(host, ((ResolveRequest) MessageDecoder.decode(
                Frame.of(MessageType.RESOLVE, ID).text(Wire.HOST, host).body())).host());
        DecisionReply reply = (DecisionReply) MessageDecoder.decode(destinations(Wire.MAX_DESTINATIONS)
                .text(Wire.SOURCE_INTERFACE, name).text(Wire.REASON, text).text(Wire.POLICY, text).body());
        assertEquals(Wire.MAX_DESTINATIONS, reply.decision().destinations().size());
        assertEquals(name, reply.decision().sourceInterface().orElseThrow());
        assertEquals(text, reply.decision().reason());
        assertEquals(text, reply.policy());
    }

    @Test
    void customIntentMayHaveAnEmptyValue() throws ProtocolException {
        ResolveRequest decoded = (ResolveRequest) MessageDecoder.decode(resolve()
                .field(Wire.CUSTOM_INTENT, custom("x-flag", "")).body());
        assertEquals(Map.of("x-flag", ""), decoded.intents().custom());
    }

    @Test
    void lineBreaksInTheReasonBecomeSpaces() throws ProtocolException {
        DecisionReply decoded = (DecisionReply) MessageDecoder.decode(reply().text(Wire.REASON, "a\nb\r\nc").body());
        assertEquals("a b  c", decoded.decision().reason());
    }

    @Test
    void decodesFromThePositionToTheLimitOfALargerBuffer() throws ProtocolException {
        byte[] frame = Codec.array(Codec.body(new Ping(ID)));
        ByteBuffer buffer = ByteBuffer.allocate(frame.length + 20);
        buffer.position(7).put(frame).put(bytes(0x7F, 0x00, 0x09)); // garbage after the limit
        buffer.position(7).limit(7 + frame.length);
        assertEquals(new Ping(ID), MessageDecoder.decode(buffer));
        assertFalse(buffer.hasRemaining());
    }
}
