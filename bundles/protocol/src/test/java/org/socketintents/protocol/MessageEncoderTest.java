package org.socketintents.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;

class MessageEncoderTest {

    static Stream<Message> samples() {
        return SampleMessages.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void headerCarriesVersionTypeZeroFlagsAndRequestId(Message message) {
        ByteBuffer body = Codec.body(message);
        assertEquals(Wire.VERSION, body.get(0));
        assertEquals(message.type().code(), body.get(1) & 0xFF);
        assertEquals(0, body.getShort(2));
        assertEquals(message.requestId(), body.getInt(4));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aFrameFitsExactlyItsOwnSize(Message message) throws ProtocolException {
        int size = MessageEncoder.encode(message).remaining();
        ByteBuffer exact = ByteBuffer.allocate(size);
        MessageEncoder.encode(message, exact);
        assertFalse(exact.hasRemaining());
        exact.flip().position(Wire.LENGTH_BYTES);
        assertEquals(message, MessageDecoder.decode(exact));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void tooSmallABufferIsRefusedAndKeepsItsPosition(Message message) {
        int size = MessageEncoder.encode(message).remaining();
        for (int room : new int[] {0, 3, Wire.LENGTH_BYTES + Wire.HEADER_BYTES - 1, size - 1}) {
            ByteBuffer out = ByteBuffer.allocate(5 + room).position(5);
            assertThrows(IllegalArgumentException.class, () -> MessageEncoder.encode(message, out));
            assertEquals(5, out.position(), "room " + room);
        }
    }

    @Test
    void framesAppendAtThePosition() throws ProtocolException {
        ByteBuffer out = ByteBuffer.allocate(256);
        MessageEncoder.encode(new Ping(1), out);
        int first = out.position();
        MessageEncoder.encode(new Pong(2), out);
        assertEquals(2 * first, out.position());
        assertEquals(new Pong(2), MessageDecoder.decode(out.flip().position(first + Wire.LENGTH_BYTES)));
    }

    @ParameterizedTest
    @MethodSource("textsOverTheLimit")
    void textsOverTheLimitAreCutAtACharacterBoundary(String text) throws ProtocolException {
        DecisionReply reply = (DecisionReply) Codec.roundTrip(new DecisionReply(1, MessageType.RESOLVE_REPLY,
                Decision.osDefault(text), text, DecisionOutcome.POLICY));
        ErrorReply error = (ErrorReply) Codec.roundTrip(new ErrorReply(2, ErrorCode.INTERNAL, text));
        for (String cut : List.of(reply.decision().reason(), reply.policy(), error.message())) {
            int bytes = cut.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= Wire.MAX_TEXT_BYTES && bytes > Wire.MAX_TEXT_BYTES - 4, "cut to " + bytes);
            assertTrue(text.startsWith(cut), "a prefix of the original");
        }
    }

    static Stream<String> textsOverTheLimit() {
        return Stream.of(
                "a".repeat(Wire.MAX_TEXT_BYTES + 1),
                "a".repeat(Wire.MAX_TEXT_BYTES - 1) + "é",             // 2-byte character across the limit
                "a".repeat(Wire.MAX_TEXT_BYTES - 2) + "€",             // 3-byte character, 1 byte over
                "a".repeat(Wire.MAX_TEXT_BYTES - 1) + "€",             // 3-byte character, 2 bytes over
                "a".repeat(Wire.MAX_TEXT_BYTES - 3) + "\uD83D\uDE80",   // 4-byte character, 3 bytes over
                "\uD83D\uDE80".repeat(1000));
    }

    @Test
    void textsAtTheLimitAreKeptWhole() throws ProtocolException {
        String text = "a".repeat(Wire.MAX_TEXT_BYTES - 4) + "\uD83D\uDE80";
        ErrorReply error = (ErrorReply) Codec.roundTrip(new ErrorReply(2, ErrorCode.INTERNAL, text));
        assertEquals(text, error.message());
    }

    @Test
    void aCutTextIsExactlyTheLongestWholePrefix() throws ProtocolException {
        String text = "a".repeat(Wire.MAX_TEXT_BYTES - 2) + "€b";
        ErrorReply error = (ErrorReply) Codec.roundTrip(new ErrorReply(2, ErrorCode.INTERNAL, text));
        assertEquals("a".repeat(Wire.MAX_TEXT_BYTES - 2), error.message());
    }

    /** Regression: a refused name left the half-written frame in the buffer. */
    @ParameterizedTest
    @ValueSource(strings = {"", "exa mple.com", "a\u0000b", "tab\there"})
    void invalidHostNamesAreRefusedAndKeepThePosition(String host) {
        assertRefused(new ResolveRequest(1, host, 80, AddressFamily.ANY, Intents.none()));
        assertRefused(new ConnectRequest(1, new InetSocketAddress(SampleMessages.IPV4, 80), host, null,
                Intents.none()));
    }

    @Test
    void hostNamesOverTheLimitAreRefused() {
        assertRefused(new ResolveRequest(1, "h".repeat(Wire.MAX_HOST_BYTES + 1), 80, AddressFamily.ANY,
                Intents.none()));
        assertRefused(new ResolveRequest(1, "ü".repeat(127), 80, AddressFamily.ANY, Intents.none()));
    }

    static Stream<String> invalidInterfaceNames() {
        return Stream.of("", "eth 0", "wlan0\n", "i".repeat(Wire.MAX_INTERFACE_NAME_BYTES + 1));
    }

    @ParameterizedTest
    @MethodSource("invalidInterfaceNames")
    void invalidSourceInterfacesAreRefused(String name) {
        assertRefused(new DecisionReply(1, MessageType.CONNECT_REPLY,
                Decision.builder().sourceInterface(name).build(), "p", DecisionOutcome.POLICY));
    }

    @ParameterizedTest
    @MethodSource("invalidInterfaceNames")
    void destinationTagsTheWireCannotCarryAreLeftOut(String name) throws ProtocolException {
        Decision decision = Decision.builder()
                .addDestination(new Destination(SampleMessages.IPV4, name))
                .addDestination(new Destination(SampleMessages.IPV6, "eth0"))
                .build();
        DecisionReply decoded = (DecisionReply) Codec.roundTrip(
                new DecisionReply(1, MessageType.RESOLVE_REPLY, decision, "p", DecisionOutcome.POLICY));
        assertEquals(List.of(Destination.of(SampleMessages.IPV4), new Destination(SampleMessages.IPV6, "eth0")),
                decoded.decision().destinations());
    }

    @Test
    void onlyTheFirstDestinationsUpToTheLimitAreSent() throws Exception {
        List<Destination> destinations = new ArrayList<>();
        for (int i = 0; i < Wire.MAX_DESTINATIONS + 10; i++) {
            destinations.add(Destination.of(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i})));
        }
        DecisionReply decoded = (DecisionReply) Codec.roundTrip(new DecisionReply(1, MessageType.RESOLVE_REPLY,
                Decision.builder().destinations(destinations).build(), "p", DecisionOutcome.POLICY));
        assertEquals(destinations.subList(0, Wire.MAX_DESTINATIONS), decoded.decision().destinations());
    }

