package org.socketintents.lab.topology;

import java.time.Duration;
import java.util.Optional;

/**
 * The size of a bottleneck queue, given either in bytes or as the time the queue takes to drain at the link rate.
 * A time-based queue never holds fewer than {@link #MIN_BYTES}: below about ten full packets a single TCP flow
 * cannot fill the link.
 */
public sealed interface QueueLimit {

    long MIN_BYTES = 15_000;
    /** A queue must hold at least one full-size packet. */
    long MTU = 1_500;

    long bytes(Rate rate);

    record Bytes(long bytes) implements QueueLimit {
        public Bytes {
            if (bytes < MTU) {
                throw new IllegalArgumentException("queue of " + bytes + " B is smaller than one packet (" + MTU + " B)");
            }
        }

        @Override
        public long bytes(Rate rate) {
            return bytes;
        }

        @Override
        public String toString() {
            return bytes + " B";
        }
    }

    record Drain(Duration time) implements QueueLimit {
        public Drain {
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("queue drain time must be positive: " + time);
            }
        }

        @Override
        public long bytes(Rate rate) {
            long drained = rate.bitsPerSecond() * time.toNanos() / 8 / 1_000_000_000L;
            return Math.max(MIN_BYTES, drained);
        }

        @Override
        public String toString() {
            return Durations.millis(time);
        }
    }

    /** Parses "100ms" (drain time) or "64KiB", "64kB", "20000B" (bytes; kB = 1000, KiB = 1024). */
    static QueueLimit parse(String text) {
        Optional<Long> bytes = ByteCount.tryParse(text);
        if (bytes.isPresent()) {
            return new Bytes(bytes.get());
        }
        try {
            return new Drain(Durations.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a queue size (expected bytes like 64KiB or a time like 100ms): " + text);
        }
    }
}
