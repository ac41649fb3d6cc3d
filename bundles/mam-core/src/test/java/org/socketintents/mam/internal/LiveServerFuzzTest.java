package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.ResolveRequest;
import org.socketintents.protocol.SocketConnectRequest;
import org.socketintents.protocol.StatsRequest;
import org.socketintents.testing.LogCapture;

/**
 * Fuzzes a running MAM over its socket: valid request frames, damaged at random, each sent on a connection of its
 * own by several threads at once. Every connection must get well-formed answers and then a close within a bound,
 * the MAM must log no failed session, and a bystander must keep being answered.
 *
 * <p>Inputs are reproducible: connection {@code n} of seed {@code s} uses {@code new Random(s + n)}. Failing inputs
 * go to {@code target/fuzz-crashes}. {@code -Dfuzz.seconds=600 -Dfuzz.seed=...} makes a long run.
 */
class LiveServerFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_131_209L);
    private static final long SECONDS = Long.getLong("fuzz.seconds", 5);
    private static final int THREADS = 8;
    private static final int FRAME_TIMEOUT_MS = 200;
    private static final int MAX_FRAME_BYTES = 4096;
    /** Longest any answer or close may take: the frame timeout, the timeout check's resolution, and slack. */
    private static final int ANSWER_BOUND_MS = FRAME_TIMEOUT_MS + 2000;
    private static final Path CRASHES = Path.of("target", "fuzz-crashes");

    @TempDir
    Path directory;

    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void mutatedFramesGetAnswersOrClosesAndTheMamKeepsServing() throws Exception {
        List<byte[]> corpus = corpus();
        AtomicLong connections = new AtomicLong();
        // a session that failed with an exception the MAM did not expect logs it at ERROR
        LogCapture failedSessions = LogCapture.of(ClientSession.class);
        try (failedSessions; RunningMam mam = new RunningMam(directory.resolve("mam.sock"), Map.of("frame_timeout_ms",
                FRAME_TIMEOUT_MS, "max_frame_bytes", MAX_FRAME_BYTES, "max_clients", 4 * THREADS));
             WireClient bystander = new WireClient(directory.resolve("mam.sock"))) {
            mam.engine.setResolver(new ScriptedResolver()); // no DNS: mutated host names must not leave the box
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            ExecutorService fuzzers = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                running.add(fuzzers.submit(() -> {
                    while (System.nanoTime() < end) {
                        long n = connections.getAndIncrement();
                        Random random = new Random(SEED + n);
                        byte[] input = mutate(corpus.get(random.nextInt(corpus.size())), corpus, random);
                        // an empty input left open is an idle client, which idle.timeout.s handles
                        fuzzOne(mam.socket, n, input, input.length == 0 || random.nextBoolean());
                    }
                    return null;
                }));
            }
            for (int i = 0; System.nanoTime() < end; i++) {
                assertEquals(new Pong(i), bystander.call(new Ping(i)), "the bystander must keep being answered");
                Thread.sleep(50);
            }
            for (Future<?> fuzzer : running) {
                fuzzer.get();
            }
            fuzzers.shutdown();
            assertEquals(new Pong(-1), bystander.call(new Ping(-1)));
        }
        System.out.printf("fuzzed %d connections in %d s (seed %d)%n", connections.get(), SECONDS, SEED);
        assertTrue(failures.isEmpty(), failures.size() + " failing inputs, written to " + CRASHES.toAbsolutePath()
                + ":\n" + String.join("\n", failures.stream().limit(10).toList()));
        assertEquals(List.of(), failedSessions.atOrAbove(Level.SEVERE), "sessions failed with an unexpected exception");
    }

    /**
     * Sends {@code input}, then either half-closes (the MAM reads the end mid-frame or after whole ones) or keeps
     * the connection open (the MAM answers, or times the unfinished frame out).
     */
    private void fuzzOne(Path socket, long n, byte[] input, boolean halfClose) throws IOException {
        try (AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            client.setSoTimeout(ANSWER_BOUND_MS);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            try {
                out.write(input);
                if (halfClose) {
                    client.shutdownOutput();
                }
            } catch (IOException closedEarly) {
                return; // the MAM closed on a fatal error before all of the input was written: an answer
            }
            try {
                while (readAnswer(in) && halfClose) {
                    // a half-closed connection is answered for each whole frame, then closed
                }
            } catch (SocketTimeoutException e) {
                fail(n, input, "no answer or close within " + ANSWER_BOUND_MS + " ms");
            } catch (ProtocolException | IllegalStateException e) {
                fail(n, input, "malformed answer: " + e);
            } catch (IOException reset) {
                // a connection reset after a fatal error is a close
            }
        }
    }

    /** @return false at the end of the stream */
    private static boolean readAnswer(InputStream in) throws IOException, ProtocolException {
        byte[] length = in.readNBytes(4);
        if (length.length < 4) {
            if (length.length > 0) {
                throw new IllegalStateException("answer cut inside its length");
            }
            return false;
        }
        int bodyLength = ByteBuffer.wrap(length).getInt();
        if (bodyLength < 0 || bodyLength > 1 << 16) {
            throw new IllegalStateException("answer length " + bodyLength);
        }
        byte[] body = in.readNBytes(bodyLength);
        if (body.length < bodyLength) {
            throw new IllegalStateException("answer cut inside its body");
        }
        Message answer = MessageDecoder.decode(ByteBuffer.wrap(body));
        return answer != null;
    }

    private void fail(long n, byte[] input, String why) {
        String hex = HexFormat.of().formatHex(input);
        failures.add("connection " + n + " (seed " + SEED + " + " + n + "): " + why + ": " + hex);
        try {
            Files.createDirectories(CRASHES);
            Files.writeString(CRASHES.resolve("crash-" + SEED + "-" + n + ".txt"), why + "\n" + hex + "\n");
        } catch (IOException e) {
            failures.add("cannot write " + CRASHES + ": " + e);
        }
    }

    private static List<byte[]> corpus() throws IOException {
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName("198.18.100.1"), 80);
        Intents query = Intents.builder().category(Category.QUERY).build();
        List<Message> requests = List.of(new Ping(1), new StatsRequest(2, null), new StatsRequest(3, "i1"),
                new ResolveRequest(4, "example.test", 443, AddressFamily.ANY, query),
                new ResolveRequest(5, "127.0.0.1", 80, AddressFamily.INET, Intents.none()),
                new ConnectRequest(6, remote, "example.test", null, query),
                new SocketConnectRequest(7, remote, AddressFamily.INET, query, 100));
        List<byte[]> frames = new ArrayList<>();
        for (Message request : requests) {
            ByteBuffer frame = MessageEncoder.encode(request);
            byte[] bytes = new byte[frame.remaining()];
            frame.get(bytes);
            frames.add(bytes);
        }
        return frames;
    }

    /** One to three random damages, sometimes after a valid frame, so that damage also meets a live session. */
    static byte[] mutate(byte[] frame, List<byte[]> corpus, Random random) {
        byte[] out = frame.clone();
        for (int damages = 1 + random.nextInt(3); damages > 0; damages--) {
            out = damage(out, corpus, random);
        }
        return random.nextInt(4) == 0 ? concat(corpus.get(random.nextInt(corpus.size())), out) : out;
    }

    private static byte[] damage(byte[] frame, List<byte[]> corpus, Random random) {
        if (frame.length == 0) {
            return corpus.get(random.nextInt(corpus.size())).clone();
        }
        byte[] out = frame.clone();
        switch (random.nextInt(7)) {
            case 0:
                out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                return out;
            case 1:
                return Arrays.copyOf(out, random.nextInt(out.length));
            case 2: {
                byte[] inserted = new byte[1 + random.nextInt(16)];
                random.nextBytes(inserted);
                int at = random.nextInt(out.length + 1);
                return concat(concat(Arrays.copyOf(out, at), inserted), Arrays.copyOfRange(out, at, out.length));
            }
            case 3:
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                return out;
            case 4:
                if (out.length >= 4) {
                    // a lying length prefix: anything from short to far beyond max.frame.bytes
                    ByteBuffer.wrap(out).putInt(0, random.nextBoolean() ? random.nextInt() : random.nextInt(64));
                }
                return out;
            case 5:
                return concat(out, corpus.get(random.nextInt(corpus.size())));
            default: {
                byte[] noise = new byte[random.nextInt(64)];
                random.nextBytes(noise);
                return noise;
            }
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