    @Test
    void defaultsAreLeftOut() {
        ByteBuffer resolve = Codec.body(new ResolveRequest(1, "h", 0, AddressFamily.ANY, Intents.none()));
        assertArrayEquals(Frame.of(MessageType.RESOLVE, 1).text(Wire.HOST, "h").body().array(),
                Codec.array(resolve));
        ByteBuffer reply = Codec.body(new DecisionReply(1, MessageType.RESOLVE_REPLY, Decision.osDefault(""), "",
                DecisionOutcome.NO_POLICY));
        assertArrayEquals(Frame.of(MessageType.RESOLVE_REPLY, 1).u8(Wire.OUTCOME, 3).body().array(),
                Codec.array(reply));
    }

    @Test
    void aReusableDecisionCarriesTheEpochAndHowLongAfterTheDecision() {
        ByteBuffer reply = Codec.body(new DecisionReply(1, MessageType.CONNECT_REPLY, Decision.osDefault(""), "",
                DecisionOutcome.POLICY, new DecisionReuse(7, 60_000)));
        assertArrayEquals(Frame.of(MessageType.CONNECT_REPLY, 1).u8(Wire.OUTCOME, 0).u64(Wire.EPOCH, 7)
                .field(Wire.REUSE, Frame.bytes(0, 0, 0xEA, 0x60)).body().array(), Codec.array(reply));
    }

    @Test
    void statsWithNamesTheWireCannotCarryAreRefused() {
        assertRefused(new StatsRequest(1, "wlan 0"));
        assertRefused(new StatsReply(1, 0, List.of(new StatsScope(StatsScope.Kind.INTERFACE, "i".repeat(65), null,
                Map.of())), 0));
    }

    private static void assertRefused(Message message) {
        ByteBuffer out = ByteBuffer.allocate(4096).position(9);
        assertThrows(IllegalArgumentException.class, () -> MessageEncoder.encode(message, out));
        assertEquals(9, out.position());
    }
}
