package org.socketintents.resolver.internal;

import java.time.Duration;

/**
 * How queries are sent.
 *
 * @param timeout          how long one attempt at one server waits for its reply, TCP fallback included
 * @param retries          how many more times the server list is tried after every server failed once
 * @param tcpOnTruncation  whether a truncated UDP reply is asked again over TCP; without, a truncated reply is used
 *                         only when it holds addresses, and never cached
 */
record QueryPolicy(Duration timeout, int retries, boolean tcpOnTruncation) {
}
