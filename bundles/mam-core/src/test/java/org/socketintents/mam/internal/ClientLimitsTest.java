package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;
import org.socketintents.testing.LogCapture;

/**
 * Hostile clients (slow-loris, silent, flooding) lose their own connections, or at most their own share of the
 * machine; a well-behaved bystander keeps being answered at about its normal latency.
 */
@Timeout(120)
class ClientLimitsTest {

    private static final int FRAME_TIMEOUT_MS = 300;
    private static final int WRITE_TIMEOUT_MS = 300;
    private static final int PER_USER = 3;
    private static final int ROUND_TRIPS = 400;

    @TempDir
    Path directory;

    private RunningMam start() throws IOException {
        return new RunningMam(directory.resolve("mam.sock"), Map.of("frame_timeout_ms", FRAME_TIMEOUT_MS,
                "idle_timeout_s", 1, "max_clients", 512));
    }

    @Test
    void slowLorisIsCutOffAfterTheFrameTimeout() throws Exception {
        try (RunningMam mam = start(); WireClient loris = new WireClient(mam.socket)) {
            ByteBuffer frame = MessageEncoder.encode(new Ping(1));
            long began = System.nanoTime();
            loris.sendRaw(ByteBuffer.wrap(new byte[] {frame.get(0)}));
            assertTrue(loris.isClosedByPeer(), "the MAM should close a frame that does not complete");
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            assertTrue(waited >= FRAME_TIMEOUT_MS, "closed after " + waited + " ms, before frame.timeout.ms");
        }
    }

    @Test
    void silentConnectionIsClosedAfterTheIdleTimeoutAndAnActiveOneIsNot() throws Exception {
        try (RunningMam mam = start(); WireClient silent = new WireClient(mam.socket);
             WireClient active = new WireClient(mam.socket)) {
            long began = System.nanoTime();
            CompletableFuture<Boolean> silentClosed = CompletableFuture.supplyAsync(() -> closedByPeer(silent));
            for (int i = 0; !silentClosed.isDone(); i++) {
                assertEquals(new Pong(i), active.call(new Ping(i)));
                Thread.sleep(200); // the pace of a client well within the idle timeout
            }
            assertTrue(silentClosed.get());
            assertTrue(System.nanoTime() - began >= TimeUnit.SECONDS.toNanos(1));
            assertEquals(new Pong(7), active.call(new Ping(7)));
            assertEquals(0, mam.server.status().protocolErrors());
        }
    }

    @Test
    void aClientThatDoesNotReadItsRepliesIsDisconnectedOnceAndABystanderKeepsBeingAnswered() throws Exception {
        try (LogCapture sessionLog = LogCapture.of(ClientSession.class);
             RunningMam mam = new RunningMam(directory.resolve("mam.sock"),
                     Map.of("write_timeout_ms", WRITE_TIMEOUT_MS));
             WireClient bystander = new WireClient(mam.socket)) {
            CompletableFuture<Long> flooder = CompletableFuture.supplyAsync(() -> floodWithoutReading(mam.socket));
            int answered = 0;
            while (!flooder.isDone()) {
                assertEquals(new Pong(answered), bystander.call(new Ping(answered)));
                answered++;
            }
            long sent = flooder.get();
            awaitClients(mam, 1);
            assertEquals(new Pong(-1), bystander.call(new Ping(-1)));
            List<String> closed = sessionLog.containing(Level.INFO, "does not read its replies");
            System.out.printf("flooder cut off after %d frames; the bystander was answered %d times meanwhile%n",
                    sent, answered);
            assertEquals(1, closed.size(), () -> "logged: " + sessionLog.atOrAbove(Level.INFO));
            assertTrue(closed.get(0).contains("write.timeout.ms = " + WRITE_TIMEOUT_MS), closed.get(0));
        }
    }

    @Test
    void aUserOverItsConnectionLimitIsRefusedUntilOneOfItsConnectionsCloses() throws Exception {
        List<WireClient> admitted = new ArrayList<>();
        try (LogCapture warnings = LogCapture.of(ClientSession.class);
             RunningMam mam = new RunningMam(directory.resolve("mam.sock"), Map.of("max_clients_per_user", PER_USER))) {
            for (int i = 0; i < PER_USER; i++) {
                admitted.add(new WireClient(mam.socket));
                assertEquals(new Pong(i), admitted.get(i).call(new Ping(i)));
            }
            for (int attempt = 0; attempt < 3; attempt++) {
                try (WireClient extra = new WireClient(mam.socket)) {
                    ErrorReply refused = (ErrorReply) extra.read();
                    assertEquals(ErrorCode.OVERLOADED, refused.code());
                    assertTrue(refused.message().contains("uid " + ownUid() + " has " + PER_USER + " connections"),
                            refused.message());
                    assertTrue(extra.isClosedByPeer());
                }
            }
            assertEquals(1, warnings.containing(Level.WARNING, "max.clients.per.user").size(),
                    () -> "a user that keeps trying is warned about once: " + warnings.atOrAbove(Level.WARNING));
            admitted.remove(0).close();
            awaitClients(mam, PER_USER - 1);
            try (WireClient again = new WireClient(mam.socket)) {
                assertEquals(new Pong(7), again.call(new Ping(7)));
            }
            for (int i = 0; i < admitted.size(); i++) {
                assertEquals(new Pong(i), admitted.get(i).call(new Ping(i)), "admitted clients keep being served");
            }
        } finally {
            for (WireClient client : admitted) {
                client.close();
            }
        }
    }

