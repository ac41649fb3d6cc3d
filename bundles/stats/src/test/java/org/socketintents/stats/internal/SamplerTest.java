package org.socketintents.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.stats.internal.Connections.established;
import static org.socketintents.stats.internal.PaperInterfaces.I1_A;
import static org.socketintents.stats.internal.PaperInterfaces.I1_B;
import static org.socketintents.stats.internal.PaperInterfaces.I2;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.InterfacePrefix;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.stats.EffectiveFigures;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.FigureSource;
import org.socketintents.api.stats.InterfaceFigures;
import org.socketintents.api.stats.StatisticsSnapshot;
import org.socketintents.api.stats.Throughput;
import org.socketintents.api.stats.TrafficFigures;
import org.socketintents.api.transport.TcpConnectionInfo;
import org.socketintents.testing.LogCapture;

class SamplerTest {

    private static final Duration ONE_S = Duration.ofSeconds(1);
    private static final Duration TEN_S = Duration.ofSeconds(10);
    private static final Duration SIXTY_S = Duration.ofSeconds(60);
    private static final double TOLERANCE = 1e-6;

    @TempDir
    Path sysClassNet;

    private CounterDirectory counters;
    private final FakeClock clock = new FakeClock();
    private final FakeDiagnostics diagnostics = new FakeDiagnostics();
    private Sampler sampler;
    private Interfaces interfaces = PaperInterfaces.both();

    @BeforeEach
    void setUp() {
        counters = new CounterDirectory(sysClassNet);
        counters.set("i1", 0, 0);
        counters.set("i2", 0, 0);
        sampler = new Sampler(Settings.readingCountersFrom(sysClassNet));
    }

    private StatisticsSnapshot sample() {
        return sampler.sample(interfaces, diagnostics, clock.getAsLong());
    }

    private StatisticsSnapshot sampleAfterMillis(long millis) {
        clock.advanceMillis(millis);
        return sample();
    }

    private static TrafficFigures traffic(StatisticsSnapshot snapshot, String name) {
        return snapshot.of(name).orElseThrow().traffic();
    }

    private static TrafficFigures prefix(StatisticsSnapshot snapshot, String name, String address) {
        InterfaceFigures figures = snapshot.of(name).orElseThrow();
        for (Map.Entry<InterfacePrefix, TrafficFigures> entry : figures.prefixes().entrySet()) {
            if (entry.getKey().address().getHostAddress().equals(address)) {
                return entry.getValue();
            }
        }
        throw new AssertionError("no prefix " + address + " in " + figures);
    }

    private static void assertMeasured(double expected, Figure figure) {
        assertEquals(FigureSource.MEASURED, figure.source(), figure.toString());
        assertEquals(expected, figure.value(), Math.abs(expected) * TOLERANCE + TOLERANCE, figure.toString());
    }

    @Test
    void countersGiveRatesInBitsPerSecond() {
        StatisticsSnapshot baseline = sample();
        assertFalse(traffic(baseline, "i1").download().rate().isAvailable(), "one reading gives no rate");

        counters.set("i1", 750_000, 96_000);
        StatisticsSnapshot s = sampleAfterMillis(1000);

        Throughput down = traffic(s, "i1").download();
        assertMeasured(6_000_000, down.rate());
        assertEquals(0, down.rate().ageMillis());
        assertMeasured(6_000_000, down.peak(ONE_S));
        assertMeasured(6_000_000, down.peak(SIXTY_S));
        assertMeasured(768_000, traffic(s, "i1").upload().rate());
        assertMeasured(0, traffic(s, "i2").download().rate());
    }

    @Test
    void ratesAreSmoothedByTimeNotBySampleCount() {
        sample();
        counters.set("i1", 750_000, 0);
        sampleAfterMillis(1000);

        // Silence for one time constant, in four samples: the average keeps 1/e of the step.
        for (int i = 0; i < 4; i++) {
            sampleAfterMillis(250);
        }

        assertMeasured(6_000_000 * Math.exp(-1), traffic(sample(), "i1").download().rate());
    }

