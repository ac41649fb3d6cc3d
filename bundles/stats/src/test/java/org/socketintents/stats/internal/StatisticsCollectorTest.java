package org.socketintents.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.stats.internal.Connections.established;
import static org.socketintents.stats.internal.PaperInterfaces.I2;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.net.InterfaceMonitor;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.FigureSource;
import org.socketintents.api.stats.StatisticsSnapshot;
import org.socketintents.api.transport.SocketDiagnostics;

/** The collector with its real threads; waits are on latches and semaphores, never on time. */
class StatisticsCollectorTest {

    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path sysClassNet;

    private final FakeClock clock = new FakeClock();
    private final Semaphore samples = new Semaphore(0);
    private StatisticsCollector collector;

    @BeforeEach
    void setUp() {
        CounterDirectory counters = new CounterDirectory(sysClassNet);
        counters.set("i1", 0, 0);
        counters.set("i2", 0, 0);
    }

    @AfterEach
    void tearDown() {
        collector.deactivate();
    }

    /** The monitor the collector asks once per sample: each call is a sample starting. */
    private InterfaceMonitor countingMonitor() {
        return () -> {
            samples.release();
            return PaperInterfaces.both();
        };
    }

    private void start(SocketDiagnostics diagnostics, ConnectTimer timer, Map<String, Object> config) {
        collector = new StatisticsCollector(clock, timer);
        collector.setMonitor(countingMonitor());
        if (diagnostics != null) {
            collector.setDiagnostics(diagnostics);
        }
        Map<String, Object> values = new HashMap<>(config);
        values.put("sample.interval.ms", 10);
        values.put("counters.directory", sysClassNet.toString());
        collector.activate(Configs.collector(values));
    }

    private void awaitSnapshot(Predicate<StatisticsSnapshot> condition) throws InterruptedException {
        while (!condition.test(collector.snapshot())) {
            assertTrue(samples.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "no sample for " + WAIT_SECONDS + " s");
        }
    }

    private static Figure i2Rtt(StatisticsSnapshot snapshot) {
        return snapshot.of("i2").map(figures -> figures.traffic().srttMillis()).orElse(Figure.unavailable());
    }

    @Test
    void aDecisionNeverWaitsForASampleStuckInTheKernel() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger dumps = new AtomicInteger();
        SocketDiagnostics diagnostics = () -> {
            int dump = dumps.incrementAndGet();
            clock.advanceMillis(250);
            if (dump <= 2) {
                return List.of(established(I2, 40_000, 30, 1000 * dump, 0, 0));
            }
            stuck.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("collector stopped");
            }
            return List.of();
        };
        start(diagnostics, failingTimer(), Map.of());
        assertTrue(stuck.await(WAIT_SECONDS, TimeUnit.SECONDS));

        // Read from another thread: if reading needed the stuck sampler, this would time out instead of hanging.
        StatisticsSnapshot during = CompletableFuture.supplyAsync(collector::snapshot)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, release.getCount(), "the sample is still stuck in the kernel");
        assertEquals(FigureSource.MEASURED, i2Rtt(during).source());
        assertEquals(30, i2Rtt(during).value());

        clock.advanceMillis(10_001);
        StatisticsSnapshot later = CompletableFuture.supplyAsync(collector::snapshot)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(FigureSource.STALE, i2Rtt(later).source(), "a stuck sampler cannot pass old figures as fresh");
        assertEquals(Figure.configured(70), later.effective(PaperInterfaces.i2()).rttMillis());
        release.countDown();
    }

    @Test
    void idleInterfacesAreProbedAndTheirRttPublished() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        ConnectTimer seventyMillis = (source, target, timeout) -> {
            probes.incrementAndGet();
            assertEquals(PaperInterfaces.address(I2), source.getAddress());
            return 70_000_000;
        };
        start(null, seventyMillis, Map.of("probe.targets", new String[] {"i2=192.0.2.53:53"},
                "probe.interval.ms", 100));

        awaitSnapshot(snapshot -> i2Rtt(snapshot).isFresh());

        assertEquals(70, i2Rtt(collector.snapshot()).value());
        assertTrue(probes.get() >= 1);
    }

    @Test
    void aFailingSampleDoesNotStopTheNextOnes() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        collector = new StatisticsCollector(clock, failingTimer());
        collector.setMonitor(() -> {
            samples.release();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first sample fails");
            }
            return PaperInterfaces.both();
        });
        collector.activate(Configs.collector(Map.of("sample.interval.ms", 10,
                "counters.directory", sysClassNet.toString())));

        awaitSnapshot(snapshot -> snapshot.of("i1").isPresent());
    }

    private static ConnectTimer failingTimer() {
        return (source, target, timeout) -> {
            throw new ConnectException("no probes in this test");
        };
    }
}
