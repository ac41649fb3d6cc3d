package org.socketintents.stats.internal;

/**
 * An interface's byte counters at one moment, as the kernel keeps them: unsigned, so a value above
 * {@link Long#MAX_VALUE} reads as negative here; compare them with {@link Long#compareUnsigned}.
 *
 * @param received bytes received ({@code rx_bytes})
 * @param sent     bytes sent ({@code tx_bytes})
 */
record ByteCounters(long received, long sent) {
}
