package org.socketintents.api;

/** How the application's traffic arrives over time (Table 1). */
public enum Burstiness {
    RANDOM_BURSTS,
    REGULAR_BURSTS,
    NO_BURSTS,
    /** Congestion-window limited: the application always has data to send. */
    BULK
}
