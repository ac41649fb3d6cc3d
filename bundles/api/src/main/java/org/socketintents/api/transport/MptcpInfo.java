package org.socketintents.api.transport;

import java.util.List;

/**
 * The state of an MPTCP connection, Linux {@code struct mptcp_info} with its subflows. Older kernels report fewer
 * figures: the byte counters are 0 there.
 *
 * @param token              the connection's local MPTCP token
 * @param subflows           the subflows, the initial one included, in the kernel's order
 * @param subflowsMax        how many additional subflows the path manager may create
 * @param addAddrSignal      addresses announced to the peer (ADD_ADDR sent)
 * @param addAddrAccepted    addresses announced by the peer and accepted
 * @param localAddrUsed      local addresses used by subflows
 * @param localAddrMax       local addresses the path manager may use
 * @param remoteKeyReceived  whether the peer's key arrived, i.e. the MPTCP handshake completed
 * @param checksumEnabled    whether DSS checksums are in use
 * @param bytesSent          bytes sent at the MPTCP level, retransmissions included
 * @param bytesReceived      bytes received at the MPTCP level
 * @param bytesAcked         bytes acknowledged at the MPTCP level
 * @param bytesRetransmitted bytes retransmitted at the MPTCP level
 */
public record MptcpInfo(long token, List<MptcpSubflow> subflows, int subflowsMax, int addAddrSignal,
                        int addAddrAccepted, int localAddrUsed, int localAddrMax, boolean remoteKeyReceived,
                        boolean checksumEnabled, long bytesSent, long bytesReceived, long bytesAcked,
                        long bytesRetransmitted) {

    public MptcpInfo {
        subflows = List.copyOf(subflows);
    }
}
