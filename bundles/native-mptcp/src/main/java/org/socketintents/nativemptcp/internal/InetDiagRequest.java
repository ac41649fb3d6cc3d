package org.socketintents.nativemptcp.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A netlink SOCK_DIAG_BY_FAMILY dump request for the TCP connections of one address family with their tcp_info:
 * {@code struct nlmsghdr} followed by {@code struct inet_diag_req_v2} (linux/netlink.h, linux/inet_diag.h), native
 * byte order. The kernel leaves out the sockets that carry no statistics: listening ones, TIME_WAIT and
 * NEW_SYN_RECV mini-sockets. A host that has just made many short connections holds thousands of TIME_WAIT
 * sockets for a minute; the statistics collector dumps every 100 ms and must not allocate for each of them.
 */
final class InetDiagRequest {

    private static final int SIZE = 72;

    static final int SOCK_DIAG_BY_FAMILY = 20;
    static final int INET_DIAG_INFO = 2;

    private static final short NLM_F_REQUEST = 0x1;
    private static final short NLM_F_DUMP = 0x300;
    /** Bit (1 << state) per TCP state (include/net/tcp_states.h): all but TIME_WAIT, LISTEN and NEW_SYN_RECV. */
    private static final int CONNECTION_STATES = stateBits(1, 2, 3, 4, 5, 7, 8, 9, 11);
    private static final int SOCKID_SIZE = 48;

    private InetDiagRequest() {
    }

    /**
     * @param family   {@link LibC#AF_INET} or {@link LibC#AF_INET6}
     * @param sequence the request's sequence number, repeated in every reply
     * @return the request
     */
    static byte[] encode(int family, int sequence) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder());
        b.putInt(SIZE).putShort((short) SOCK_DIAG_BY_FAMILY).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                .putInt(sequence).putInt(0);
        b.put((byte) family).put((byte) LibC.IPPROTO_TCP).put((byte) (1 << (INET_DIAG_INFO - 1))).put((byte) 0)
                .putInt(CONNECTION_STATES).put(new byte[SOCKID_SIZE]);
        return b.array();
    }

    private static int stateBits(int... states) {
        int bits = 0;
        for (int state : states) {
            bits |= 1 << state;
        }
        return bits;
    }
}
