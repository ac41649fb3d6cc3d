package org.socketintents.lab.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class MptcpCountersTest {

    private static final String NETSTAT = """
            TcpExt: SyncookiesSent SyncookiesRecv
            TcpExt: 0 0
            MPTcpExt: MPCapableSYNRX MPCapableSYNTX MPCapableSYNACKRX MPCapableFallbackSYNACK MPJoinSynAckRx
            MPTcpExt: 0 4 3 1 3
            """;

    @Test
    void readsTheMptcpLinesOfProcNetNetstat() throws IOException {
        MptcpCounters counters = MptcpCounters.parse(NETSTAT);

        assertEquals(4, counters.get(MptcpCounters.CAPABLE_SYN_SENT));
        assertEquals(3, counters.get(MptcpCounters.CAPABLE_SYNACK_RECEIVED));
        assertEquals(1, counters.get(MptcpCounters.FALLBACK_SYNACK));
        assertEquals(3, counters.get(MptcpCounters.JOIN_SYNACK_RECEIVED));
        assertEquals(0, counters.get("MPTCPRetrans"), "a counter this kernel lacks");
    }

    @Test
    void growthIsPerCounter() throws IOException {
        MptcpCounters before = MptcpCounters.parse(NETSTAT);
        MptcpCounters after = MptcpCounters.parse(NETSTAT.replace("MPTcpExt: 0 4 3 1 3", "MPTcpExt: 0 6 5 1 4"));

        MptcpCounters grown = after.since(before);

        assertEquals(2, grown.get(MptcpCounters.CAPABLE_SYN_SENT));
        assertEquals(2, grown.get(MptcpCounters.CAPABLE_SYNACK_RECEIVED));
        assertEquals(0, grown.get(MptcpCounters.FALLBACK_SYNACK));
        assertEquals(1, grown.get(MptcpCounters.JOIN_SYNACK_RECEIVED));
    }

    @Test
    void aKernelWithoutMptcpOrAGarbledFileIsAnError() {
        assertThrows(IOException.class, () -> MptcpCounters.parse("TcpExt: A\nTcpExt: 1\n"));
        assertThrows(IOException.class, () -> MptcpCounters.parse("MPTcpExt: A B\nMPTcpExt: 1\n"));
        assertThrows(IOException.class, () -> MptcpCounters.parse("MPTcpExt: A\nMPTcpExt: x\n"));
    }
}
