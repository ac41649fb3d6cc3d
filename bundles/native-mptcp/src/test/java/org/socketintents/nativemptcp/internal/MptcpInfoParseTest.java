package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.socketintents.api.transport.MptcpInfo;

/** Offsets as linux/mptcp.h lays struct mptcp_info out: 96 bytes on Linux 6.18, 48 on 5.x. */
class MptcpInfoParseTest {

    @Test
    void readsTheCurrentLayout() {
        ByteBuffer b = ByteBuffer.allocate(96).order(ByteOrder.nativeOrder());
        b.put(0, (byte) 1).put(1, (byte) 2).put(2, (byte) 3).put(3, (byte) 8).putInt(8, 0b10).putInt(12, 0xcafef00d)
                .put(40, (byte) 2).put(41, (byte) 4).put(42, (byte) 1).putLong(48, 10).putLong(56, 1000)
                .putLong(64, 2000).putLong(72, 990);

        assertEquals(new MptcpInfo(0xcafef00dL, List.of(), 8, 2, 3, 2, 4, true, true, 1000, 2000, 990, 10),
                MptcpInfoReader.parse(b, List.of()));
    }

    @Test
    void anOlderKernelHasNoByteCounters() {
        ByteBuffer b = ByteBuffer.allocate(96).order(ByteOrder.nativeOrder());
        b.put(3, (byte) 2).putLong(56, 1000);
        MptcpInfo info = MptcpInfoReader.parse(b.limit(48), List.of());
        assertEquals(2, info.subflowsMax());
        assertEquals(0, info.bytesSent());
    }

    @Test
    void theSubflowRequestHeaderIsWhatTheKernelDemands() {
        ByteBuffer b = ByteBuffer.wrap(SubflowData.request(256, 2)).order(ByteOrder.nativeOrder());
        assertEquals(16 + 2 * 256, b.limit());
        assertEquals(16, b.getInt(0));      // size_subflow_data
        assertEquals(0, b.getInt(4));       // num_subflows: must be 0
        assertEquals(0, b.getInt(8));       // size_kernel: must be 0
        assertEquals(256, b.getInt(12));    // size_user
    }
}
