package org.socketintents.lab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How much of each scenario to run. The paper repeated Scenario 1 30 times and Scenario 2 15 times over a sweep
 * in 10 KB steps; the full profile scales that down to about 40 minutes, the smoke profile to one repetition of
 * everything on a shorter corpus.
 *
 * @param sweepSizes object sizes of the file-size sweep (Figure 7), in bytes
 */
public record RunProfile(String name, Map<String, Integer> repetitions, long bulkBytes, List<Long> sweepSizes) {

    private static final long KIB = 1024;

    public static final RunProfile FULL = new RunProfile("full",
            Map.of(BulkVersusQuery.NAME, 10, FileSizeSweep.NAME, 3, OffloadByFileSize.NAME, 10),
            48 * KIB * KIB, fullSweep());
    public static final RunProfile SMOKE = new RunProfile("smoke",
            Map.of(BulkVersusQuery.NAME, 1, FileSizeSweep.NAME, 1, OffloadByFileSize.NAME, 1),
            16 * KIB * KIB, List.of(10 * KIB, 1000 * KIB, 2000 * KIB));

    public RunProfile {
        repetitions = Map.copyOf(repetitions);
        sweepSizes = List.copyOf(sweepSizes);
    }

    public int repetitions(Scenario scenario) {
        return repetitions.getOrDefault(scenario.name(), 1);
    }

    /** 10 KiB, then 100 KiB to 2000 KiB in steps of 100 KiB. */
    private static List<Long> fullSweep() {
        List<Long> sizes = new ArrayList<>(List.of(10 * KIB));
        for (long k = 100; k <= 2000; k += 100) {
            sizes.add(k * KIB);
        }
        return sizes;
    }
}
