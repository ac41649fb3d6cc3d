package org.socketintents.client.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final AtomicLong clock = new AtomicLong(Long.MAX_VALUE - 5); // the clock may wrap
    private final Backoff backoff = new Backoff(10, clock::get);

    @Test
    void healthyLetsEveryRequestThrough() {
        assertTrue(backoff.tryAcquire());
        assertTrue(backoff.tryAcquire());
        assertFalse(backoff.isBackingOff());
    }

    @Test
    void afterAFailureOneProbePerPeriodUntilItSucceeds() {
        backoff.failed();
        assertTrue(backoff.isBackingOff());
        clock.addAndGet(9);
        assertFalse(backoff.tryAcquire());

        clock.addAndGet(1);
        assertTrue(backoff.tryAcquire(), "the probe");
        assertFalse(backoff.tryAcquire(), "others wait for the probe");

        backoff.succeeded();
        assertTrue(backoff.tryAcquire());
        assertFalse(backoff.isBackingOff());
    }

    @Test
    void aFailedProbeStartsAnotherPeriod() {
        backoff.failed();
        clock.addAndGet(10);
        assertTrue(backoff.tryAcquire());
        backoff.failed();
        clock.addAndGet(9);
        assertFalse(backoff.tryAcquire());
        clock.addAndGet(1);
        assertTrue(backoff.tryAcquire());
    }
}
