package org.socketintents.api;

/** The general class of a connection: the first and coarsest intent (Table 1). */
public enum Category {
    /** Small, delay-critical exchanges such as a web page object or an API call. */
    QUERY,
    /** A large transfer whose completion time depends on bandwidth. */
    BULK_TRANSFER,
    /** Signalling and control messages, usually small and long-lived. */
    CONTROL_TRAFFIC,
    /** A continuous media stream with a bitrate and a duration. */
    STREAM
}
