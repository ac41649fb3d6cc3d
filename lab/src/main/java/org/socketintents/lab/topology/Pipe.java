package org.socketintents.lab.topology;

import java.time.Duration;
import java.util.Objects;

/** One direction of a link: one-way delay, bottleneck rate and the queue in front of the bottleneck. */
public record Pipe(Duration delay, Rate rate, QueueLimit queue) {

    public Pipe {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(queue, "queue");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
    }

    public long queueBytes() {
        return queue.bytes(rate);
    }

    @Override
    public String toString() {
        return "delay " + Durations.millis(delay) + ", rate " + rate + ", queue " + queue + " (" + queueBytes() + " B)";
    }
}
