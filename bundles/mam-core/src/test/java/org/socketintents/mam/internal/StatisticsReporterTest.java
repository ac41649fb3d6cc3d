package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.net.InterfacePrefix;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.FigureSource;
import org.socketintents.api.stats.InterfaceFigures;
import org.socketintents.api.stats.InterfaceStatistics;
import org.socketintents.api.stats.StatisticsSnapshot;
import org.socketintents.api.stats.Throughput;
import org.socketintents.api.stats.TrafficFigures;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.StatsReply;
import org.socketintents.protocol.StatsRequest;
import org.socketintents.protocol.StatsScope;
import org.socketintents.protocol.StatsScope.Kind;

class StatisticsReporterTest {

    private static final List<Duration> WINDOWS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(10));
    private static final InterfacePrefix I1_PREFIX = prefix("198.18.1.2", 24);

    private StatisticsReporter reporter;

    /** i1 measured (srtt 12 ms, 100 ms ago), with one prefix; "tun0" measured but unknown to the monitor. */
    static StatisticsSnapshot snapshot() {
        Throughput none = Throughput.unavailable(WINDOWS);
        Figure unknown = Figure.unavailable();
        TrafficFigures i1 = new TrafficFigures(Figure.measured(12, 100, 5_000), unknown, unknown, none, none,
                Figure.measured(3, 100, 5_000), unknown, unknown);
        return new StatisticsSnapshot(5_000, WINDOWS, List.of(
                new InterfaceFigures("i1", i1, Map.of(I1_PREFIX, i1)),
                new InterfaceFigures("tun0", TrafficFigures.unavailable(WINDOWS), Map.of())));
    }

    @BeforeEach
    void setUp() {
        PolicyRegistry registry = new PolicyRegistry();
        registry.activate(TestConfigs.mam(Map.of()));
        DecisionEngine engine = new DecisionEngine(registry, TestConfigs.mam(Map.of()));
        Interfaces paper = PaperInterfaces.snapshot();
        engine.setMonitor(() -> paper);
        reporter = new StatisticsReporter(engine);
    }

    @Test
    void everyInterfaceGetsItsEffectiveFiguresThenItsMeasuredOnes() {
        reporter.setStatistics(StatisticsReporterTest::snapshot);
        StatsReply reply = (StatsReply) reporter.answer(new StatsRequest(7, null));

        assertEquals(7, reply.requestId());
        assertEquals(5_000, reply.staleAfterMillis());
        assertEquals(0, reply.omitted());
        assertEquals(List.of("EFFECTIVE lo", "EFFECTIVE i1", "INTERFACE i1", "PREFIX i1", "EFFECTIVE i2",
                "INTERFACE tun0"), reply.scopes().stream().map(s -> s.kind() + " " + s.interfaceName()).toList());

        StatsScope effective = reply.scopes().get(1);
        assertEquals(Figure.measured(12, 100, 5_000), effective.figures().get("rtt.ms"), "fresh beats configured");
        assertEquals(Figure.configured(6e6), effective.figures().get("bandwidth.down.bps"));
        assertEquals(Figure.configured(70), reply.scopes().get(4).figures().get("rtt.ms"));
        assertEquals(I1_PREFIX, reply.scopes().get(3).prefix());
        assertEquals(List.copyOf(snapshot().of("i1").orElseThrow().traffic().named().keySet()),
                List.copyOf(reply.scopes().get(2).figures().keySet()));
        assertEquals(FigureSource.MEASURED, reply.scopes().get(2).figures().get("connections").source());
    }

    @Test
    void theFilterKeepsOneInterface() {
        reporter.setStatistics(StatisticsReporterTest::snapshot);
        assertEquals(List.of(Kind.EFFECTIVE), kinds(reporter.answer(new StatsRequest(1, "i2"))));
        assertEquals(List.of(Kind.INTERFACE), kinds(reporter.answer(new StatsRequest(1, "tun0"))));
        assertEquals(List.of(), kinds(reporter.answer(new StatsRequest(1, "wlan9"))));
    }

    @Test
    void withoutACollectorTheAnswerIsUnavailable() {
        InterfaceStatistics collector = StatisticsReporterTest::snapshot;
        reporter.setStatistics(collector);
        reporter.unsetStatistics(collector);
        ErrorReply error = (ErrorReply) reporter.answer(new StatsRequest(2, null));
        assertEquals(ErrorCode.UNAVAILABLE, error.code());
        assertEquals(2, error.requestId());
        assertFalse(error.code().isFatal());
    }

    @Test
    void aFailingCollectorIsAnInternalError() {
        reporter.setStatistics(() -> {
            throw new IllegalStateException("broken");
        });
        ErrorReply error = (ErrorReply) reporter.answer(new StatsRequest(2, null));
        assertEquals(ErrorCode.INTERNAL, error.code());
        assertTrue(error.message().contains("broken"), error.message());
    }

    private static List<Kind> kinds(Object reply) {
        return ((StatsReply) reply).scopes().stream().map(StatsScope::kind).toList();
    }

    private static InterfacePrefix prefix(String address, int length) {
        try {
            return new InterfacePrefix(InetAddress.getByName(address), length);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
