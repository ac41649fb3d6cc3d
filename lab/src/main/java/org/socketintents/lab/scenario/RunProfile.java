package org.socketintents.lab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How much of each scenario to run. {@link #PAPER} is the paper's evaluation: Scenario 1 repeated 30 times, the
 * offload comparison 15 times, the file-size sweep from 10 KiB to 2000 KiB in the paper's 10 KiB steps 5 times
 * (its 15 would take the sweep alone to 2.9 lab-hours, more than the hour the reproduction has: lab/README.md
 * gives the arithmetic). {@link #SMOKE} is one repetition of everything on a short sweep and pages of every third
 * object.
 *
 * @param bulkBytes  size of Scenario 1's bulk file; the paper's was "greater than 48 MBytes", and it must outlast
 *                   the slowest page load beside it (i2 alone: 12 Mbit/s shared with the page)
 * @param sweepSizes object sizes of the file-size sweep (Figure 7), in bytes
 * @param pageStride the pages keep every this-many-th object (1: the full pages)
 */
public record RunProfile(String name, Map<String, Integer> repetitions, long bulkBytes, List<Long> sweepSizes,
        int pageStride) {

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    public static final RunProfile PAPER = new RunProfile("paper",
            Map.of(BulkVersusQuery.NAME, 30, FileSizeSweep.NAME, 5, OffloadByFileSize.NAME, 15),
            128 * MIB, sweep(10, 10), 1);
    public static final RunProfile SMOKE = new RunProfile("smoke",
            Map.of(BulkVersusQuery.NAME, 1, FileSizeSweep.NAME, 1, OffloadByFileSize.NAME, 1),
            48 * MIB, List.of(10 * KIB, 1000 * KIB, 2000 * KIB), 3);
    public static final List<RunProfile> ALL = List.of(PAPER, SMOKE);

    public RunProfile {
        repetitions = Map.copyOf(repetitions);
        sweepSizes = List.copyOf(sweepSizes);
    }

    public static RunProfile named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no profile " + name + " (known: "
                        + ALL.stream().map(RunProfile::name).collect(Collectors.joining(", ")) + ")"));
    }

    public int repetitions(Scenario scenario) {
        return repetitions.getOrDefault(scenario.name(), 1);
    }

    /** The same amounts with {@code reps} repetitions of each of {@code scenarios}. */
    public RunProfile withRepetitions(List<Scenario> scenarios, int reps) {
        return new RunProfile(name + "-" + reps,
                scenarios.stream().collect(Collectors.toMap(Scenario::name, s -> reps)), bulkBytes, sweepSizes,
                pageStride);
    }

    /** 10 KiB, then from {@code first} KiB to 2000 KiB in steps of {@code step} KiB. */
    private static List<Long> sweep(long first, long step) {
        List<Long> sizes = new ArrayList<>();
        Stream.iterate(first, k -> k <= 2000, k -> k + step).forEach(k -> sizes.add(k * KIB));
        if (sizes.get(0) != 10 * KIB) {
            sizes.add(0, 10 * KIB);
        }
        return sizes;
    }
}
