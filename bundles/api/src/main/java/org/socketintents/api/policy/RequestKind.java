package org.socketintents.api.policy;

/** Which socket call the application is making. */
public enum RequestKind {
    /** getaddrinfo: order the resolved destination addresses, and suggest a source. */
    RESOLVE,
    /** connect: choose the source, confirm or replace the destination, suggest socket options. */
    CONNECT
}
