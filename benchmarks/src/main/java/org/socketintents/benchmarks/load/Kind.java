package org.socketintents.benchmarks.load;

/** What a row of the report measured. */
enum Kind {
    DECISION_LATENCY("decision round trip", "latency run"),
    DECISION_THROUGHPUT("decision round trip", "threads"),
    DECISION_PROCESSES("decision round trip", "processes"),
    ECHO_LATENCY("floor: unix echo round trip", "latency run"),
    ECHO_THROUGHPUT("floor: unix echo round trip", "threads"),
    TCP_CONNECT_CLOSE("floor: tcp connect+close", "loopback"),
    PLAIN_CONNECT("plain connect", "loopback"),
    INTENT_CONNECT("intent-aware connect", "loopback");

    private final String subject;
    private final String setting;

    Kind(String subject, String setting) {
        this.subject = subject;
        this.setting = setting;
    }

    /** @return what was timed */
    String subject() {
        return subject;
    }

    /** @return how the load was applied */
    String setting() {
        return setting;
    }

    /** @return whether rows of this kind are compared with their floor by throughput rather than by median */
    boolean comparesThroughput() {
        return this == DECISION_THROUGHPUT || this == DECISION_PROCESSES;
    }

    /** @return the floor this kind of row is compared with, or null */
    Kind floor() {
        switch (this) {
            case DECISION_LATENCY:
                return ECHO_LATENCY;
            case DECISION_THROUGHPUT:
            case DECISION_PROCESSES:
                return ECHO_THROUGHPUT;
            case INTENT_CONNECT:
                return PLAIN_CONNECT;
            default:
                return null;
        }
    }
}
