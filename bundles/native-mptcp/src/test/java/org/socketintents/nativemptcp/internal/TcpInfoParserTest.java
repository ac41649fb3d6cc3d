package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.socketintents.api.transport.TcpInfo;

/** Offsets as linux/tcp.h lays struct tcp_info out (checked against the C compiler's offsetof on this host). */
class TcpInfoParserTest {

    @Test
    void readsEveryFieldAtItsOffset() {
        ByteBuffer b = ByteBuffer.allocate(280).order(ByteOrder.nativeOrder());
        b.put(0, (byte) 1).putInt(8, 204_000).putInt(16, 1448).putInt(20, 536).putInt(24, 3).putInt(32, 1)
                .putInt(44, 12).putInt(52, 13).putInt(60, 1500).putInt(68, 5000).putInt(72, 2500)
                .putInt(76, 0x7fffffff).putInt(80, 10).putInt(100, 4).putLong(120, 1_000_000L)
                .putLong(128, 2_000_000L).putInt(136, 700).putInt(140, 800).putInt(144, 99).putInt(148, 4000)
                .putLong(160, 1_250_000L).putLong(200, 1_000_500L).putLong(208, 500L).putInt(228, 65536);

        assertEquals(new TcpInfo(1, 204_000, 5000, 2500, 4000, 1448, 536, 10, 0x7fffffff, 3, 1, 4, 1500, 12, 13,
                1_000_500L, 1_000_000L, 2_000_000L, 500L, 700, 800, 1_250_000L, 99, 65536, 280),
                TcpInfoParser.parse(b));
    }

    @Test
    void unsignedFieldsStayPositive() {
        ByteBuffer b = ByteBuffer.allocate(104).order(ByteOrder.nativeOrder()).putInt(68, 0xffffffff);
        assertEquals(0xffffffffL, TcpInfoParser.parse(b).rttMicros());
    }

    /** Linux 4.9 reports 160 bytes: no delivery rate, bytes sent or send window yet. */
    @Test
    void anOlderKernelsShorterStructureLeavesTheLaterFieldsAtZero() {
        ByteBuffer b = ByteBuffer.allocate(280).order(ByteOrder.nativeOrder());
        b.putInt(68, 5000).putInt(148, 4000).putLong(160, 1_250_000L).putLong(200, 7L).putInt(228, 65536);
        TcpInfo info = TcpInfoParser.parse(b.limit(160));
        assertEquals(5000, info.rttMicros());
        assertEquals(4000, info.minRttMicros());
        assertEquals(0, info.deliveryRateBps());
        assertEquals(0, info.bytesSent());
        assertEquals(0, info.sendWindow());
        assertEquals(160, info.length());
    }
}
