package org.socketintents.stats.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** The collector's monotonic clock, moved by the test. */
final class FakeClock implements LongSupplier {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    /** @return the new time */
    long advance(Duration by) {
        return nanos.addAndGet(by.toNanos());
    }

    long advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }
}
