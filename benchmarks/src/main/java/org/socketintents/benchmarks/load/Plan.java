package org.socketintents.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a run of the load tool measures and how much.
 *
 * @param mode              "full", "smoke" or "attached", for the report
 * @param distribution      the unpacked distribution to start (ignored when attached)
 * @param attachSocket      the socket of a MAM already running, or null to start the distribution
 * @param attachPid         that MAM's JVM, for its resident memory; 0 when unknown
 * @param heaps             heap settings to start the distribution with, each measured in turn
 * @param phases            what to measure
 * @param latencyRequests   recorded round trips of the latency run, over all its clients
 * @param latencyClients    client threads of the latency run
 * @param latencyWarmup     unrecorded round trips per client before the latency run
 * @param clientCounts      client counts of the throughput runs
 * @param duration          length of each throughput run
 * @param throughputWarmup  unrecorded round trips per client before each throughput run
 * @param processes         client processes for the throughput runs in processes; 0 for none
 * @param repeat            repetitions of each latency and throughput run, reported as medians
 * @param connects          connects timed per kind (TCP floor, plain, intent-aware)
 * @param startups          launches timed per heap setting, the one the load runs against included
 * @param idleSettle        wait after the first decision before the idle memory is read
 * @param statsIntervalMs   the statistics collector's sampling interval during the run
 * @param policy            the policy that has to answer for the MAM to count as started
 * @param javaOptions       more JVM options for the MAM, e.g. a flight recording
 */
record Plan(String mode, Path distribution, Path attachSocket, long attachPid, List<Heap> heaps, Set<Phase> phases,
            long latencyRequests, int latencyClients, long latencyWarmup, List<Integer> clientCounts,
            Duration duration, long throughputWarmup, int processes, int repeat, int connects, int startups,
            Duration idleSettle, int statsIntervalMs, String policy, String javaOptions) {

    Plan {
        heaps = List.copyOf(heaps);
        phases = Set.copyOf(phases);
        clientCounts = List.copyOf(clientCounts);
        if (latencyClients < 1 || repeat < 1 || latencyRequests < latencyClients) {
            throw new IllegalArgumentException("a run needs at least one client, one repetition and one request each");
        }
        if (clientCounts.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("client counts must be positive: " + clientCounts);
        }
    }

    boolean measures(Phase phase) {
        return phases.contains(phase);
    }

    boolean attached() {
        return attachSocket != null;
    }

    /** @return the client counts that split evenly over the client processes */
    List<Integer> processCounts() {
        return processes < 1 ? List.of()
                : clientCounts.stream().filter(c -> c >= processes && c % processes == 0).toList();
    }
}
