package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;

/**
 * Clients that connect, ask, and disconnect, over and over: no descriptor leaks, the heap after a full GC ends
 * within 10% of where it started (plus 4 MB for what the first connections load), and no request is answered
 * with anything but its answer. A short run by default; the soak is
 * {@code mvn -pl bundles/mam-core test -Dtest=SoakTest -Dsoak.seconds=600 -Dsoak.clients=1000}.
 */
class SoakTest {

    private static final long SECONDS = Long.getLong("soak.seconds", 3);
    private static final int CLIENTS = Integer.getInteger("soak.clients", 50);

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 2, unit = TimeUnit.HOURS)
    void connectingAndDisconnectingClientsLeakNothing() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (RunningMam mam = new RunningMam(directory.resolve("mam.sock"), Map.of("max_clients", CLIENTS + 16))) {
            warmUp(mam.socket);
            awaitNoClients(mam);
            long descriptorsBefore = openDescriptors();
            long heapBefore = heapAfterGc(memory);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            AtomicLong calls = new AtomicLong();
            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Thread client = new Thread(null, () -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        try (WireClient wire = new WireClient(mam.socket)) {
                            Object answer = wire.call(new Ping(i));
                            if (!new Pong(i).equals(answer)) {
                                errors.add(new AssertionError("answered " + answer));
                            }
                            calls.incrementAndGet();
                        } catch (Exception e) {
                            errors.add(e);
                        }
                    }
                }, "soak-" + c, 128 * 1024);
                client.start();
                clients.add(client);
            }
            for (Thread client : clients) {
                client.join();
            }
            awaitNoClients(mam);
            long descriptorsAfter = openDescriptors();
            long heapAfter = heapAfterGc(memory);
            System.out.printf("soak: %d clients, %d s, %d connections; descriptors %d -> %d;"
                            + " heap after GC %d KB -> %d KB%n", CLIENTS, SECONDS, calls.get(), descriptorsBefore,
                    descriptorsAfter, heapBefore / 1024, heapAfter / 1024);
            assertEquals(List.of(), List.copyOf(errors).subList(0, Math.min(errors.size(), 5)));
            assertEquals(descriptorsBefore, descriptorsAfter, "open descriptors");
            assertTrue(heapAfter <= heapBefore * 1.1 + 4 * 1024 * 1024,
                    "heap after GC grew from " + heapBefore + " to " + heapAfter);
        }
    }

    private static void warmUp(Path socket) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (WireClient wire = new WireClient(socket)) {
                assertEquals(new Pong(i), wire.call(new Ping(i)));
            }
        }
    }

    /** Sessions end on their own threads just after their clients hang up. */
    private static void awaitNoClients(RunningMam mam) throws InterruptedException {
        while (mam.server.status().clients() > 0) {
            Thread.sleep(10);
        }
    }

    private static long openDescriptors() throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
