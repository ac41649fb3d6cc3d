package org.socketintents.stats.internal;

import java.time.Duration;
import java.util.ArrayDeque;

import org.socketintents.api.stats.Figure;

/**
 * The maximum (or minimum) of the samples taken within the last window, in amortised constant time: a deque keeps
 * only the samples that can still become the extremum, oldest first. When the window holds no sample any more, the
 * last sample taken stands, with its age, until a new one arrives.
 */
final class SlidingExtremum {

    private record Sample(double value, long at) {
    }

    private final long windowNanos;
    private final boolean maximum;
    private final ArrayDeque<Sample> candidates = new ArrayDeque<>();
    private Sample last;

    private SlidingExtremum(Duration window, boolean maximum) {
        this.windowNanos = window.toNanos();
        this.maximum = maximum;
    }

    static SlidingExtremum maximum(Duration window) {
        return new SlidingExtremum(window, true);
    }

    static SlidingExtremum minimum(Duration window) {
        return new SlidingExtremum(window, false);
    }

    /**
     * @param value a finite non-negative sample
     * @param now   when it was taken; not before the previous sample
     */
    void add(double value, long now) {
        while (!candidates.isEmpty() && !beats(candidates.peekLast().value(), value)) {
            candidates.pollLast();
        }
        last = new Sample(value, now);
        candidates.addLast(last);
        expire(now);
    }

    void forget() {
        candidates.clear();
        last = null;
    }

    /** @return the extremum within the window as of {@code now}, aged from the latest sample */
    Figure figure(long now, long staleAfterMillis) {
        expire(now);
        if (last == null) {
            return Figure.unavailable();
        }
        double value = candidates.isEmpty() ? last.value() : candidates.peekFirst().value();
        return Ages.figure(value, last.at(), now, staleAfterMillis);
    }

    private void expire(long now) {
        while (!candidates.isEmpty() && now - candidates.peekFirst().at() >= windowNanos) {
            candidates.pollFirst();
        }
    }

    private boolean beats(double kept, double incoming) {
        return maximum ? kept > incoming : kept < incoming;
    }
}
