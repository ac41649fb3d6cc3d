package org.socketintents.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.stats.internal.Connections.established;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.stats.StatisticsSnapshot;

class StatsTableTest {

    @TempDir
    Path sysClassNet;

    @Test
    void theCompactTableHasALinePerInterfaceAndPrefixAndMarksStaleAndMissingFigures() {
        CounterDirectory counters = new CounterDirectory(sysClassNet);
        counters.set("i1", 0, 0);
        counters.set("i2", 0, 0);
        FakeClock clock = new FakeClock();
        FakeDiagnostics diagnostics = new FakeDiagnostics();
        Sampler sampler = new Sampler(Settings.readingCountersFrom(sysClassNet));
        diagnostics.answer(established(PaperInterfaces.I2, 40_000, 70, 0, 0, 0));
        sampler.sample(PaperInterfaces.both(), diagnostics, clock.getAsLong());
        diagnostics.answer(established(PaperInterfaces.I2, 40_000, 70, 1_500_000, 0, 0));
        counters.set("i2", 1_500_000, 0);
        sampler.sample(PaperInterfaces.both(), diagnostics, clock.advanceMillis(1000));
        diagnostics.answer();
        StatisticsSnapshot s = sampler.sample(PaperInterfaces.both(), diagnostics, clock.advanceMillis(11_000));

        String[] lines = StatsTable.compact(s).split("\n");

        assertEquals(7, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("interface/prefix"), lines[0]);
        assertTrue(lines[0].contains("down^60s"), lines[0]);
        assertTrue(lines[1].startsWith("i1 "), lines[1]);
        assertTrue(lines[2].startsWith("  198.18.1.2/24"), lines[2]);
        assertTrue(lines[4].startsWith("i2 ") && lines[4].contains("70.0~"), lines[4]);
        assertTrue(lines[4].contains("12.00M"), lines[4]);
        assertTrue(lines[1].trim().split("\\s+")[1].equals("-"), "i1 has no RTT: " + lines[1]);
        assertEquals(StatsTable.LEGEND, lines[6]);
    }

    @Test
    void theDetailShowsEverySourceAndAgeAndWhatPoliciesUse() {
        new CounterDirectory(sysClassNet).set("i2", 0, 0);
        Sampler sampler = new Sampler(Settings.readingCountersFrom(sysClassNet));
        StatisticsSnapshot s = sampler.sample(PaperInterfaces.both(), null, 0);

        String detail = StatsTable.detail(s.of("i2").orElseThrow(), s.effective(PaperInterfaces.i2()));

        assertTrue(detail.contains("srtt.ms                unavailable"), detail);
        assertTrue(detail.contains("down.peak.10s.bps"), detail);
        assertTrue(detail.contains("  198.18.2.2/24\n"), detail);
        assertTrue(detail.contains("rtt.ms                 70.0 (configured)"), detail);
    }

    @Test
    void ratesUseTheSuffixesOfTheConfiguration() {
        assertEquals("768.0k", StatsTable.rate(768_000));
        assertEquals("6.00M", StatsTable.rate(6_000_000));
        assertEquals("1.50G", StatsTable.rate(1.5e9));
        assertEquals("12", StatsTable.rate(12));
    }
}
