package org.socketintents.stats.internal;

import java.net.InetAddress;

/**
 * A probe's measurement.
 *
 * @param interfaceName the interface probed
 * @param source        the source address the probe connected from
 * @param rttNanos      the connect time: one round trip
 */
record ProbeResult(String interfaceName, InetAddress source, long rttNanos) {
}