    @Test
    void hostileClientsDoNotDelayABystander() throws Exception {
        try (RunningMam mam = start(); WireClient bystander = new WireClient(mam.socket)) {
            long[] quiet = roundTrips(bystander);
            AtomicBoolean attacking = new AtomicBoolean(true);
            List<Thread> attackers = new ArrayList<>();
            List<WireClient> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    silent.add(new WireClient(mam.socket));
                }
                attackers.add(attacker("loris", attacking, () -> slowLoris(mam.socket, attacking)));
                for (int i = 0; i < 2; i++) {
                    attackers.add(attacker("flood-" + i, attacking, () -> flood(mam.socket, attacking)));
                }
                long[] attacked = roundTrips(bystander);
                System.out.printf("bystander PING round trip, microseconds: quiet p50 %d p99 %d;"
                                + " under attack p50 %d p99 %d%n", quiet[0] / 1000, quiet[1] / 1000,
                        attacked[0] / 1000, attacked[1] / 1000);
                assertTrue(attacked[1] < 10 * quiet[1] + TimeUnit.MILLISECONDS.toNanos(5),
                        "p99 under attack " + attacked[1] + " ns, quiet " + quiet[1] + " ns");
            } finally {
                attacking.set(false);
                for (Thread attacker : attackers) {
                    attacker.join();
                }
                for (WireClient client : silent) {
                    client.close();
                }
            }
        }
    }

    /** Sends PINGs and never reads the PONGs, until the MAM cuts the connection. */
    private static long floodWithoutReading(Path socket) {
        ByteBuffer batch = ByteBuffer.allocate(64 * 16);
        for (int i = 0; i < 64; i++) {
            batch.put(MessageEncoder.encode(new Ping(i)));
        }
        batch.flip();
        long frames = 0;
        try (WireClient flooder = new WireClient(socket)) {
            while (true) {
                flooder.sendRaw(batch.duplicate());
                frames += 64;
            }
        } catch (IOException cutOff) {
            return frames;
        }
    }

    /** Sessions end on their own threads, after the connection has gone. */
    private static void awaitClients(RunningMam mam, int clients) throws InterruptedException {
        while (mam.server.status().clients() != clients) {
            Thread.sleep(10);
        }
    }

    private static long ownUid() throws IOException {
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    }

    private static boolean closedByPeer(WireClient client) {
        try {
            return client.isClosedByPeer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return p50 and p99 of the bystander's PING round trips, in nanoseconds */
    private static long[] roundTrips(WireClient client) throws Exception {
        long[] nanos = new long[ROUND_TRIPS];
        for (int i = 0; i < ROUND_TRIPS; i++) {
            long began = System.nanoTime();
            assertEquals(new Pong(i), client.call(new Ping(i)));
            nanos[i] = System.nanoTime() - began;
        }
        Arrays.sort(nanos);
        return new long[] {nanos[ROUND_TRIPS / 2], nanos[ROUND_TRIPS * 99 / 100]};
    }

    private interface Attack {
        void run() throws Exception;
    }

    private static Thread attacker(String name, AtomicBoolean attacking, Attack attack) {
        Thread thread = new Thread(() -> {
            try {
                attack.run();
            } catch (Exception e) {
                if (attacking.get()) {
                    throw new IllegalStateException(name + " failed", e);
                }
            }
        }, name);
        thread.start();
        return thread;
    }

    /** Sends a frame one byte at a time, reconnecting each time the MAM cuts it off. */
    private static void slowLoris(Path socket, AtomicBoolean attacking) throws Exception {
        ByteBuffer frame = MessageEncoder.encode(new Ping(1));
        while (attacking.get()) {
            try (WireClient loris = new WireClient(socket)) {
                for (int i = 0; i < frame.limit() && attacking.get(); i++) {
                    loris.sendRaw(ByteBuffer.wrap(new byte[] {frame.get(i)}));
                    Thread.sleep(100);
                }
            } catch (IOException cutOff) {
                // expected: the MAM closed the connection, come back with a new one
            }
        }
    }

    /** Pipelines PINGs in batches of 64 and reads the answers, as fast as it can. */
    private static void flood(Path socket, AtomicBoolean attacking) throws Exception {
        ByteBuffer batch = ByteBuffer.allocate(64 * 16);
        for (int i = 0; i < 64; i++) {
            batch.put(MessageEncoder.encode(new Ping(i)));
        }
        batch.flip();
        try (WireClient flooder = new WireClient(socket)) {
            while (attacking.get()) {
                flooder.sendRaw(batch.duplicate());
                for (int i = 0; i < 64; i++) {
                    assertEquals(new Pong(i), flooder.read());
                }
            }
        }
    }
}
