package org.socketintents.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.FigureSource;

class SlidingExtremumTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long STALE_AFTER = 10_000;

    @Test
    void theMaximumIsTheHighestSampleStillInTheWindow() {
        SlidingExtremum max = SlidingExtremum.maximum(Duration.ofSeconds(3));
        max.add(5, 0);
        max.add(9, SECOND);
        max.add(7, 2 * SECOND);

        assertEquals(9, max.figure(3 * SECOND, STALE_AFTER).value());
        assertEquals(7, max.figure(4 * SECOND, STALE_AFTER).value(), "9 left the window");
    }

    @Test
    void theMinimumIsTheLowestSampleStillInTheWindow() {
        SlidingExtremum min = SlidingExtremum.minimum(Duration.ofSeconds(3));
        min.add(30, 0);
        min.add(10, SECOND);
        min.add(20, 2 * SECOND);

        assertEquals(10, min.figure(2 * SECOND, STALE_AFTER).value());
        assertEquals(20, min.figure(4 * SECOND, STALE_AFTER).value());
    }

    @Test
    void anEmptiedWindowKeepsTheLastSampleAgingUntilANewOneArrives() {
        SlidingExtremum max = SlidingExtremum.maximum(Duration.ofSeconds(1));
        assertFalse(max.figure(0, STALE_AFTER).isAvailable());
        max.add(9, 0);
        max.add(4, SECOND / 2);

        Figure later = max.figure(20 * SECOND, STALE_AFTER);

        assertEquals(4, later.value());
        assertEquals(FigureSource.STALE, later.source());
        assertEquals(19_500, later.ageMillis());
    }
}
