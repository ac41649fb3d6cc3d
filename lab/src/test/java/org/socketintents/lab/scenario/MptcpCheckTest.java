package org.socketintents.lab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.socketintents.lab.os.MptcpCounters;

class MptcpCheckTest {

    private static MptcpCounters counters(long syn, long synAck, long fallback, long joins) {
        return new MptcpCounters(Map.of(MptcpCounters.CAPABLE_SYN_SENT, syn,
                MptcpCounters.CAPABLE_SYNACK_RECEIVED, synAck, MptcpCounters.FALLBACK_SYNACK, fallback,
                MptcpCounters.JOIN_SYNACK_RECEIVED, joins, "MPTCPRetrans", 7L));
    }

    @Test
    void everyMptcpConnectionWithASubflowJoinedPasses() {
        MptcpCheck check = MptcpCheck.between(counters(3, 3, 0, 3), counters(5, 5, 0, 5));

        assertEquals(new MptcpCheck(2, 2, 0, 2), check);
        assertTrue(check.passed());
        assertEquals("MPTCP with a subflow on each link: 2 MPTCP connection(s) attempted, 2 negotiated, 0 fell back"
                + " to TCP, 2 subflow(s) joined", check.toString());
    }

    @Test
    void plainTcpFails() {
        MptcpCheck check = MptcpCheck.between(counters(3, 3, 0, 3), counters(3, 3, 0, 3));

        assertFalse(check.passed());
        assertTrue(check.toString().startsWith("FAILED: plain TCP only"), check.toString());
    }

    @Test
    void aServerWithoutMptcpFails() {
        MptcpCheck check = MptcpCheck.between(counters(0, 0, 0, 0), counters(2, 1, 1, 1));

        assertFalse(check.passed());
        assertTrue(check.toString().startsWith("FAILED: the server did not accept MPTCP"), check.toString());
    }

    @Test
    void aConnectionThatStayedOnOneLinkFails() {
        MptcpCheck check = MptcpCheck.between(counters(0, 0, 0, 0), counters(2, 2, 0, 1));

        assertFalse(check.passed());
        assertTrue(check.toString().startsWith("FAILED: not every MPTCP connection got a subflow"), check.toString());
    }
}
