package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.socketintents.testing.LogCapture;

class MonitorConfigurationTest {

    private static final String ORIGIN = "configuration org.socketintents.netmon (file:/opt/mam/conf/x.cfg)";
    private static final Duration PREVIOUS = Duration.ofMillis(500);

    @Test
    void defaultsReportEveryInterfaceEvery250Milliseconds() {
        MonitorConfiguration configuration = MonitorConfiguration.read(Configs.monitor(Map.of()), ORIGIN, PREVIOUS);

        assertEquals(Duration.ofMillis(250), configuration.scanInterval());
        SelectionRules rules = configuration.rules();
        assertTrue(rules.reports("eth0"));
        assertTrue(rules.reports("lo"));
        assertTrue(rules.destinationByDefault("eth0"));
        assertTrue(rules.sourceByDefault(Scans.link("eth0", 2, true)));
        assertFalse(rules.sourceByDefault(Scans.loopback()));
    }

    @Test
    void globsAreReadFromEveryKey() {
        MonitorConfiguration configuration = MonitorConfiguration.read(Configs.monitor(Map.of(
                "include", new String[] {"eth*, wlan*"},
                "exclude", new String[] {"eth9"},
                "source.exclude", new String[] {"wlan*"},
                "destination.exclude", new String[] {"eth1"},
                "scan.interval.ms", 100)), ORIGIN, PREVIOUS);

        SelectionRules rules = configuration.rules();
        assertEquals(new SelectionRules(NamePatterns.of("eth*", "wlan*"), NamePatterns.of("eth9"),
                NamePatterns.of("wlan*"), NamePatterns.of("eth1")), rules);
        assertEquals(Duration.ofMillis(100), configuration.scanInterval());
    }

    @Test
    void anIntervalOutOfRangeIsReportedAndThePreviousOneKept() {
        try (LogCapture log = LogCapture.of(MonitorConfiguration.class)) {
            MonitorConfiguration configuration = MonitorConfiguration.read(
                    Configs.monitor(Map.of("scan.interval.ms", 0, "exclude", new String[] {"eth1"})), ORIGIN,
                    PREVIOUS);

            assertEquals(PREVIOUS, configuration.scanInterval());
            assertFalse(configuration.rules().reports("eth1"), "the other keys still apply");
            assertEquals(List.of(ORIGIN + ": scan.interval.ms: must be between 10 and 60000, got 0;"
                    + " keeping a scan interval of 500 ms"), log.messages(Level.SEVERE));
        }
    }

    @Test
    void anIntervalThatIsNoNumberIsReportedAndThePreviousOneKept() {
        try (LogCapture log = LogCapture.of(MonitorConfiguration.class)) {
            MonitorConfiguration configuration = MonitorConfiguration.read(Configs.monitor(Map.of(
                    "scan.interval.ms", new IllegalArgumentException("For input string: \"fast\""))), ORIGIN,
                    PREVIOUS);

            assertEquals(PREVIOUS, configuration.scanInterval());
            assertEquals(List.of(ORIGIN + ": scan.interval.ms: not a number of milliseconds (For input string:"
                    + " \"fast\"); keeping a scan interval of 500 ms"), log.messages(Level.SEVERE));
        }
    }
}
