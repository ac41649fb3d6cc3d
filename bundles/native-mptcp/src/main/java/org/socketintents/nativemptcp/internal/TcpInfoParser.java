package org.socketintents.nativemptcp.internal;

import static org.socketintents.nativemptcp.internal.Fields.u32;
import static org.socketintents.nativemptcp.internal.Fields.u64;
import static org.socketintents.nativemptcp.internal.Fields.u8;

import java.nio.ByteBuffer;

import org.socketintents.api.transport.TcpInfo;

/**
 * Reads Linux {@code struct tcp_info} (linux/tcp.h) in native byte order. The structure only grows at its end, so a
 * field's offset never changes; a kernel that reports fewer bytes lacks the later fields, which read as 0.
 */
final class TcpInfoParser {

    /** More than any kernel's tcp_info so far (280 bytes on Linux 6.18): the kernel copies what it has. */
    static final int BUFFER_SIZE = 512;

    private static final int STATE = 0;
    private static final int RTO = 8;
    private static final int SND_MSS = 16;
    private static final int RCV_MSS = 20;
    private static final int UNACKED = 24;
    private static final int LOST = 32;
    private static final int LAST_DATA_SENT = 44;
    private static final int LAST_DATA_RECV = 52;
    private static final int PMTU = 60;
    private static final int RTT = 68;
    private static final int RTTVAR = 72;
    private static final int SND_SSTHRESH = 76;
    private static final int SND_CWND = 80;
    private static final int TOTAL_RETRANS = 100;
    private static final int BYTES_ACKED = 120;
    private static final int BYTES_RECEIVED = 128;
    private static final int SEGS_OUT = 136;
    private static final int SEGS_IN = 140;
    private static final int NOTSENT_BYTES = 144;
    private static final int MIN_RTT = 148;
    private static final int DELIVERY_RATE = 160;
    private static final int BYTES_SENT = 200;
    private static final int BYTES_RETRANS = 208;
    private static final int SND_WND = 228;

    private TcpInfoParser() {
    }

    /**
     * @param b the structure from its first byte, native byte order, limited to the length the kernel reported
     * @return its figures
     */
    static TcpInfo parse(ByteBuffer b) {
        return new TcpInfo(u8(b, STATE), u32(b, RTO), u32(b, RTT), u32(b, RTTVAR), u32(b, MIN_RTT),
                (int) u32(b, SND_MSS), (int) u32(b, RCV_MSS), u32(b, SND_CWND), u32(b, SND_SSTHRESH),
                u32(b, UNACKED), u32(b, LOST), u32(b, TOTAL_RETRANS), (int) u32(b, PMTU), u32(b, LAST_DATA_SENT),
                u32(b, LAST_DATA_RECV), u64(b, BYTES_SENT), u64(b, BYTES_ACKED), u64(b, BYTES_RECEIVED),
                u64(b, BYTES_RETRANS), u32(b, SEGS_OUT), u32(b, SEGS_IN), u64(b, DELIVERY_RATE),
                u32(b, NOTSENT_BYTES), u32(b, SND_WND), b.limit());
    }
}
