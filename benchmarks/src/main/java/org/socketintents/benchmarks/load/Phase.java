package org.socketintents.benchmarks.load;

/** The parts of a load-tool run, which can be chosen on the command line. */
enum Phase {
    /** Launches to the first decision. */
    STARTUP,
    /** The Unix echo round trip and the loopback TCP connect, without the MAM. */
    FLOORS,
    /** One client, many requests: the latency distribution. */
    LATENCY,
    /** Concurrent clients, in threads and in processes: throughput. */
    THROUGHPUT,
    /** Intent-aware versus plain connects through the client library. */
    CONNECT
}
