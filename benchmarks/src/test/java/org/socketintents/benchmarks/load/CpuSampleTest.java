package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuSampleTest {

    @Test
    void machineTicksCountStealAsBusyAndIowaitAsIdle() {
        long[] ticks = CpuSample.machineTicks("cpu  100 10 50 1000 40 5 5 30 0 0");

        assertArrayEquals(new long[] {200, 1240}, ticks);
    }

    @Test
    void processTicksAreReadAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 70 30 5 2 20 0 1 0 1000 0";

        assertEquals(107, CpuSample.processTicks(stat));
    }

    @Test
    void othersShareIsTheBusyTimeNotOursOverAllTime() {
        CpuSample before = new CpuSample(1_000, 10_000, 300);
        CpuSample after = new CpuSample(1_600, 11_000, 700);

        assertEquals(0.2, after.othersShareSince(before), 1e-9);
    }

    @Test
    void othersShareIsUnknownWithoutElapsedTimeAndNeverNegative() {
        CpuSample same = new CpuSample(1, 1, 1);
        assertTrue(Double.isNaN(same.othersShareSince(same)));
        assertEquals(0.0, new CpuSample(10, 110, 50).othersShareSince(new CpuSample(0, 10, 0)));
    }

    @Test
    void thisMachineCanBeSampled() {
        CpuSample sample = CpuSample.now();

        assertTrue(sample.machineTotal() >= sample.machineBusy());
        assertTrue(sample.ours() > 0);
    }
}
