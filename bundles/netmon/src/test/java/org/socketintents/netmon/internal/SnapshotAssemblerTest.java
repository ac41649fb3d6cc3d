package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.netmon.internal.Scans.link;
import static org.socketintents.netmon.internal.Scans.loopback;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;

/** How a scan, the selection rules and the per-interface settings become descriptions. */
class SnapshotAssemblerTest {

    private static final List<ScannedInterface> HOST = List.of(
            loopback(),
            link("eth0", 2, true, "192.0.2.2/24", "fd00::2/64"),
            link("eth1", 3, true, "198.51.100.2/24"),
            link("wlan0", 4, true, "203.0.113.2/24"));

    @Test
    void withoutConfigurationEveryInterfaceIsReportedAndLoopbackIsNoSource() {
        List<InterfaceDescription> all = SnapshotAssembler.assemble(HOST, SelectionRules.ALL, Map.of());

        assertEquals(List.of("lo", "eth0", "eth1", "wlan0"), names(all));
        InterfaceDescription lo = all.get(0);
        assertFalse(lo.isSourceEnabled(), "loopback reaches nothing beyond the host");
        assertTrue(lo.isDestinationEnabled());
        InterfaceDescription eth0 = all.get(1);
        assertTrue(eth0.isSourceEnabled());
        assertTrue(eth0.isDestinationEnabled());
        assertEquals(2, eth0.index());
        assertEquals(List.of(Scans.prefix("192.0.2.2/24"), Scans.prefix("fd00::2/64")), eth0.prefixes());
        assertEquals(Map.of(), eth0.properties());
        assertEquals(List.of("eth0", "eth1", "wlan0"), names(new Interfaces(1, all).sourceCandidates()));
    }

    @Test
    void includeGlobsSelectAndExcludeGlobsWin() {
        SelectionRules rules = rules(NamePatterns.of("eth*,wlan?"), NamePatterns.of("eth1"), NamePatterns.NONE,
                NamePatterns.NONE);

        assertEquals(List.of("eth0", "wlan0"), names(SnapshotAssembler.assemble(HOST, rules, Map.of())));
    }

    @Test
    void anEmptyIncludeListReportsAll() {
        SelectionRules rules = rules(NamePatterns.NONE, NamePatterns.of("wlan*"), NamePatterns.NONE,
                NamePatterns.NONE);

        assertEquals(List.of("lo", "eth0", "eth1"), names(SnapshotAssembler.assemble(HOST, rules, Map.of())));
    }

    @Test
    void sourceAndDestinationExcludesKeepTheInterfaceButFlipItsRole() {
        SelectionRules rules = rules(NamePatterns.NONE, NamePatterns.NONE, NamePatterns.of("wlan*"),
                NamePatterns.of("eth1"));

        Interfaces snapshot = new Interfaces(1, SnapshotAssembler.assemble(HOST, rules, Map.of()));

        InterfaceDescription wlan0 = snapshot.named("wlan0").orElseThrow();
        assertFalse(wlan0.isSourceEnabled());
        assertTrue(wlan0.isDestinationEnabled());
        InterfaceDescription eth1 = snapshot.named("eth1").orElseThrow();
        assertTrue(eth1.isSourceEnabled());
        assertFalse(eth1.isDestinationEnabled());
        assertEquals(List.of("eth0", "eth1"), names(snapshot.sourceCandidates()));
    }

    @Test
    void anInterfacesOwnSettingsOverrideTheRulesAndTheLoopbackDefault() throws InvalidSettingException {
        SelectionRules rules = rules(NamePatterns.NONE, NamePatterns.NONE, NamePatterns.of("eth1"),
                NamePatterns.of("eth1"));
        Map<String, InterfaceSettings> configured = Map.of(
                "lo", settings(Map.of("name", "lo", "source", "true")),
                "eth0", settings(Map.of("name", "eth0", "source", "false", "destination", "false")),
                "eth1", settings(Map.of("name", "eth1", "source", "true", "destination", "true")));

        Interfaces snapshot = new Interfaces(1, SnapshotAssembler.assemble(HOST, rules, configured));

        assertTrue(snapshot.named("lo").orElseThrow().isSourceEnabled());
        assertFalse(snapshot.named("eth0").orElseThrow().isSourceEnabled());
        assertFalse(snapshot.named("eth0").orElseThrow().isDestinationEnabled());
        assertTrue(snapshot.named("eth1").orElseThrow().isSourceEnabled());
        assertTrue(snapshot.named("eth1").orElseThrow().isDestinationEnabled());
        assertEquals(List.of("lo", "eth1", "wlan0"), names(snapshot.sourceCandidates()));
    }

    @Test
    void settingsKeyValuesBecomeTheDescriptionsProperties() throws InvalidSettingException {
        Map<String, InterfaceSettings> configured = Map.of("eth0", settings(Map.of("name", "eth0",
                "bandwidth.down", "6M", "bandwidth.up", "768k", "rtt", "10", "cost", "1", "dns", "192.0.2.53",
                "medium", "dsl")));

        InterfaceDescription eth0 = SnapshotAssembler.assemble(HOST, SelectionRules.ALL, configured).get(1);

        assertEquals(Map.of("bandwidth.down", "6M", "bandwidth.up", "768k", "rtt", "10", "cost", "1",
                "dns", "192.0.2.53", "medium", "dsl"), eth0.properties());
        assertEquals(6_000_000L, eth0.downloadBandwidth().getAsLong());
        assertEquals(768_000L, eth0.uploadBandwidth().getAsLong());
        assertEquals(10.0, eth0.rttMillis().getAsDouble());
        assertEquals(List.of(Scans.prefix("192.0.2.53/32").address()), eth0.dnsServers());
    }

    @Test
    void settingsForAnAbsentOrExcludedInterfaceAddNothing() throws InvalidSettingException {
        SelectionRules rules = rules(NamePatterns.NONE, NamePatterns.of("wlan0"), NamePatterns.NONE,
                NamePatterns.NONE);
        Map<String, InterfaceSettings> configured = Map.of(
                "wlan0", settings(Map.of("name", "wlan0", "source", "true")),
                "i2", settings(Map.of("name", "i2", "rtt", "70")));

        assertEquals(List.of("lo", "eth0", "eth1"), names(SnapshotAssembler.assemble(HOST, rules, configured)));
    }

    private static SelectionRules rules(NamePatterns include, NamePatterns exclude, NamePatterns sourceExclude,
                                        NamePatterns destinationExclude) {
        return new SelectionRules(include, exclude, sourceExclude, destinationExclude);
    }

    private static InterfaceSettings settings(Map<String, Object> configuration) throws InvalidSettingException {
        return InterfaceSettings.from(configuration, "test");
    }

    static List<String> names(List<InterfaceDescription> descriptions) {
        return descriptions.stream().map(InterfaceDescription::name).collect(Collectors.toList());
    }
}
