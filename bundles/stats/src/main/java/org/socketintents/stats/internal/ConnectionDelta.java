package org.socketintents.stats.internal;

import org.socketintents.api.transport.TcpConnectionInfo;

/**
 * One connection in a socket dump, with what it did since the previous dump.
 *
 * @param info        the kernel's figures now
 * @param received    bytes received since the previous dump
 * @param sent        bytes sent and acknowledged since the previous dump
 * @param retransmits segments retransmitted since the previous dump
 * @param isNew       whether it appeared since the previous dump (its RTT was measured during its handshake)
 */
record ConnectionDelta(TcpConnectionInfo info, long received, long sent, long retransmits, boolean isNew) {

    /** @return whether it moved data since the previous dump */
    boolean moved() {
        return received > 0 || sent > 0;
    }

    /**
     * @return whether the kernel's RTT of it is recent: an idle connection keeps the RTT it measured last, possibly
     *         hours ago
     */
    boolean hasRecentRtt() {
        return (isNew || moved()) && info.rttMicros() > 0;
    }
}