    @Test
    void peaksLeaveEachWindowWhenItPasses() {
        sample();
        counters.set("i1", 750_000, 0);
        sampleAfterMillis(1000);
        double afterOneSecondOfSilence = 6_000_000 * Math.exp(-1);

        StatisticsSnapshot s = sampleAfterMillis(1000);
        Throughput down = traffic(s, "i1").download();
        assertMeasured(afterOneSecondOfSilence, down.peak(ONE_S));
        assertMeasured(6_000_000, down.peak(TEN_S));
        assertMeasured(6_000_000, down.peak(SIXTY_S));

        for (int i = 0; i < 9; i++) {
            s = sampleAfterMillis(1000);
        }
        down = traffic(s, "i1").download();
        assertTrue(down.peak(TEN_S).value() < 6_000_000, down.toString());
        assertMeasured(6_000_000, down.peak(SIXTY_S));
    }

    @Test
    void rttComesFromConnectionsThatMovedDataAndIsSmoothed() {
        diagnostics.answer(established(I2, 40_000, 30, 1000, 100, 0));
        StatisticsSnapshot baseline = sample();
        assertFalse(traffic(baseline, "i2").srttMillis().isAvailable(), "a first dump only sets the baseline");
        assertMeasured(1, traffic(baseline, "i2").connections());

        diagnostics.answer(established(I2, 40_000, 30, 76_000, 100, 0));
        StatisticsSnapshot s = sampleAfterMillis(250);

        TrafficFigures i2 = traffic(s, "i2");
        assertMeasured(30, i2.srttMillis());
        assertMeasured(3, i2.rttVarMillis());
        assertMeasured(27, i2.minRttMillis());
        assertMeasured(1, i2.activeConnections());

        diagnostics.answer(established(I2, 40_000, 50, 151_000, 100, 0));
        i2 = traffic(sampleAfterMillis(1000), "i2");
        assertMeasured(30 + 20 * (1 - Math.exp(-1)), i2.srttMillis());
        assertMeasured(27, i2.minRttMillis());
    }

    @Test
    void anIdleConnectionDoesNotRefreshTheRtt() {
        diagnostics.answer(established(I2, 40_000, 30, 1000, 100, 0));
        sample();

        StatisticsSnapshot s = sampleAfterMillis(250);

        TrafficFigures i2 = traffic(s, "i2");
        assertMeasured(1, i2.connections());
        assertMeasured(0, i2.activeConnections());
        assertFalse(i2.srttMillis().isAvailable(), "its RTT may be hours old");
    }

    @Test
    void aStaleMeasurementGivesWayToTheConfiguration() {
        diagnostics.answer(established(I2, 40_000, 30, 1000, 100, 0));
        sample();
        diagnostics.answer(established(I2, 40_000, 30, 9000, 100, 0));
        sampleAfterMillis(250);
        diagnostics.answer();

        StatisticsSnapshot fresh = sampleAfterMillis(10_000);
        assertMeasured(30, traffic(fresh, "i2").srttMillis());
        assertEquals(10_000, traffic(fresh, "i2").srttMillis().ageMillis());
        EffectiveFigures effective = fresh.effective(PaperInterfaces.i2());
        assertEquals(Figure.measured(30, 10_000, 10_000), effective.rttMillis());

        StatisticsSnapshot old = sampleAfterMillis(1);
        assertEquals(FigureSource.STALE, traffic(old, "i2").srttMillis().source());
        assertEquals(Figure.configured(70), old.effective(PaperInterfaces.i2()).rttMillis());

        InterfaceDescription unconfigured = InterfaceDescription.builder("i2").addAddress(
                PaperInterfaces.address(I2), 24).build();
        assertEquals(FigureSource.STALE, old.effective(unconfigured).rttMillis().source(),
                "without a configured RTT, a stale measurement is better than none");
    }

