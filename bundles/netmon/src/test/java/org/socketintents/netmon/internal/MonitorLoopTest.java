package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitorLoopTest {

    /** Long enough that only start and explicit wake-ups cause ticks while a test runs. */
    private static final Duration NEVER = Duration.ofHours(1);
    private static final String NAME = "monitor-loop-test";

    private final Semaphore ticks = new Semaphore(0);
    private MonitorLoop loop;

    @AfterEach
    void stopLoop() {
        loop.stop(Duration.ofSeconds(5));
    }

    @Test
    void ticksAtOnceAndWhenWokenUpOnANamedDaemonThread() throws InterruptedException {
        AtomicInteger count = new AtomicInteger();
        Thread[] tickThread = new Thread[1];
        loop = new MonitorLoop(NAME, () -> {
            tickThread[0] = Thread.currentThread();
            count.incrementAndGet();
            ticks.release();
        }, NEVER);
        loop.start();
        assertTrue(awaitTick());

        loop.wakeUp();
        assertTrue(awaitTick());

        assertEquals(2, count.get());
        assertEquals(NAME, tickThread[0].getName());
        assertTrue(tickThread[0].isDaemon());
    }

    @Test
    void aFailingTickDoesNotEndTheLoop() throws InterruptedException {
        AtomicInteger count = new AtomicInteger();
        loop = new MonitorLoop(NAME, () -> {
            ticks.release();
            if (count.incrementAndGet() == 1) {
                throw new IllegalStateException("first tick fails");
            }
        }, NEVER);
        loop.start();
        assertTrue(awaitTick());

        loop.wakeUp();

        assertTrue(awaitTick());
        assertTrue(loop.isAlive());
    }

    @Test
    void ticksRepeatAtTheInterval() throws InterruptedException {
        loop = new MonitorLoop(NAME, ticks::release, Duration.ofMillis(10));
        loop.start();

        assertTrue(ticks.tryAcquire(3, 10, TimeUnit.SECONDS));
    }

    @Test
    void aNewIntervalTicksAtOnceAndAppliesFromThen() throws InterruptedException {
        loop = new MonitorLoop(NAME, ticks::release, NEVER);
        loop.start();
        assertTrue(awaitTick());

        loop.interval(Duration.ofMillis(10));

        assertTrue(ticks.tryAcquire(3, 10, TimeUnit.SECONDS));
    }

    @Test
    void stopEndsTheThread() throws InterruptedException {
        loop = new MonitorLoop(NAME, ticks::release, NEVER);
        loop.start();
        assertTrue(awaitTick());

        loop.stop(Duration.ofSeconds(5));

        assertFalse(loop.isAlive());
    }

    private boolean awaitTick() throws InterruptedException {
        return ticks.tryAcquire(10, TimeUnit.SECONDS);
    }
}
