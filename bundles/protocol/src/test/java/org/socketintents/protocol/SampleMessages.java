package org.socketintents.protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.socketintents.api.Burstiness;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.Resilience;
import org.socketintents.api.Timeliness;
import org.socketintents.api.net.InterfacePrefix;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.stats.Figure;

/** Valid messages of every type, with every field set, shared by the round-trip, encoder and mutation tests. */
final class SampleMessages {

    static final InetAddress IPV4 = address("192.0.2.33");
    static final InetAddress IPV4_OTHER = address("198.51.100.7");
    static final InetAddress IPV6 = address("2001:db8::7");
    static final InetAddress IPV6_OTHER = address("2001:db8:ffff::1:2");

    private SampleMessages() {
    }

    /** All seven standard intents, and custom intents whose names and values need multi-byte UTF-8. */
    static Intents allIntents() {
        return Intents.builder()
                .category(Category.STREAM)
                .fileSize(15_360)
                .duration(Long.MAX_VALUE)
                .bitrate(0)
                .burstiness(Burstiness.REGULAR_BURSTS)
                .timeliness(Timeliness.INTERACTIVE)
                .resilience(Resilience.RESILIENT)
                .custom("x-app", "maps")
                .custom("städte", "Köln, Zürich")
                .custom("emoji-\uD83D\uDE80", "\u65E5\u672C\u8A9E \uD83D\uDEB2")
                .custom("empty-value", "")
                .build();
    }

    static Decision fullDecision() {
        return Decision.builder()
                .sourceInterface("wlan0")
                .sourceAddress(IPV6)
                .addDestination(new Destination(IPV4_OTHER, "wlan0"))
                .addDestination(Destination.of(IPV6_OTHER))
                .addDestination(new Destination(IPV6, "eth0.100"))
                .addDestination(Destination.of(IPV4))
                .transport(Transport.MPTCP)
                .option(SuggestedOption.TCP_NODELAY, 1)
                .option(SuggestedOption.SO_KEEPALIVE, 0)
                .option(SuggestedOption.SO_RCVBUF, Integer.MAX_VALUE)
                .option(SuggestedOption.SO_SNDBUF, 1)
                .option(SuggestedOption.IP_TOS, 255)
                .reason("bulk transfer: highest bandwidth — über wlan0")
                .build();
    }

    /** Figures of every source, at the edges of their ranges. */
    static Map<String, Figure> figures() {
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("srtt.ms", Figure.measured(12.5, 180, 5_000));
        figures.put("down.peak.10s.bps", Figure.measured(Double.MAX_VALUE, 0xFFFF_FFFFL, 5_000));
        figures.put("rtt.ms", Figure.configured(70));
        figures.put("connections.active", Figure.unavailable());
        figures.put("up.bps", Figure.measured(0, 0, 5_000));
        return figures;
    }

    /** One scope of each kind, prefixes of both families. */
    static List<StatsScope> scopes() {
        return List.of(
                new StatsScope(StatsScope.Kind.EFFECTIVE, "wlan0", null, figures()),
                new StatsScope(StatsScope.Kind.INTERFACE, "wlan0", null, figures()),
                new StatsScope(StatsScope.Kind.PREFIX, "wlan0", new InterfacePrefix(IPV4, 24), figures()),
                new StatsScope(StatsScope.Kind.PREFIX, "eth0.100", new InterfacePrefix(IPV6, 64), Map.of()));
    }

    /** @return one message of each type with every field set, plus the minimal forms */
    static List<Message> all() {
        List<Message> messages = new ArrayList<>();
        messages.add(new ResolveRequest(7, "example.com", 443, AddressFamily.INET6, allIntents()));
        messages.add(new ResolveRequest(8, "bücher.example", 0, AddressFamily.INET, Intents.none()));
        messages.add(new ResolveRequest(0, "h", 65535, AddressFamily.ANY, Intents.none()));
        messages.add(new ConnectRequest(-1, new InetSocketAddress(IPV4_OTHER, 443), "example.com",
                new InetSocketAddress(IPV6, 40_000), allIntents()));
        messages.add(new ConnectRequest(Integer.MIN_VALUE, new InetSocketAddress(IPV6_OTHER, 0), null, null,
                Intents.none()));
        messages.add(new Ping(42));
        messages.add(new Pong(42));
        messages.add(new DecisionReply(9, MessageType.CONNECT_REPLY, fullDecision(), "category",
                DecisionOutcome.POLICY));
        messages.add(new DecisionReply(10, MessageType.RESOLVE_REPLY, fullDecision().toBuilder()
                .sourceAddress(IPV4).transport(Transport.TCP).build(), "ü-policy", DecisionOutcome.POLICY));
        messages.add(new DecisionReply(11, MessageType.RESOLVE_REPLY, Decision.osDefault(""), "",
                DecisionOutcome.NO_POLICY));
        messages.add(new DecisionReply(12, MessageType.CONNECT_REPLY, fullDecision(), "category",
                DecisionOutcome.POLICY, new DecisionReuse(Long.MIN_VALUE + 1, Wire.MAX_U32)));
        messages.add(new DecisionReply(13, MessageType.CONNECT_REPLY, Decision.osDefault("kept"), "fixed",
                DecisionOutcome.POLICY, new DecisionReuse(-1, 1)));
        messages.add(new StatsRequest(14, null));
        messages.add(new StatsRequest(15, "wlan0"));
        messages.add(new StatsReply(16, 5_000, scopes(), 0));
        messages.add(new StatsReply(17, 0, List.of(), 3));
        messages.add(new SocketConnectRequest(18, InetSocketAddress.createUnresolved("example.com", 443),
                AddressFamily.INET6, allIntents(), 2_500));
        messages.add(new SocketConnectRequest(19, new InetSocketAddress(IPV4_OTHER, 80), AddressFamily.ANY,
                Intents.none(), 0));
        messages.add(new SocketConnectReply(20, fullDecision(), "mptcp", DecisionOutcome.POLICY,
                new InetSocketAddress(IPV6, 40_000), new InetSocketAddress(IPV6_OTHER, 443), Transport.TCP,
                "the peer does not speak MPTCP — TCP"));
        messages.add(new SocketConnectReply(21, Decision.osDefault(""), "", DecisionOutcome.NO_POLICY,
                new InetSocketAddress(IPV4, 1), new InetSocketAddress(IPV4_OTHER, 65_535), Transport.MPTCP, ""));
        messages.add(new ErrorReply(12, ErrorCode.RESOLUTION_FAILED, "no such host: nowhere.example"));
        messages.add(new ErrorReply(13, ErrorCode.UNSUPPORTED_VERSION, ""));
        return messages;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