    @Test
    void connectionsAreGroupedByInterfaceAndSourcePrefix() {
        TcpConnectionInfo[] before = {
            established(I1_A, 40_001, 10, 0, 0, 0),
            established(I1_B, 40_002, 30, 0, 0, 0),
            established(I2, 40_003, 70, 0, 0, 0),
            established("10.9.9.9", 40_004, 500, 0, 0, 0)};
        diagnostics.answer(before);
        sample();

        diagnostics.answer(
                established(I1_A, 40_001, 10, 75_000, 2_500, 0),
                established(I1_B, 40_002, 30, 0, 0, 0),
                established(I2, 40_003, 70, 1, 0, 0),
                established(I1_B, 40_005, 30, 0, 0, 0),
                established("10.9.9.9", 40_004, 500, 75_000, 0, 0));
        StatisticsSnapshot s = sampleAfterMillis(250);

        TrafficFigures i1 = traffic(s, "i1");
        assertMeasured(3, i1.connections());
        assertMeasured(1, i1.activeConnections());
        assertMeasured(20, i1.srttMillis(), "median of 10 ms (moved data) and 30 ms (new connection)");
        TrafficFigures a = prefix(s, "i1", I1_A);
        assertMeasured(1, a.connections());
        assertMeasured(10, a.srttMillis());
        assertMeasured(75_000 * 8 / 0.25, a.download().rate());
        assertMeasured(2_500 * 8 / 0.25, a.upload().rate());
        TrafficFigures b = prefix(s, "i1", I1_B);
        assertMeasured(2, b.connections());
        assertMeasured(30, b.srttMillis());
        assertMeasured(0, b.download().rate());
        assertMeasured(1, traffic(s, "i2").connections());
        assertEquals(List.of("i1", "i2"), s.interfaces().stream().map(InterfaceFigures::name).toList(),
                "10.9.9.9 belongs to no interface and is left out");
    }

    @Test
    void retransmissionsArePerSecond() {
        diagnostics.answer(established(I2, 40_000, 70, 0, 0, 3));
        sample();
        diagnostics.answer(established(I2, 40_000, 70, 10_000, 0, 5));

        assertMeasured(8, traffic(sampleAfterMillis(250), "i2").retransmitsPerSecond());
    }

    @Test
    void aCounterThatGoesBackwardsIsLoggedOnceAndCountsFromTheNextSample() {
        try (LogCapture log = LogCapture.of(Sampler.class)) {
            counters.set("i1", 4_294_967_000L, 0);
            sample();
            counters.set("i1", 200, 0);
            StatisticsSnapshot wrapped = sampleAfterMillis(250);
            assertFalse(traffic(wrapped, "i1").download().rate().isAvailable());

            counters.set("i1", 187_700, 0);
            assertMeasured(6_000_000, traffic(sampleAfterMillis(250), "i1").download().rate());

            counters.set("i1", 0, 0);
            assertFalse(traffic(sampleAfterMillis(250), "i1").download().rate().isAvailable());

            assertEquals(1, log.messages(Level.WARNING).size(), log.messages(Level.WARNING).toString());
            assertTrue(log.messages(Level.WARNING).get(0).contains("went backwards"));
        }
    }

    @Test
    void countersAboveTheSignedRangeAreUnsigned() {
        counters.set("i1", "9223372036854775908", "0");
        sample();
        counters.set("i1", "9223372036855525908", "0");

        assertMeasured(6_000_000, traffic(sampleAfterMillis(1000), "i1").download().rate());
    }

    @Test
    void aReCreatedInterfaceStartsANewBaseline() {
        sample();
        counters.set("i1", 750_000, 0);
        interfaces = PaperInterfaces.of(PaperInterfaces.i1().toBuilder().index(9).build(), PaperInterfaces.i2());

        assertFalse(traffic(sampleAfterMillis(1000), "i1").download().rate().isAvailable());
    }

    @Test
    void anInterfaceVanishingMidSampleMakesItsRatesUnavailableAndSamplingGoesOn() {
        try (LogCapture log = LogCapture.of(Sampler.class)) {
            sample();
            counters.remove("i2");
            counters.set("i1", 750_000, 0);
            StatisticsSnapshot s = sampleAfterMillis(1000);
            sampleAfterMillis(1000);

            assertFalse(traffic(s, "i2").download().rate().isAvailable());
            assertMeasured(6_000_000, traffic(s, "i1").download().rate());
            assertEquals(1, log.messages(Level.WARNING).size(), log.messages(Level.WARNING).toString());

            interfaces = PaperInterfaces.of(PaperInterfaces.i1());
            assertTrue(sampleAfterMillis(250).of("i2").isEmpty(), "gone from the monitor, gone from the figures");

            counters.set("i2", 0, 0);
            interfaces = PaperInterfaces.both();
            sampleAfterMillis(250);
            assertEquals(List.of("The byte counters of i2 can be read again"), log.messages(Level.INFO));
        }
    }

