package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.netmon.internal.Scans.link;
import static org.socketintents.netmon.internal.Scans.loopback;
import static org.socketintents.netmon.internal.SnapshotAssemblerTest.names;

import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.socketintents.testing.LogCapture;

/** Host changes as the scanner reports them, and what each does to the published snapshot. */
class InterfaceTrackerTest {

    private final FakeScanner scanner = new FakeScanner();
    private final ConfiguredInterfaces configured = new ConfiguredInterfaces();
    private final InterfaceTracker tracker = new InterfaceTracker(scanner, configured);

    @Test
    void beforeTheFirstScanTheSnapshotIsEmpty() {
        assertSame(Interfaces.empty(), tracker.current());
    }

    @Test
    void theFirstScanIsGenerationOne() {
        scanner.set(loopback(), link("eth0", 2, true, "192.0.2.2/24"));

        tracker.poll();

        Interfaces snapshot = tracker.current();
        assertEquals(1, snapshot.generation());
        assertEquals(List.of("lo", "eth0"), names(snapshot.all()));
        assertEquals(List.of("eth0"), names(snapshot.sourceCandidates()));
    }

    @Test
    void anUnchangedHostKeepsTheSameSnapshot() {
        scanner.set(loopback(), link("eth0", 2, true, "192.0.2.2/24"));
        tracker.poll();
        Interfaces first = tracker.current();
        scanner.set(loopback(), link("eth0", 2, true, "192.0.2.2/24"));

        tracker.poll();
        tracker.rebuild();

        assertSame(first, tracker.current());
    }

    @Test
    void addressesAddedAndRemovedMakeNewGenerations() {
        scanner.set(link("eth0", 2, true, "192.0.2.2/24"));
        tracker.poll();

        scanner.set(link("eth0", 2, true, "192.0.2.2/24", "fd00::2/64"));
        tracker.poll();
        Interfaces added = tracker.current();
        scanner.set(link("eth0", 2, true, "fd00::2/64"));
        tracker.poll();
        Interfaces removed = tracker.current();

        assertEquals(2, added.generation());
        assertEquals(List.of(Scans.prefix("192.0.2.2/24"), Scans.prefix("fd00::2/64")),
                added.named("eth0").orElseThrow().prefixes());
        assertEquals(3, removed.generation());
        assertEquals(List.of(Scans.prefix("fd00::2/64")), removed.named("eth0").orElseThrow().prefixes());
    }

    @Test
    void aLinkGoingDownStaysInTheSnapshotButIsNoSourceCandidate() {
        scanner.set(link("eth0", 2, true, "192.0.2.2/24"), link("wlan0", 3, true, "203.0.113.2/24"));
        tracker.poll();

        scanner.set(link("eth0", 2, false, "192.0.2.2/24"), link("wlan0", 3, true, "203.0.113.2/24"));
        tracker.poll();

        Interfaces snapshot = tracker.current();
        assertEquals(2, snapshot.generation());
        InterfaceDescription eth0 = snapshot.named("eth0").orElseThrow();
        assertFalse(eth0.isUp());
        assertTrue(eth0.isSourceEnabled(), "down is a state, not a configuration");
        assertEquals(List.of("wlan0"), names(snapshot.sourceCandidates()));
    }

    @Test
    void interfacesVanishingAndAppearingMakeNewGenerations() {
        scanner.set(loopback(), link("eth0", 2, true, "192.0.2.2/24"));
        tracker.poll();

        scanner.set(loopback());
        tracker.poll();
        Interfaces vanished = tracker.current();
        scanner.set(loopback(), link("eth0", 5, true, "192.0.2.2/24"));
        tracker.poll();
        Interfaces reappeared = tracker.current();

        assertEquals(2, vanished.generation());
        assertEquals(List.of("lo"), names(vanished.all()));
        assertEquals(3, reappeared.generation());
        assertEquals(5, reappeared.named("eth0").orElseThrow().index());
    }

    @Test
    void aConfiguredInterfaceAppearsWithItsConfigurationWhenItShowsUp() throws InvalidSettingException {
        configured.put(1, InterfaceSettings.from(Map.of("name", "i2", "bandwidth.down", "12M"), "i2.cfg"));
        scanner.set(link("i1", 2, true, "10.1.0.2/24"));
        try (LogCapture log = LogCapture.of(InterfaceTracker.class)) {
            tracker.poll();

            assertEquals(List.of("i1"), names(tracker.current().all()));
            assertTrue(log.messages(Level.INFO).contains(
                    "Configured interfaces not in the snapshot (not on this host yet, or excluded): [i2]"));
        }

        scanner.set(link("i1", 2, true, "10.1.0.2/24"), link("i2", 3, true, "10.2.0.2/24"));
        tracker.poll();

        Interfaces snapshot = tracker.current();
        assertEquals(2, snapshot.generation());
        assertEquals(12_000_000L, snapshot.named("i2").orElseThrow().downloadBandwidth().getAsLong());
        assertEquals("i2", snapshot.highestDownloadBandwidth().orElseThrow().name());
    }

    @Test
    void configurationChangesMakeANewGenerationOnlyWhenTheyChangeTheSnapshot() throws InvalidSettingException {
        scanner.set(link("eth0", 2, true, "192.0.2.2/24"), link("wlan0", 3, true, "203.0.113.2/24"));
        tracker.poll();

        tracker.rules(new SelectionRules(NamePatterns.NONE, NamePatterns.of("wlan*"), NamePatterns.NONE,
                NamePatterns.NONE));
        Interfaces excluded = tracker.current();
        tracker.rules(new SelectionRules(NamePatterns.NONE, NamePatterns.of("wlan*", "ppp*"), NamePatterns.NONE,
                NamePatterns.NONE));
        configured.put(1, InterfaceSettings.from(Map.of("name", "wlan0", "rtt", "30"), "wlan0.cfg"));
        tracker.rebuild();

        assertEquals(2, excluded.generation());
        assertEquals(List.of("eth0"), names(excluded.all()));
        assertSame(excluded, tracker.current(), "neither change alters what is reported");

        configured.put(2, InterfaceSettings.from(Map.of("name", "eth0", "rtt", "10"), "eth0.cfg"));
        tracker.rebuild();

        assertEquals(3, tracker.current().generation());
        assertEquals(Map.of("rtt", "10"), tracker.current().named("eth0").orElseThrow().properties());
    }

    @Test
    void aFailingScanKeepsTheLastSnapshotAndIsReportedOnce() {
        scanner.set(link("eth0", 2, true, "192.0.2.2/24"));
        tracker.poll();
        Interfaces before = tracker.current();

        try (LogCapture log = LogCapture.of(InterfaceTracker.class)) {
            scanner.fail(new SocketException("Too many open files"));
            tracker.poll();
            tracker.poll();

            assertSame(before, tracker.current());
            assertEquals(List.of("Cannot scan the interfaces, keeping the last snapshot: Too many open files"),
                    log.messages(Level.WARNING));
        }

        scanner.set(link("eth0", 2, true, "192.0.2.3/24"));
        tracker.poll();

        assertEquals(2, tracker.current().generation());
    }
}
