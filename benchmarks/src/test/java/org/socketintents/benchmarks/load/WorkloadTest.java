package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void aCountedRunStopsAtItsCountWhateverTheTime() {
        Workload counted = Workload.counted(0, 3);

        assertTrue(counted.continues(2, Long.MAX_VALUE));
        assertFalse(counted.continues(3, 0));
    }

    @Test
    void aTimedRunStopsAtItsDurationWhateverTheCount() {
        Workload timed = Workload.timed(0, Duration.ofSeconds(1));

        assertTrue(timed.continues(Long.MAX_VALUE, 999_999_999));
        assertFalse(timed.continues(0, 1_000_000_000));
    }

    @Test
    void aRunIsEitherCountedOrTimed() {
        assertThrows(IllegalArgumentException.class, () -> new Workload(0, 5, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Workload(0, 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Workload.counted(-1, 5));
    }
}
