package org.socketintents.benchmarks.load;

import java.time.Duration;

/**
 * What each client thread of a run does: some unrecorded round trips to warm both ends up, then either a number
 * of recorded round trips or as many as fit in a duration.
 *
 * @param warmupPerClient   unrecorded round trips per client
 * @param requestsPerClient recorded round trips per client; 0 when the run is timed
 * @param duration          length of a timed run; zero when the run counts requests
 */
record Workload(long warmupPerClient, long requestsPerClient, Duration duration) {

    Workload {
        if (warmupPerClient < 0) {
            throw new IllegalArgumentException("warm-up must not be negative");
        }
        if ((requestsPerClient > 0) == !duration.isZero()) {
            throw new IllegalArgumentException("a run is either counted or timed");
        }
    }

    static Workload counted(long warmupPerClient, long requestsPerClient) {
        return new Workload(warmupPerClient, requestsPerClient, Duration.ZERO);
    }

    static Workload timed(long warmupPerClient, Duration duration) {
        return new Workload(warmupPerClient, 0, duration);
    }

    /**
     * @param done     round trips recorded so far by this client
     * @param elapsed  nanoseconds since the run started
     * @return whether the client makes another
     */
    boolean continues(long done, long elapsed) {
        return requestsPerClient > 0 ? done < requestsPerClient : elapsed < duration.toNanos();
    }
}
