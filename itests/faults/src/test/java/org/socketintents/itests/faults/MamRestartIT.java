package org.socketintents.itests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.client.IntentSocket;
import org.socketintents.client.MamClient;
import org.socketintents.client.MamClientConfig;

/**
 * The MAM killed with SIGKILL and restarted while 8 applications connect in a loop: every connect succeeds (the
 * OS default while the MAM is down), none waits longer than the client's fallback bound, and decisions resume
 * once the MAM is back.
 */
@Timeout(180)
class MamRestartIT {

    private static final int CLIENTS = 8;
    private static final Duration FALLBACK = Duration.ofMillis(100);
    /** Scheduling slack on a loaded 2-core machine, on top of the fallback bound. */
    private static final Duration MARGIN = Duration.ofMillis(900);
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @Test
    void connectsSurviveAKilledAndRestartedMam() throws Exception {
        Path work = Files.createTempDirectory("si-faults");
        Path socket = work.resolve("mam.sock");
        Path log = Path.of(System.getProperty("socketintents.itest.logs", "target/faults-logs"), "mam.log");
        // Every connect asks (no decision reuse), so that each one meets the dead MAM and has to fall back.
        MamClient mam = MamClient.create(MamClientConfig.builder().socketPath(socket).timeout(FALLBACK)
                .backoff(Duration.ofMillis(200)).decisionCache(0).build());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong connects = new AtomicLong();
        LongAccumulator slowest = new LongAccumulator(Math::max, 0);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        Daemon daemon = Daemon.start(work, socket, log);
        try (ServerSocket server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> acceptAll(server), "acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            awaitDecisions(mam, 0, log);
            InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            Intents intents = Intents.builder().category(Category.QUERY).build();
            for (int i = 0; i < CLIENTS; i++) {
                Thread client = new Thread(() -> {
                    while (running.get()) {
                        long began = System.nanoTime();
                        try (IntentSocket s = new IntentSocket(intents, mam)) {
                            s.connect(endpoint, 5000);
                        } catch (IOException e) {
                            failures.add(e.toString());
                        }
                        slowest.accumulate(System.nanoTime() - began);
                        connects.incrementAndGet();
                        pause(); // an application's pace, not a load test: 8 x 50 connects/s

                    }
                }, "client-" + i);
                client.start();
                clients.add(client);
            }
            awaitDecisions(mam, mam.status().answered(), log);
            awaitConnects(connects, connects.get() + 200);
            slowest.reset(); // the first connects of each thread include loading and compiling the client library
            daemon.kill();
            long killedAt = connects.get();
            long answeredAtKill = mam.status().answered();
            awaitConnects(connects, killedAt + 100);
            assertTrue(mam.status().fallbacks() > 0, "connects while the MAM is dead fall back: " + mam.status());

            daemon = Daemon.start(work, socket, log);
            awaitDecisions(mam, answeredAtKill, log);
            long answeredAfterRestart = mam.status().answered();
            awaitConnects(connects, connects.get() + 200);
            assertTrue(mam.status().answered() > answeredAfterRestart, "decisions resumed: " + mam.status());
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
            System.out.printf("%d connects (%d while the MAM was down or starting), slowest %d ms, %s%n",
                    connects.get(), connects.get() - killedAt,
                    TimeUnit.NANOSECONDS.toMillis(slowest.get()), mam.status());
            assertEquals(List.of(), List.copyOf(failures), "failed connects");
            assertTrue(slowest.get() < FALLBACK.plus(MARGIN).toNanos(),
                    "slowest connect " + TimeUnit.NANOSECONDS.toMillis(slowest.get()) + " ms");
        } finally {
            running.set(false);
            daemon.stop();
            mam.close();
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void acceptAll(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket accepted = server.accept()) {
                accepted.getInputStream().available(); // accepted and closed: the connect is all that is tested
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Waits until the MAM has answered more requests than {@code before}: decisions are (again) being made. */
    private static void awaitDecisions(MamClient mam, long before, Path log) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (mam.status().answered() <= before || !mam.status().lastRequestAnswered()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the MAM gave no decision within " + STARTUP + ": " + mam.status()
                        + "\n" + Files.readString(log));
            }
            mam.decide(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9), null, Intents.none());
            Thread.sleep(50);
        }
    }

    private static void awaitConnects(AtomicLong connects, long target) throws InterruptedException {
        while (connects.get() < target) {
            Thread.sleep(10);
        }
    }
}
