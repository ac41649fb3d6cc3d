package org.socketintents.policy.earliestarrival.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.testing.ComponentConfigs;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.RequestKind;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.InterfaceFigures;
import org.socketintents.api.stats.InterfaceStatistics;
import org.socketintents.api.stats.StatisticsSnapshot;
import org.socketintents.api.stats.Throughput;
import org.socketintents.api.stats.TrafficFigures;

/** The paper's client: i1 10 ms / 6 Mbit/s (i1' at 2 Mbit/s), i2 70 ms / 12 Mbit/s. */
class EarliestArrivalPolicyTest {

    private static final long STALE_AFTER = 10_000;
    private static final List<Duration> WINDOWS = List.of(Duration.ofSeconds(10));

    private EarliestArrivalPolicy policy;

    @BeforeEach
    void setUp() {
        policy = new EarliestArrivalPolicy();
        policy.activate(config(Map.of()));
    }

    private static Interfaces paper(String i1Down) {
        return new Interfaces(1, List.of(
                InterfaceDescription.builder("i1").addAddress(address("198.18.1.2"), 24)
                        .property("bandwidth.down", i1Down).property("rtt", "10").build(),
                InterfaceDescription.builder("i2").addAddress(address("198.18.2.2"), 24)
                        .property("bandwidth.down", "12M").property("rtt", "70").build()));
    }

    private Decision decide(Intents intents, Interfaces interfaces, int port) {
        return policy.decide(DecisionRequest.builder(RequestKind.CONNECT).intents(intents).interfaces(interfaces)
                .port(port).build());
    }

    private Optional<String> sourceFor(long fileSize, String i1Down) {
        return decide(Intents.builder().fileSize(fileSize).build(), paper(i1Down), 80).sourceInterface();
    }

    @Test
    void smallFilesGoToTheLowLatencyLinkLargeOnesToTheFastOne() {
        assertEquals(Optional.of("i1"), sourceFor(300_000, "6M"));
        assertEquals(Optional.of("i2"), sourceFor(500_000, "6M"));
        assertEquals(Optional.of("i1"), sourceFor(60_000, "2M"));
        assertEquals(Optional.of("i2"), sourceFor(80_000, "2M"));
    }

    @Test
    void theReasonGivesEveryPrediction() {
        Decision d = decide(Intents.builder().fileSize(1_000_000).build(), paper("6M"), 80);

        assertEquals("filesize 1000000: i1 1.353 s, i2 0.949 s -> i2", d.reason());
    }

    @Test
    void tlsPortsAddTheirHandshake() {
        Intents size = Intents.builder().fileSize(420_000).build();
        // without TLS: i1 0.580 s, i2 0.562 s; with one more round trip each: i1 0.590 s, i2 0.632 s
        assertEquals(Optional.of("i2"), decide(size, paper("6M"), 80).sourceInterface());
        Decision tls = decide(size, paper("6M"), 443);
        assertEquals(Optional.of("i1"), tls.sourceInterface());
        assertEquals("filesize 420000 + TLS 1 RTT: i1 0.590 s, i2 0.632 s -> i1", tls.reason());

        policy.modified(config(Map.of("tls.round.trips", 0)));
        assertEquals(Optional.of("i2"), decide(size, paper("6M"), 443).sourceInterface());
    }

    @Test
    void freshMeasurementsOverrideTheConfiguration() {
        // A bulk download fills i1: a new connection gets half of it. 200 kB: idle i1 0.287 s, busy i1 0.553 s,
        // i2 0.416 s.
        Intents size = Intents.builder().fileSize(200_000).build();
        assertEquals(Optional.of("i1"), decide(size, paper("6M"), 80).sourceInterface());

        policy.setStatistics(() -> snapshot(busyI1(Figure.measured(6_000_000, 100, STALE_AFTER))));
        assertEquals(Optional.of("i2"), decide(size, paper("6M"), 80).sourceInterface());

        policy.modified(config(Map.of("use.measured", false)));
        assertEquals(Optional.of("i1"), decide(size, paper("6M"), 80).sourceInterface());
    }

    @Test
    void staleMeasurementsAndAVanishedCollectorLeaveTheConfiguration() {
        Intents size = Intents.builder().fileSize(200_000).build();
        InterfaceStatisticsStub stale = new InterfaceStatisticsStub(
                snapshot(busyI1(Figure.measured(6_000_000, 20_000, STALE_AFTER))));
        policy.setStatistics(stale);
        assertEquals(Optional.of("i1"), decide(size, paper("6M"), 80).sourceInterface());

        InterfaceStatisticsStub fresh = new InterfaceStatisticsStub(
                snapshot(busyI1(Figure.measured(6_000_000, 100, STALE_AFTER))));
        policy.setStatistics(fresh);
        policy.unsetStatistics(stale);
        assertEquals(Optional.of("i2"), decide(size, paper("6M"), 80).sourceInterface(),
                "unbinding the replaced service keeps the new one");
        policy.unsetStatistics(fresh);
        assertEquals(Optional.of("i1"), decide(size, paper("6M"), 80).sourceInterface());
    }

