package org.socketintents.api.policy;

/** The transport protocol a decision suggests for a stream connection. */
public enum Transport {
    /** Plain single-path TCP: what the application would get without Socket Intents. */
    TCP,
    /** Multipath TCP, used when the host supports it and the socket is created by the MAM or the library. */
    MPTCP
}
