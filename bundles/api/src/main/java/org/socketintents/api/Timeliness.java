package org.socketintents.api;

/** How much the completion time of a transfer matters (Table 1). */
public enum Timeliness {
    /** Low delay and low jitter. */
    STREAM,
    /** Low delay. */
    INTERACTIVE,
    /** Completes eventually. */
    TRANSFER,
    /** Only a loose time constraint. */
    BACKGROUND
}
