package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadSpinnerTest {

    /** Long enough that a poll still runs while the test looks at it, however slow the machine. */
    private static final int LONG_SPIN_MICROS = 1_000_000;
    private static final Duration SETTLE = Duration.ofMillis(200);

    @TempDir
    Path directory;
    private ServerSocketChannel server;
    private final ExecutorService readers = Executors.newCachedThreadPool();

    @BeforeEach
    void listen() throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(directory.resolve("s.sock")));
    }

    @AfterEach
    void stop() throws IOException {
        readers.shutdownNow();
        server.close();
        Files.deleteIfExists(directory.resolve("s.sock"));
    }

    /** A connected pair: [0] the session's end (blocking, as the MAM's are), [1] the client's. */
    private SocketChannel[] pair() throws IOException {
        SocketChannel client = SocketChannel.open(server.getLocalAddress());
        return new SocketChannel[] {server.accept(), client};
    }

    @Test
    void aRequestSentDuringThePollIsReadAndTheChannelBlocksAgain() throws Exception {
        SocketChannel[] ends = pair();
        ByteBuffer buffer = ByteBuffer.allocate(4);
        Future<Integer> read = readers.submit(() -> new ReadSpinner(1).read(ends[0], buffer, LONG_SPIN_MICROS, new ReadSpinner.History()));
        Thread.sleep(SETTLE.toMillis());
        assertFalse(ends[0].isBlocking(), "polling: the channel is non-blocking meanwhile");
        ends[1].write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertEquals(3, read.get(5, TimeUnit.SECONDS));
        assertTrue(ends[0].isBlocking());
        assertEquals(3, buffer.position());
    }

    @Test
    void withoutARequestThePollEndsInABlockingRead() throws Exception {
        SocketChannel[] ends = pair();
        ByteBuffer buffer = ByteBuffer.allocate(4);
        Future<Integer> read = readers.submit(() -> new ReadSpinner(1).read(ends[0], buffer, 1_000, new ReadSpinner.History()));
        Thread.sleep(SETTLE.toMillis()); // far longer than the 1 ms poll
        assertFalse(read.isDone());
        assertTrue(ends[0].isBlocking(), "the poll is over: the session sleeps in a blocking read");
        ends[1].write(ByteBuffer.wrap(new byte[] {7}));
        assertEquals(1, read.get(5, TimeUnit.SECONDS));
        assertEquals(7, buffer.get(0));
    }

    @Test
    void theEndOfTheStreamDuringThePollIsReported() throws Exception {
        SocketChannel[] ends = pair();
        Future<Integer> read = readers.submit(() -> new ReadSpinner(1).read(ends[0], ByteBuffer.allocate(4),
                LONG_SPIN_MICROS, new ReadSpinner.History()));
        Thread.sleep(SETTLE.toMillis());
        ends[1].close();
        assertEquals(-1, read.get(5, TimeUnit.SECONDS));
        assertTrue(ends[0].isBlocking());
    }

    @Test
    void noPollWhenTheSpinIsZero() throws Exception {
        SocketChannel[] ends = pair();
        Future<Integer> read = readers.submit(() -> new ReadSpinner(1).read(ends[0], ByteBuffer.allocate(4), 0, new ReadSpinner.History()));
        Thread.sleep(SETTLE.toMillis());
        assertTrue(ends[0].isBlocking(), "read.spin.us = 0: blocking at once");
        ends[1].write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(1, read.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aSessionWhosePollsMissSkipsTwiceAsManyWaitsEachTimeUntilOneFindsItsRequest() {
        ReadSpinner.History history = new ReadSpinner.History();
        assertTrue(history.mayPoll());
        history.missed();
        assertEquals(2, skippedBeforeNextPoll(history));
        history.missed();
        assertEquals(4, skippedBeforeNextPoll(history));
        for (int i = 0; i < 20; i++) {
            history.missed();
        }
        assertEquals(1024, skippedBeforeNextPoll(history), "at most 1024 waits are skipped");
        history.found();
        assertTrue(history.mayPoll(), "a poll that found its request: the next wait polls");
        history.missed();
        assertEquals(2, skippedBeforeNextPoll(history), "and the doubling starts again");
    }

    private static int skippedBeforeNextPoll(ReadSpinner.History history) {
        int skipped = 0;
        while (!history.mayPoll()) {
            skipped++;
        }
        return skipped;
    }

    @Test
    void aMissedPollIsRememberedInTheSessionsHistory() throws Exception {
        SocketChannel[] ends = pair();
        ReadSpinner.History history = new ReadSpinner.History();
        Future<Integer> read = readers.submit(() -> new ReadSpinner(1).read(ends[0], ByteBuffer.allocate(4), 1_000,
                history));
        Thread.sleep(SETTLE.toMillis());
        ends[1].write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(1, read.get(5, TimeUnit.SECONDS));
        assertFalse(history.mayPoll(), "the poll ended before the request came: the next waits block at once");
    }

    @Test
    void sessionsBeyondTheSpinnersAllowedBlockAtOnceAndPollAgainOnceOneIsFree() throws Exception {
        ReadSpinner spinner = new ReadSpinner(1);
        SocketChannel[] first = pair();
        SocketChannel[] second = pair();
        Future<Integer> polling = readers.submit(() -> spinner.read(first[0], ByteBuffer.allocate(4),
                LONG_SPIN_MICROS, new ReadSpinner.History()));
        Thread.sleep(SETTLE.toMillis());
        assertFalse(first[0].isBlocking());
        Future<Integer> blocked = readers.submit(() -> spinner.read(second[0], ByteBuffer.allocate(4),
                LONG_SPIN_MICROS, new ReadSpinner.History()));
        Thread.sleep(SETTLE.toMillis());
        assertTrue(second[0].isBlocking(), "the one spinner allowed is taken: the second session blocks");
        assertFalse(blocked.isDone());

        first[1].write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(1, polling.get(5, TimeUnit.SECONDS));
        second[1].write(ByteBuffer.wrap(new byte[] {2}));
        assertEquals(1, blocked.get(5, TimeUnit.SECONDS));

        Future<Integer> again = readers.submit(() -> spinner.read(second[0], ByteBuffer.allocate(4),
                LONG_SPIN_MICROS, new ReadSpinner.History()));
        Thread.sleep(SETTLE.toMillis());
        assertFalse(second[0].isBlocking(), "the spinner was given back: the next wait polls");
        second[1].write(ByteBuffer.wrap(new byte[] {3}));
        assertEquals(1, again.get(5, TimeUnit.SECONDS));
    }
}
