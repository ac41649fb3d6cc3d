package org.socketintents.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.stats.EffectiveFigures;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.InterfaceFigures;
import org.socketintents.api.stats.StatisticsSnapshot;
import org.socketintents.api.stats.Throughput;
import org.socketintents.api.stats.TrafficFigures;

/** The merge rules of the API's {@link EffectiveFigures}, on the paper's i2 (70 ms, 12 Mbit/s down, 6 Mbit/s up). */
class EffectiveFiguresTest {

    private static final long STALE_AFTER = 10_000;
    private static final List<Duration> WINDOWS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(60));

    private static InterfaceFigures measured(Figure rtt, Figure downRate, Figure downPeak, Figure active) {
        TreeMap<Duration, Figure> peaks = new TreeMap<>(Map.of(WINDOWS.get(0), downRate, WINDOWS.get(1), downPeak));
        Figure none = Figure.unavailable();
        TrafficFigures traffic = new TrafficFigures(rtt, none, none, new Throughput(downRate, peaks),
                Throughput.unavailable(WINDOWS), none, active, none);
        return new InterfaceFigures("i2", traffic, Map.of());
    }

    private static EffectiveFigures effective(InterfaceDescription description, InterfaceFigures figures) {
        return new StatisticsSnapshot(STALE_AFTER, WINDOWS, List.of(figures)).effective(description);
    }

    @Test
    void withoutMeasurementsTheConfigurationSpeaks() {
        EffectiveFigures e = StatisticsSnapshot.empty().effective(PaperInterfaces.i2());

        assertEquals(new EffectiveFigures("i2", Figure.configured(70), Figure.configured(12_000_000),
                Figure.configured(6_000_000), Figure.unavailable(), Figure.unavailable(), Figure.unavailable()), e);
        assertEquals(e, EffectiveFigures.configuredOnly(PaperInterfaces.i2()));
    }

    @Test
    void aFreshRttOverridesTheConfigurationAStaleOneDoesNot() {
        Figure fresh = Figure.measured(95, 200, STALE_AFTER);
        Figure stale = Figure.measured(95, 20_000, STALE_AFTER);
        Figure none = Figure.unavailable();

        assertEquals(fresh, effective(PaperInterfaces.i2(), measured(fresh, none, none, none)).rttMillis());
        assertEquals(Figure.configured(70), effective(PaperInterfaces.i2(), measured(stale, none, none, none))
                .rttMillis());
    }

    @Test
    void measuredPeaksOnlyRaiseTheConfiguredCapacity() {
        Figure none = Figure.unavailable();
        Figure lowPeak = Figure.measured(3_000_000, 100, STALE_AFTER);
        Figure highPeak = Figure.measured(15_000_000, 100, STALE_AFTER);

        assertEquals(Figure.configured(12_000_000),
                effective(PaperInterfaces.i2(), measured(none, none, lowPeak, none)).downloadBandwidth(),
                "a link used at 3 Mbit/s may still carry 12");
        assertEquals(highPeak,
                effective(PaperInterfaces.i2(), measured(none, none, highPeak, none)).downloadBandwidth());
    }

    @Test
    void withoutConfigurationAnyInformativeMeasurementIsUsed() {
        InterfaceDescription bare = InterfaceDescription.builder("i2").build();
        Figure stalePeak = Figure.measured(5_000_000, 20_000, STALE_AFTER);
        Figure zeroPeak = Figure.measured(0, 100, STALE_AFTER);
        Figure none = Figure.unavailable();

        assertEquals(stalePeak, effective(bare, measured(none, none, stalePeak, none)).downloadBandwidth());
        assertEquals(none, effective(bare, measured(none, none, zeroPeak, none)).downloadBandwidth(),
                "an idle link's peak of 0 says nothing about its capacity");
    }

    @Test
    void loadFiguresCountOnlyWhileFresh() {
        Figure freshRate = Figure.measured(9_000_000, 100, STALE_AFTER);
        Figure staleActive = Figure.measured(2, 20_000, STALE_AFTER);

        EffectiveFigures e = effective(PaperInterfaces.i2(),
                measured(Figure.unavailable(), freshRate, freshRate, staleActive));

        assertEquals(freshRate, e.downloadRate());
        assertEquals(Figure.unavailable(), e.activeConnections());
        assertEquals(Figure.unavailable(), e.uploadRate());
    }
}
