package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.netmon.internal.Scans.link;
import static org.socketintents.netmon.internal.Scans.loopback;
import static org.socketintents.netmon.internal.SnapshotAssemblerTest.names;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.net.InterfaceListener;
import org.socketintents.api.net.Interfaces;

/** The component as SCR drives it: bind, activate, modify, deactivate, with a synthetic host. */
class NetworkMonitorTest {

    private static final Map<String, Object> NO_CONFIGURATION = Map.of();

    private final FakeScanner scanner = new FakeScanner();
    private final NetworkMonitor monitor = new NetworkMonitor(scanner);
    private final Recorder recorder = new Recorder();
    private boolean active;

    @AfterEach
    void deactivate() {
        if (active) {
            monitor.deactivate();
        }
    }

    @Test
    void theFirstSnapshotIsThereWhenActivationReturnsAndListenersHearItFromTheMonitorThread()
            throws InterruptedException {
        scanner.set(loopback(), link("eth0", 2, true, "192.0.2.2/24"));
        monitor.addListener(recorder);

        activate(Map.of());

        assertEquals(1, monitor.interfaces().generation());
        assertEquals(List.of("lo", "eth0"), names(monitor.interfaces().all()));
        Interfaces heard = recorder.next();
        assertEquals(1, heard.generation());
        assertEquals(NetworkMonitor.THREAD_NAME, recorder.threads.take());
    }

    @Test
    void hostChangesAreNoticedByPollingAndNothingElseIsAnnounced() throws InterruptedException {
        scanner.set(loopback(), link("eth0", 2, true, "192.0.2.2/24"));
        monitor.addListener(recorder);
        activate(Map.of("scan.interval.ms", 10));
        assertEquals(1, recorder.next().generation());

        scanner.set(loopback(), link("eth0", 2, false, "192.0.2.2/24"));

        Interfaces down = recorder.next();
        assertEquals(2, down.generation());
        assertFalse(down.named("eth0").orElseThrow().isUp());
        assertTrue(scanner.awaitScans(3));
        assertNull(recorder.heard.poll(), "polls that find no change announce nothing");
        assertEquals(2, monitor.interfaces().generation());
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthersOrTheMonitor() throws InterruptedException {
        scanner.set(link("eth0", 2, true, "192.0.2.2/24"));
        monitor.addListener(current -> {
            throw new IllegalStateException("listener bug");
        });
        monitor.addListener(recorder);
        activate(Map.of("scan.interval.ms", 10));
        assertEquals(1, recorder.next().generation());

        scanner.set(link("eth0", 2, true, "192.0.2.2/24", "fd00::2/64"));

        assertEquals(2, recorder.next().generation());
    }

    @Test
    void aModifiedConfigurationAppliesAtOnceAndKeepsTheMonitor() throws InterruptedException {
        scanner.set(link("eth0", 2, true, "192.0.2.2/24"), link("wlan0", 3, true, "203.0.113.2/24"));
        monitor.addListener(recorder);
        activate(Map.of());
        assertEquals(1, recorder.next().generation());

        monitor.modified(Configs.monitor(Map.of("exclude", new String[] {"wlan*"},
                "source.exclude", new String[] {"eth0"})), NO_CONFIGURATION);

        Interfaces modified = monitor.interfaces();
        assertEquals(2, modified.generation());
        assertEquals(List.of("eth0"), names(modified.all()));
        assertFalse(modified.named("eth0").orElseThrow().isSourceEnabled());
        assertEquals(modified, recorder.next());
        assertEquals(NetworkMonitor.THREAD_NAME, recorder.threads.take());
    }

    @Test
    void interfaceConfigurationsComeAndGoWithTheirServices() throws InterruptedException {
        scanner.set(link("i1", 2, true, "10.1.0.2/24"), link("i2", 3, true, "10.2.0.2/24"));
        InterfaceConfiguration i1 = configuration("i1", Map.of("name", "i1", "bandwidth.down", "6M"));
        monitor.addConfiguration(i1, Map.of("service.id", 40L));
        monitor.addListener(recorder);
        activate(Map.of());
        assertEquals(Map.of("bandwidth.down", "6M"), recorder.next().named("i1").orElseThrow().properties());

        InterfaceConfiguration i2 = configuration("i2", Map.of("name", "i2", "bandwidth.down", "12M"));
        monitor.addConfiguration(i2, Map.of("service.id", 41L));
        assertEquals("i2", recorder.next().highestDownloadBandwidth().orElseThrow().name());

        i2.modified(Configs.interfaceFile("i2", Map.of("name", "i2", "bandwidth.down", "fast")));
        monitor.updatedConfiguration(i2, Map.of("service.id", 41L));
        assertTrue(scanner.awaitScans(2));
        assertNull(recorder.heard.poll(), "an unusable change keeps the last usable settings");

        monitor.removeConfiguration(i1, Map.of("service.id", 40L));
        assertEquals(Map.of(), recorder.next().named("i1").orElseThrow().properties());
    }

    @Test
    void anUnusableConfigurationNeverReachesTheSnapshot() throws InterruptedException {
        scanner.set(link("i1", 2, true, "10.1.0.2/24"));
        activate(Map.of());

        monitor.addConfiguration(configuration("i1", Map.of("name", "i1", "rtt", "slow")),
                Map.of("service.id", 40L));

        assertEquals(1, monitor.interfaces().generation());
        assertEquals(Map.of(), monitor.interfaces().named("i1").orElseThrow().properties());
    }

    @Test
    void deactivationEndsTheMonitorThread() {
        scanner.set(loopback());
        activate(Map.of());
        assertNotNull(monitorThread());

        monitor.deactivate();
        active = false;

        assertNull(monitorThread());
    }

    private void activate(Map<String, Object> configuration) {
        monitor.activate(Configs.monitor(configuration), NO_CONFIGURATION);
        active = true;
    }

    private static InterfaceConfiguration configuration(String label, Map<String, Object> values) {
        InterfaceConfiguration configuration = new InterfaceConfiguration();
        configuration.activate(Configs.interfaceFile(label, values));
        return configuration;
    }

    private static Thread monitorThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(NetworkMonitor.THREAD_NAME))
                .findFirst().orElse(null);
    }

    /** Records what it hears, and on which thread. */
    private static final class Recorder implements InterfaceListener {
        final BlockingQueue<Interfaces> heard = new LinkedBlockingQueue<>();
        final BlockingQueue<String> threads = new LinkedBlockingQueue<>();

        @Override
        public void interfacesChanged(Interfaces current) {
            threads.add(Thread.currentThread().getName());
            heard.add(current);
        }

        Interfaces next() throws InterruptedException {
            Interfaces next = heard.poll(10, TimeUnit.SECONDS);
            assertNotNull(next, "no announcement within 10 s");
            return next;
        }
    }
}
