package org.socketintents.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.socketintents.testing.LogCapture;

class CollectorSettingsTest {

    @Test
    void theDefaultsAreTheAnnotations() {
        assertEquals(CollectorSettings.DEFAULTS, CollectorSettings.read(Configs.collector(Map.of()),
                CollectorSettings.DEFAULTS));
    }

    @Test
    void listsMayComeCommaSeparatedAsConfigurationFilesWriteThem() throws Exception {
        CollectorSettings s = CollectorSettings.read(Configs.collector(Map.of(
                "windows.ms", new String[] {"60000, 500", "10000,500"},
                "probe.targets", new String[] {"i1=192.0.2.53:53, i2=[2001:db8::53]:853"})),
                CollectorSettings.DEFAULTS);

        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(60)), s.windows());
        assertEquals(List.of(
                new ProbeTarget("i1", new InetSocketAddress(InetAddress.getByName("192.0.2.53"), 53)),
                new ProbeTarget("i2", new InetSocketAddress(InetAddress.getByName("2001:db8::53"), 853))),
                s.probeTargets());
    }

    @Test
    void aBadValueKeepsThePreviousOneAndIsLogged() {
        CollectorSettings previous = CollectorSettings.read(Configs.collector(Map.of("sample.interval.ms", 100,
                "counters.directory", "/tmp/net")), CollectorSettings.DEFAULTS);
        try (LogCapture log = LogCapture.of(CollectorSettings.class)) {
            CollectorSettings s = CollectorSettings.read(Configs.collector(Map.of(
                    "sample.interval.ms", 0,
                    "windows.ms", new String[] {"1000", "soon"},
                    "stale.after.ms", -1,
                    "probe.targets", new String[] {"i1=example.org:80", "i2=192.0.2.1:99999", "i2=192.0.2.1:80"},
                    "counters.directory", "/tmp/net")), previous);

            assertEquals(Duration.ofMillis(100), s.sampleInterval());
            assertEquals(CollectorSettings.DEFAULTS.windows(), s.windows());
            assertEquals(CollectorSettings.DEFAULTS.staleAfter(), s.staleAfter());
            assertEquals(List.of(ProbeTarget.parse("i2=192.0.2.1:80")), s.probeTargets());
            assertEquals(Path.of("/tmp/net"), s.countersDirectory());
            assertEquals(5, log.messages(Level.SEVERE).size(), log.messages(Level.SEVERE).toString());
        }
    }

    @Test
    void probeTargetsNeedAnInterfaceAnAddressAndAPort() {
        for (String bad : List.of("192.0.2.1:80", "=192.0.2.1:80", "i1=192.0.2.1", "i1=:80", "i1=192.0.2.1:x",
                "i1=192.0.2.1:0", "i1=host.example:80")) {
            assertThrows(IllegalArgumentException.class, () -> ProbeTarget.parse(bad), bad);
        }
        assertEquals("i1=192.0.2.1:80", ProbeTarget.parse(" i1 = 192.0.2.1:80").toString());
    }
}