    @Test
    void withoutAFileSizeTheCategoryDecides() {
        Decision d = decide(Intents.builder().category(Category.BULK_TRANSFER).build(), paper("6M"), 80);

        assertEquals(Optional.of("i2"), d.sourceInterface());
        assertTrue(d.reason().startsWith("no filesize, category bulk transfer"), d.reason());
    }

    @Test
    void interfacesWithoutFiguresAreSkippedAndNamed() {
        Interfaces withBare = new Interfaces(1, List.of(paper("6M").all().get(0), paper("6M").all().get(1),
                InterfaceDescription.builder("i3").addAddress(address("198.18.3.2"), 24).build()));

        Decision d = decide(Intents.builder().fileSize(1_000_000).build(), withBare, 80);

        assertEquals("filesize 1000000: i1 1.353 s, i2 0.949 s, i3 no RTT/bandwidth -> i2", d.reason());
    }

    @Test
    void withoutAnyFiguresTheCategoryDecidesAndTheReasonSaysSo() {
        Interfaces bare = new Interfaces(1, List.of(
                InterfaceDescription.builder("i3").addAddress(address("198.18.3.2"), 24).build()));

        Decision d = decide(Intents.builder().fileSize(1_000_000).category(Category.QUERY).build(), bare, 80);

        assertTrue(d.isOsDefault());
        assertTrue(d.reason().startsWith("filesize 1000000: i3 no RTT/bandwidth -> no prediction, category query"),
                d.reason());
    }

    @Test
    void anApplicationBoundSourceIsKept() {
        Decision d = policy.decide(DecisionRequest.builder(RequestKind.CONNECT)
                .intents(Intents.builder().fileSize(1_000_000).build()).interfaces(paper("6M"))
                .boundSource(new InetSocketAddress(address("198.18.1.2"), 0)).build());

        assertTrue(d.isOsDefault(), d.toString());
    }

    @Test
    void aBadValueKeepsThePreviousSetting() {
        policy.modified(config(Map.of("initial.window.segments", 0, "tls.ports", new String[] {"443,https"},
                "tls.round.trips", 9)));

        Decision tls = decide(Intents.builder().fileSize(420_000).build(), paper("6M"), 443);
        assertEquals("filesize 420000 + TLS 1 RTT: i1 0.590 s, i2 0.632 s -> i1", tls.reason());
    }

    @Test
    void aLargerInitialWindowShortensSlowStart() {
        policy.modified(config(Map.of("initial.window.segments", 100)));

        // 144,800 B exceed i2's BDP at once: 2 x 0.070 + 1,000,000 / 1,500,000
        assertEquals("filesize 1000000: i1 1.353 s, i2 0.807 s -> i2",
                decide(Intents.builder().fileSize(1_000_000).build(), paper("6M"), 80).reason());
    }

    /** Measurements of i1, all as old as {@code rate}: one active connection at that rate, RTT 10 ms. */
    private static InterfaceFigures busyI1(Figure rate) {
        Figure none = Figure.unavailable();
        Figure one = Figure.measured(1, rate.ageMillis(), STALE_AFTER);
        Throughput download = new Throughput(rate, new TreeMap<>(Map.of(WINDOWS.get(0), rate)));
        TrafficFigures traffic = new TrafficFigures(Figure.measured(10, rate.ageMillis(), STALE_AFTER), none, none,
                download, Throughput.unavailable(WINDOWS), one, one, none);
        return new InterfaceFigures("i1", traffic, Map.of());
    }

    private static StatisticsSnapshot snapshot(InterfaceFigures... figures) {
        return new StatisticsSnapshot(STALE_AFTER, WINDOWS, List.of(figures));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static EarliestArrivalPolicy.Config config(Map<String, Object> values) {
        return ComponentConfigs.of(EarliestArrivalPolicy.Config.class, values);
    }

    /** A statistics service with a fixed snapshot; distinct instances, as two registrations would be. */
    private record InterfaceStatisticsStub(StatisticsSnapshot fixed) implements InterfaceStatistics {
        @Override
        public StatisticsSnapshot snapshot() {
            return fixed;
        }
    }
}
