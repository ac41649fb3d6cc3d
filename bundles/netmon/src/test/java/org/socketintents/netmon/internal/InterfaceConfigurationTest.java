package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.socketintents.testing.LogCapture;

class InterfaceConfigurationTest {

    private static final String FILE = "file:/opt/mam/conf/org.socketintents.netmon.interface-i1.cfg";

    @Test
    void anUnusableConfigurationIsReportedWithItsFileAndKeyAndOffersNoSettings() {
        InterfaceConfiguration configuration = new InterfaceConfiguration();
        try (LogCapture log = LogCapture.of(InterfaceConfiguration.class)) {
            configuration.activate(Configs.interfaceFile("i1", Map.of("name", "i1", "bandwidth.down", "fast")));

            assertEquals(Optional.empty(), configuration.settings());
            assertEquals(List.of("Ignoring configuration org.socketintents.netmon.interface~i1 (" + FILE
                    + "): bandwidth.down: not a bit rate: 'fast'"), log.messages(Level.SEVERE));
        }
    }

    @Test
    void aMissingNameIsReported() {
        InterfaceConfiguration configuration = new InterfaceConfiguration();
        try (LogCapture log = LogCapture.of(InterfaceConfiguration.class)) {
            configuration.activate(Configs.interfaceFile("i1", Map.of("rtt", "10")));

            assertEquals(Optional.empty(), configuration.settings());
            String message = log.messages(Level.SEVERE).get(0);
            assertTrue(message.contains(FILE) && message.contains("name: required"), message);
        }
    }

    @Test
    void anUnusableChangeKeepsTheLastUsableSettings() {
        InterfaceConfiguration configuration = new InterfaceConfiguration();
        configuration.activate(Configs.interfaceFile("i1", Map.of("name", "i1", "rtt", "10")));
        try (LogCapture log = LogCapture.of(InterfaceConfiguration.class)) {
            configuration.modified(Configs.interfaceFile("i1", Map.of("name", "i1", "rtt", "slow")));

            InterfaceSettings kept = configuration.settings().orElseThrow();
            assertEquals(Map.of("rtt", "10"), kept.properties());
            assertEquals(List.of("Keeping the previous settings of interface i1, configuration "
                    + "org.socketintents.netmon.interface~i1 (" + FILE + ") is unusable: rtt: not a round-trip time:"
                    + " 'slow'"), log.messages(Level.SEVERE));
        }
    }

    @Test
    void aUsableChangeReplacesTheSettings() {
        InterfaceConfiguration configuration = new InterfaceConfiguration();
        configuration.activate(Configs.interfaceFile("i1", Map.of("name", "i1", "rtt", "10")));

        configuration.modified(Configs.interfaceFile("i1", Map.of("name", "i1", "rtt", "70", "source", "false")));

        InterfaceSettings settings = configuration.settings().orElseThrow();
        assertEquals(Map.of("rtt", "70"), settings.properties());
        assertEquals(Optional.of(false), settings.source());
        assertEquals("configuration org.socketintents.netmon.interface~i1 (" + FILE + ")", settings.origin());
    }
}
