package org.socketintents.benchmarks.load;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * One line of the figures: the median over repeated runs of one measurement.
 *
 * @param kind         what was measured
 * @param heap         the MAM's heap setting, or "-" for floors that do not involve the MAM
 * @param clients      client threads in all
 * @param processes    client processes (1 when the threads are the tool's own)
 * @param runs         repetitions
 * @param requests     round trips (or connects) per run, median
 * @param throughput   per second, median; NaN where it means nothing (one-by-one connects)
 * @param latency      percentiles, medians over the runs
 * @param loadAverages the 1-, 5- and 15-minute load averages before each run; they include the tool's own
 *                     threads of the runs before
 * @param othersCpu    per run, the share of the machine's CPU time that other processes used during it
 */
record Row(Kind kind, String heap, int clients, int processes, int runs, long requests, double throughput,
           LatencySummary latency, List<String> loadAverages, List<Double> othersCpu) {

    Row {
        loadAverages = List.copyOf(loadAverages);
        othersCpu = List.copyOf(othersCpu);
    }

    static Row of(Kind kind, String heap, int clients, int processes, List<Measurement> runs,
                  List<String> loadAverages, List<Double> othersCpu) {
        return new Row(kind, heap, clients, processes, runs.size(),
                (long) Statistics.median(runs.stream().mapToDouble(Measurement::requests).toArray()),
                Statistics.median(runs.stream().mapToDouble(Measurement::throughput).toArray()),
                LatencySummary.median(runs.stream().map(m -> LatencySummary.of(m.latencies())).toList()),
                loadAverages, othersCpu);
    }

    /** A row of one-by-one operations, which have a latency but no throughput worth reporting. */
    static Row ofSequential(Kind kind, String heap, List<Histogram> runs, List<String> loadAverages,
                            List<Double> othersCpu) {
        return new Row(kind, heap, 1, 1, runs.size(),
                (long) Statistics.median(runs.stream().mapToDouble(Histogram::getTotalCount).toArray()), Double.NaN,
                LatencySummary.median(runs.stream().map(LatencySummary::of).toList()), loadAverages, othersCpu);
    }

    /** @return whether this row and that one ran the same number of clients, so that they compare */
    boolean sameLoad(Row other) {
        return clients == other.clients;
    }
}
