package org.socketintents.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketintents.api.Burstiness;
import org.socketintents.api.Category;
import org.socketintents.api.Intent;
import org.socketintents.api.Intents;
import org.socketintents.api.Resilience;
import org.socketintents.api.Timeliness;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.FigureSource;

class RoundTripTest {

    static Stream<Message> samples() {
        return SampleMessages.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleMessageSurvivesEncodingAndDecoding(Message message) throws ProtocolException {
        assertEquals(message, Codec.roundTrip(message));
    }

    @Test
    void everyStandardIntentIsCarried() throws ProtocolException {
        Intents intents = SampleMessages.allIntents();
        ResolveRequest decoded = (ResolveRequest) Codec.roundTrip(
                new ResolveRequest(1, "example.com", 80, AddressFamily.ANY, intents));
        for (Intent<?> intent : Intent.standard()) {
            assertEquals(intents.get(intent), decoded.intents().get(intent), intent.name());
        }
        assertEquals(intents.custom(), decoded.intents().custom());
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void everyCategory(Category value) throws ProtocolException {
        assertIntentsSurvive(Intents.builder().category(value).build());
    }

    @ParameterizedTest
    @EnumSource(Burstiness.class)
    void everyBurstiness(Burstiness value) throws ProtocolException {
        assertIntentsSurvive(Intents.builder().burstiness(value).build());
    }

    @ParameterizedTest
    @EnumSource(Timeliness.class)
    void everyTimeliness(Timeliness value) throws ProtocolException {
        assertIntentsSurvive(Intents.builder().timeliness(value).build());
    }

    @ParameterizedTest
    @EnumSource(Resilience.class)
    void everyResilience(Resilience value) throws ProtocolException {
        assertIntentsSurvive(Intents.builder().resilience(value).build());
    }

    @Test
    void countIntentsAtTheirBounds() throws ProtocolException {
        assertIntentsSurvive(Intents.builder().fileSize(0).duration(1).bitrate(Long.MAX_VALUE).build());
    }

    @Test
    void customIntentsAtTheirLimits() throws ProtocolException {
        Intents.Builder builder = Intents.builder();
        for (int i = 0; i < Intents.MAX_CUSTOM - 1; i++) {
            builder.custom("x-" + i, "v" + i);
        }
        // 64-byte name of 2-byte characters and a 1024-byte value of 4-byte characters
        builder.custom("é".repeat(Intent.MAX_CUSTOM_NAME_BYTES / 2),
                "\uD83D\uDE80".repeat(Intent.MAX_CUSTOM_VALUE_BYTES / 4));
        assertIntentsSurvive(builder.build());
    }

    @Test
    void connectWithIpv6RemoteAndIpv4BoundSource() throws ProtocolException {
        ConnectRequest request = new ConnectRequest(5, new InetSocketAddress(SampleMessages.IPV6, 8443),
                "ipv6.example", new InetSocketAddress(SampleMessages.IPV4, 0), Intents.none());
        assertEquals(request, Codec.roundTrip(request));
    }

    @ParameterizedTest
    @EnumSource(AddressFamily.class)
    void everyAddressFamily(AddressFamily family) throws ProtocolException {
        ResolveRequest request = new ResolveRequest(3, "example.com", 0, family, Intents.none());
        assertEquals(request, Codec.roundTrip(request));
    }

    @ParameterizedTest
    @EnumSource(DecisionOutcome.class)
    void everyOutcomeInBothReplyTypes(DecisionOutcome outcome) throws ProtocolException {
        for (MessageType type : List.of(MessageType.RESOLVE_REPLY, MessageType.CONNECT_REPLY)) {
            DecisionReply reply = new DecisionReply(4, type, Decision.osDefault("fallback"), "category", outcome);
            assertEquals(reply, Codec.roundTrip(reply));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyTransport(Transport transport) throws ProtocolException {
        assertDecisionSurvives(Decision.builder().transport(transport).build());
    }

    @ParameterizedTest
    @EnumSource(SuggestedOption.class)
    void everySuggestedOptionAtItsBounds(SuggestedOption option) throws ProtocolException {
        int[] bounds = switch (option) {
            case TCP_NODELAY, SO_KEEPALIVE -> new int[] {0, 1};
            case IP_TOS -> new int[] {0, 255};
            case SO_RCVBUF, SO_SNDBUF -> new int[] {1, Integer.MAX_VALUE};
        };
        for (int value : bounds) {
            assertDecisionSurvives(Decision.builder().option(option, value).build());
        }
    }

    @Test
    void sourceAddressOfEitherFamily() throws ProtocolException {
        assertDecisionSurvives(Decision.builder().sourceAddress(SampleMessages.IPV4).build());
        assertDecisionSurvives(Decision.builder().sourceAddress(SampleMessages.IPV6).build());
    }

    @Test
    void maximumNumberOfDestinationsKeepsItsOrder() throws ProtocolException, UnknownHostException {
        List<Destination> destinations = new ArrayList<>();
        for (int i = 0; i < Wire.MAX_DESTINATIONS; i++) {
            byte[] raw = SampleMessages.IPV6.getAddress();
            raw[15] = (byte) i;
            raw[14] = (byte) (i * 7);
            destinations.add(new Destination(InetAddress.getByAddress(raw),
                    i % 2 == 0 ? null : "i".repeat(Wire.MAX_INTERFACE_NAME_BYTES)));
        }
        assertDecisionSurvives(Decision.builder().destinations(destinations).build());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCode(ErrorCode code) throws ProtocolException {
        ErrorReply withMessage = new ErrorReply(77, code, "what went wrong: ünïcödé");
        ErrorReply withoutMessage = new ErrorReply(78, code, "");
        assertEquals(withMessage, Codec.roundTrip(withMessage));
        assertEquals(withoutMessage, Codec.roundTrip(withoutMessage));
    }

    @ParameterizedTest
    @EnumSource(FigureSource.class)
    void everyFigureSource(FigureSource source) throws ProtocolException {
        Figure figure = switch (source) {
            case MEASURED -> Figure.measured(1e-9, 1, 10);
            case STALE -> Figure.measured(123_456_789.25, 11, 10);
            case CONFIGURED -> Figure.configured(6e6);
            case UNAVAILABLE -> Figure.unavailable();
        };
        StatsReply reply = new StatsReply(3, 10, List.of(new StatsScope(StatsScope.Kind.INTERFACE, "i1", null,
                Map.of("x", figure))), 0);
        assertEquals(reply, Codec.roundTrip(reply));
    }

    @Test
    void agesBeyondTheWiresRangeAreCapped() throws ProtocolException {
        StatsReply reply = new StatsReply(3, 10, List.of(new StatsScope(StatsScope.Kind.INTERFACE, "i1", null,
                Map.of("srtt.ms", Figure.measured(5, Long.MAX_VALUE, 10)))), 0);
        StatsReply decoded = (StatsReply) Codec.roundTrip(reply);
        assertEquals(Wire.MAX_U32, decoded.scopes().get(0).figures().get("srtt.ms").ageMillis());
    }

    @Test
    void aStatsReplyFitsTheFrameLimitAndCountsWhatItLeavesOut() throws ProtocolException {
        List<StatsScope> scopes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            scopes.add(new StatsScope(StatsScope.Kind.INTERFACE, "if" + i, null, SampleMessages.figures()));
        }
        scopes.add(1, new StatsScope(StatsScope.Kind.EFFECTIVE, "bad name", null, Map.of()));
        StatsReply reply = StatsReply.fitting(9, 5_000, scopes);
        int frame = MessageEncoder.encode(reply).remaining() - Wire.LENGTH_BYTES;
        assertTrue(frame <= Wire.DEFAULT_MAX_FRAME_BYTES, frame + " bytes");
        assertTrue(frame > Wire.DEFAULT_MAX_FRAME_BYTES - 200, "filled up: " + frame + " bytes");
        assertEquals(scopes.size(), reply.scopes().size() + reply.omitted());
        assertEquals(List.of("if0", "if1", "if2"), reply.scopes().subList(0, 3).stream()
                .map(StatsScope::interfaceName).toList(), "in order, the unencodable scope left out");
        assertEquals(reply, Codec.roundTrip(reply));
    }

    @Test
    void requestIdsUseAllThirtyTwoBits() throws ProtocolException {
        for (int id : new int[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x80000001}) {
            assertEquals(new Ping(id), Codec.roundTrip(new Ping(id)));
        }
    }

    @Test
    void consecutiveFramesInOneBufferAreDelimitedByTheirLengthPrefix() throws ProtocolException {
        ByteBuffer stream = ByteBuffer.allocate(4096);
        List<Message> sent = SampleMessages.all();
        for (Message message : sent) {
            MessageEncoder.encode(message, stream);
        }
        stream.flip();
        List<Message> received = new ArrayList<>();
        while (stream.hasRemaining()) {
            int length = stream.getInt();
            MessageDecoder.checkLength(length, Wire.DEFAULT_MAX_FRAME_BYTES);
            ByteBuffer body = stream.slice().limit(length);
            received.add(MessageDecoder.decode(body));
            assertFalse(body.hasRemaining());
            stream.position(stream.position() + length);
        }
        assertEquals(sent, received);
    }

    private static void assertIntentsSurvive(Intents intents) throws ProtocolException {
        ResolveRequest resolve = new ResolveRequest(1, "example.com", 80, AddressFamily.ANY, intents);
        ConnectRequest connect = new ConnectRequest(2, new InetSocketAddress(SampleMessages.IPV4, 80), null, null,
                intents);
        assertEquals(resolve, Codec.roundTrip(resolve));
        assertEquals(connect, Codec.roundTrip(connect));
    }

    private static void assertDecisionSurvives(Decision decision) throws ProtocolException {
        DecisionReply reply = new DecisionReply(6, MessageType.CONNECT_REPLY, decision, "p", DecisionOutcome.POLICY);
        assertEquals(reply, Codec.roundTrip(reply));
    }
}
