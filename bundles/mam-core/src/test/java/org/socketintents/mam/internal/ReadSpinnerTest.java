package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadSpinnerTest {

    /** Long enough that a poll still runs while the test looks at it, however slow the machine. */
    private static final int LONG_SPIN_MICROS = 10_000_000;
    private static final Duration SETTLE = Duration.ofMillis(200);

    @TempDir
    Path directory;
    private ServerSocketChannel server;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final ExecutorService loops = Executors.newCachedThreadPool();

    @BeforeEach
    void listen() throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(directory.resolve("s.sock")));
    }

    @AfterEach
    void stop() throws Exception {
        loops.shutdownNow();
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        server.close();
        Files.deleteIfExists(directory.resolve("s.sock"));
    }

    /** A loop's selector with one client's session registered for reading; returns the client's end. */
    private SocketChannel clientOf(Selector selector) throws IOException {
        SocketChannel client = SocketChannel.open(server.getLocalAddress());
        SocketChannel session = server.accept();
        session.configureBlocking(false);
        session.register(selector, SelectionKey.OP_READ);
        opened.add(client);
        opened.add(session);
        return client;
    }

    private Selector selector() throws IOException {
        Selector selector = Selector.open();
        opened.add(selector);
        return selector;
    }

    /** Work besides the channels that never comes, counting how often the loop looks for it. */
    private static final class Looks implements BooleanSupplier {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public boolean getAsBoolean() {
            count.incrementAndGet();
            return false;
        }

        /** @return whether the loop keeps looking, i.e. polls rather than blocks */
        boolean polling() throws InterruptedException {
            int before = count.get();
            Thread.sleep(SETTLE.toMillis());
            return count.get() - before > 10;
        }
    }

    @Test
    void aRequestSentDuringThePollIsSelectedWithoutBlocking() throws Exception {
        Selector selector = selector();
        SocketChannel client = clientOf(selector);
        ReadSpinner.History history = new ReadSpinner.History();
        Looks looks = new Looks();
        Future<Integer> select = loops.submit(() -> new ReadSpinner(1).select(selector, LONG_SPIN_MICROS, history,
                looks));
        assertTrue(looks.polling(), "the loop polls while it waits");
        client.write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(1, select.get(5, TimeUnit.SECONDS));
        assertTrue(history.mayPoll(), "the poll found its request: the next wait polls too");
    }

    @Test
    void withoutARequestThePollEndsInABlockingSelectAndIsRememberedAsMissed() throws Exception {
        Selector selector = selector();
        SocketChannel client = clientOf(selector);
        ReadSpinner.History history = new ReadSpinner.History();
        Looks looks = new Looks();
        Future<Integer> select = loops.submit(() -> new ReadSpinner(1).select(selector, 1_000, history, looks));
        Thread.sleep(SETTLE.toMillis());
        assertFalse(looks.polling(), "after 1 ms the loop blocks");
        assertFalse(select.isDone());
        client.write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(1, select.get(5, TimeUnit.SECONDS));
        assertFalse(history.mayPoll(), "the poll ended before the request came: the next waits block at once");
    }

    @Test
    void workBesidesTheChannelsEndsThePollAndIsNotWaitedFor() throws Exception {
        Selector selector = selector();
        clientOf(selector);
        AtomicBoolean work = new AtomicBoolean();
        Future<Integer> select = loops.submit(() -> new ReadSpinner(1).select(selector, LONG_SPIN_MICROS,
                new ReadSpinner.History(), work::get));
        Thread.sleep(SETTLE.toMillis());
        assertFalse(select.isDone());
        work.set(true);
        assertEquals(0, select.get(5, TimeUnit.SECONDS), "no channel is ready, but the loop has work");
        assertEquals(0, new ReadSpinner(1).select(selector, 0, new ReadSpinner.History(), () -> true),
                "nor does a loop with work block when it does not poll");
    }

    @Test
    void noPollWhenTheSpinIsZero() throws Exception {
        Selector selector = selector();
        SocketChannel client = clientOf(selector);
        Looks looks = new Looks();
        Future<Integer> select = loops.submit(() -> new ReadSpinner(1).select(selector, 0,
                new ReadSpinner.History(), looks));
        assertFalse(looks.polling());
        client.write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(1, select.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aLoopWhosePollsMissSkipsTwiceAsManyWaitsEachTimeUntilOneFindsItsRequest() {
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
    void loopsBeyondTheSpinnersAllowedBlockAtOnceAndPollAgainOnceOneIsFree() throws Exception {
        ReadSpinner spinner = new ReadSpinner(1);
        Selector firstLoop = selector();
        Selector secondLoop = selector();
        SocketChannel first = clientOf(firstLoop);
        SocketChannel second = clientOf(secondLoop);
        Looks firstLooks = new Looks();
        Future<Integer> polling = loops.submit(() -> spinner.select(firstLoop, LONG_SPIN_MICROS,
                new ReadSpinner.History(), firstLooks));
        assertTrue(firstLooks.polling());
        Looks secondLooks = new Looks();
        Future<Integer> blocked = loops.submit(() -> spinner.select(secondLoop, LONG_SPIN_MICROS,
                new ReadSpinner.History(), secondLooks));
        assertFalse(secondLooks.polling(), "the one spinner allowed is taken: the second loop blocks");
        assertFalse(blocked.isDone());

        first.write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(1, polling.get(5, TimeUnit.SECONDS));
        second.write(ByteBuffer.wrap(new byte[] {2}));
        assertEquals(1, blocked.get(5, TimeUnit.SECONDS));
        ((SocketChannel) secondLoop.selectedKeys().iterator().next().channel()).read(ByteBuffer.allocate(1));
        secondLoop.selectedKeys().clear();

        Looks againLooks = new Looks();
        Future<Integer> again = loops.submit(() -> spinner.select(secondLoop, LONG_SPIN_MICROS,
                new ReadSpinner.History(), againLooks));
        assertTrue(againLooks.polling(), "the spinner was given back: the next wait polls");
        second.write(ByteBuffer.wrap(new byte[] {3}));
        assertEquals(1, again.get(5, TimeUnit.SECONDS));
    }
}
