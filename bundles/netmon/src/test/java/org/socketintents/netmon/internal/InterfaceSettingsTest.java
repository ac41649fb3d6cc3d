package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class InterfaceSettingsTest {

    @Test
    void readsAFileInstallConfigurationAndLeavesTheFrameworksKeysOut() throws InvalidSettingException {
        Map<String, Object> file = Configs.interfaceFile("i1", Map.of("name", "i1", "source", "false",
                "bandwidth.down", "6M", "rtt", "10ms", "medium", "dsl", ".private", "x"));

        InterfaceSettings settings = InterfaceSettings.from(file, "origin");

        assertEquals("i1", settings.name());
        assertEquals("origin", settings.origin());
        assertEquals(Optional.of(false), settings.source());
        assertEquals(Optional.empty(), settings.destination());
        assertEquals(Map.of("bandwidth.down", "6M", "rtt", "10ms", "medium", "dsl"), settings.properties());
    }

    @Test
    void typedValuesFromAConfigFileBecomeStrings() throws InvalidSettingException {
        InterfaceSettings settings = InterfaceSettings.from(Map.of("name", " i2 ", "destination", Boolean.TRUE,
                "cost", 3L, "dns", new String[] {"192.0.2.53", "192.0.2.54"}, "ports", List.of(80, 443)), "origin");

        assertEquals("i2", settings.name());
        assertEquals(Optional.of(true), settings.destination());
        assertEquals(Map.of("cost", "3", "dns", "192.0.2.53,192.0.2.54", "ports", "80,443"), settings.properties());
    }

    @Test
    void flagsAcceptTrueAndFalseInAnyCaseAndBlankMeansUnset() throws InvalidSettingException {
        InterfaceSettings settings = InterfaceSettings.from(Map.of("name", "i1", "source", "TRUE",
                "destination", " "), "origin");

        assertEquals(Optional.of(true), settings.source());
        assertEquals(Optional.empty(), settings.destination());
    }

    @Test
    void aBlankWellKnownValueMeansNotConfigured() throws InvalidSettingException {
        InterfaceSettings settings = InterfaceSettings.from(Map.of("name", "i1", "bandwidth.down", ""), "origin");

        assertEquals(Map.of("bandwidth.down", ""), settings.properties());
    }

    @Test
    void theNameIsRequired() {
        assertProblem("name: required: the kernel name of the interface, e.g. name=eth0", Map.of("rtt", "10"));
        assertProblem("name: required: the kernel name of the interface, e.g. name=eth0", Map.of("name", "  "));
    }

    @Test
    void wellKnownValuesThatDoNotParseAreRejectedNamingTheKey() {
        assertProblem("bandwidth.down: not a bit rate: 'fast'", Map.of("name", "i1", "bandwidth.down", "fast"));
        assertProblem("bandwidth.up: not a bit rate: '1 Gig'", Map.of("name", "i1", "bandwidth.up", "1 Gig"));
        assertProblem("rtt: round-trip time must be a finite non-negative number: '-5'",
                Map.of("name", "i1", "rtt", "-5"));
        assertProblem("cost: not a cost: 'cheap'", Map.of("name", "i1", "cost", "cheap"));
        assertProblem("dns: not an IP address: 'ns.example.net'", Map.of("name", "i1", "dns", "ns.example.net"));
    }

    @Test
    void flagsOtherThanTrueOrFalseAreRejected() {
        assertProblem("source: expected true or false, got 'yes'", Map.of("name", "i1", "source", "yes"));
        assertProblem("destination: expected true or false, got '1'", Map.of("name", "i1", "destination", 1));
    }

    private static void assertProblem(String expected, Map<String, Object> configuration) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> InterfaceSettings.from(configuration, "origin"));
        assertEquals(expected, e.getMessage());
    }
}