    @Test
    void failingDiagnosticsAreLoggedOnceMakeConnectionFiguresUnavailableAndRecover() {
        try (LogCapture log = LogCapture.of(Sampler.class)) {
            diagnostics.answer(established(I2, 40_000, 70, 0, 0, 0));
            sample();
            diagnostics.fail(new IOException("netlink: Operation not permitted"));
            StatisticsSnapshot denied = sampleAfterMillis(250);
            diagnostics.fail(new IllegalStateException("malformed netlink message"));
            sampleAfterMillis(250);

            assertFalse(traffic(denied, "i2").connections().isAvailable());
            assertFalse(prefix(denied, "i2", I2).download().rate().isAvailable());
            assertEquals(1, log.messages(Level.WARNING).size(), log.messages(Level.WARNING).toString());
            assertTrue(log.messages(Level.WARNING).get(0).contains("Operation not permitted"));

            diagnostics.answer(established(I2, 40_000, 70, 0, 0, 0));
            assertMeasured(1, traffic(sampleAfterMillis(250), "i2").connections());
            assertEquals(List.of("Socket diagnostics work again"), log.messages(Level.INFO));
        }
    }

    @Test
    void withoutDiagnosticsRttComesFromProbes() {
        StatisticsSnapshot none = sampler.sample(interfaces, null, clock.getAsLong());
        assertFalse(traffic(none, "i2").connections().isAvailable());

        sampler.recordProbe(new ProbeResult("i2", PaperInterfaces.address(I2), 70_000_000), clock.getAsLong());
        StatisticsSnapshot probed = sampler.sample(interfaces, null, clock.advanceMillis(250));

        assertMeasured(70, traffic(probed, "i2").srttMillis());
        assertMeasured(70, traffic(probed, "i2").minRttMillis());
        assertMeasured(70, prefix(probed, "i2", I2).srttMillis());
        assertFalse(traffic(probed, "i2").rttVarMillis().isAvailable(), "one connect says nothing of variation");
        assertFalse(traffic(probed, "i1").srttMillis().isAvailable());
    }

    @Test
    void nonsenseFromTheKernelNeverBecomesANegativeOrNaNFigure() {
        try (LogCapture log = LogCapture.of(Sampler.class)) {
            TcpConnectionInfo negative = new TcpConnectionInfo(Connections.address(I2, 1), Connections.address(I2, 2),
                    TcpConnectionInfo.ESTABLISHED, -5, -1, -1, -100, Long.MIN_VALUE, -3, -1, false);
            diagnostics.answer(negative, established(I1_A, 40_000, 10, 0, 0, 0));
            sample();
            counters.set("i1", "not a number", "0");
            StatisticsSnapshot sameInstant = sample();
            diagnostics.fail(new NullPointerException());
            StatisticsSnapshot later = sampleAfterMillis(250);

            for (StatisticsSnapshot s : List.of(sameInstant, later)) {
                for (InterfaceFigures figures : s.interfaces()) {
                    assertSane(figures.traffic());
                    figures.prefixes().values().forEach(SamplerTest::assertSane);
                }
            }
            assertMeasured(1, traffic(sameInstant, "i1").connections());
            assertFalse(traffic(sameInstant, "i2").connections().value() > 0, "the nonsense connection is left out");
            assertTrue(log.messages(Level.WARNING).stream().anyMatch(m -> m.contains("negative figures")));
        }
    }

    private static void assertSane(TrafficFigures figures) {
        figures.named().forEach((name, figure) ->
                assertTrue(Double.isFinite(figure.value()) && figure.value() >= 0, name + " " + figure));
    }

    private static void assertMeasured(double expected, Figure figure, String why) {
        assertEquals(FigureSource.MEASURED, figure.source(), why);
        assertEquals(expected, figure.value(), TOLERANCE, why);
    }
}
