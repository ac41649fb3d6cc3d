package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlanTest {

    private static Plan plan(List<Integer> clients, int processes, int latencyClients) {
        return new Plan("full", Path.of("d"), null, 0, List.of(Heap.DEFAULT), EnumSet.allOf(Phase.class), 100,
                latencyClients, 10, clients, Duration.ofSeconds(1), 10, processes, 1, 100, 1, Duration.ZERO, 100,
                "category", "");
    }

    @Test
    void onlyClientCountsThatSplitEvenlyRunInProcesses() {
        assertEquals(List.of(4, 16, 64), plan(List.of(1, 4, 6, 16, 64), 4, 1).processCounts());
        assertEquals(List.of(), plan(List.of(1, 4, 16), 0, 1).processCounts());
    }

    @Test
    void nonsenseSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> plan(List.of(0), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> plan(List.of(1), 0, 0));
    }

    @Test
    void theSmokePlanIsSmall() {
        LoadTool tool = new LoadTool();
        tool.smoke = true;

        Plan smoke = tool.plan();

        assertEquals("smoke", smoke.mode());
        assertEquals(10_000, smoke.latencyRequests());
        assertEquals(2, smoke.latencyClients());
        assertEquals(List.of(Heap.DEFAULT), smoke.heaps());
    }
}
