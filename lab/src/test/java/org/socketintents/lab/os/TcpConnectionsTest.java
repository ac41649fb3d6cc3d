package org.socketintents.lab.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TcpConnectionsTest {

    private static final Set<String> ALGORITHMS = Set.of("reno", "bbr", "cubic");

    /**
     * ss -tinH of iproute2 6.x: the tcp_info line is indented with a tab; TIME-WAIT has none; a Java socket is
     * IPv6 with IPv4-mapped addresses.
     */
    private static final String SS = """
            ESTAB 0      0         10.200.2.2:44117   10.200.1.1:80
            \t ts sack cubic wscale:7,7 rto:276 rtt:75.1/2.5 ato:40 mss:1448 pmtu:1500 rcvmss:1448 advmss:1448 \
            cwnd:10 bytes_sent:151 bytes_acked:152 bytes_received:8361088 segs_out:2901 segs_in:5779 data_segs_out:1 \
            data_segs_in:5776 send 1542476bps lastsnd:4840 lastrcv:4 lastack:4 pacing_rate 3084952bps \
            delivery_rate 1542080bps delivered:2 app_limited rcv_rtt:76.5 rcv_space:1131496 minrtt:70.2
            TIME-WAIT 0      0         10.200.1.2:40012   10.200.1.1:80
            ESTAB 0      0         [::ffff:10.200.1.2]:40020   [::ffff:10.200.1.1]:80
            \t ts sack bbr wscale:7,7 rto:212 rtt:10.3/0.4 mss:1448 cwnd:12 bytes_acked:1 segs_out:2 segs_in:1 \
            bbr:(bw:1.2Mbps,mrtt:10.1,pacing_gain:2.88672,cwnd_gain:2.88672) send 13.5Mbps
            """;

    @Test
    void establishedConnectionsCarryTheirEndsAlgorithmAndReceivedBytes() throws IOException {
        List<TcpConnection> connections = TcpConnections.parse(SS, ALGORITHMS);

        assertEquals(List.of(new TcpConnection("10.200.2.2:44117", "10.200.1.1:80", "cubic", 8_361_088),
                new TcpConnection("10.200.1.2:40020", "10.200.1.1:80", "bbr", 0)), connections);
        assertEquals("10.200.2.2", connections.get(0).localAddress());
        assertEquals(44117, connections.get(0).localPort());
        assertEquals(80, connections.get(0).peerPort());
    }

    @Test
    void aConnectionIsTheSameWhateverItsCounters() {
        TcpConnection before = new TcpConnection("10.200.2.2:44117", "10.200.1.1:80", "cubic", 100);
        TcpConnection after = new TcpConnection("10.200.2.2:44117", "10.200.1.1:80", "cubic", 900);

        assertTrue(before.sameAs(after));
        assertFalse(before.sameAs(new TcpConnection("10.200.2.2:44118", "10.200.1.1:80", "cubic", 100)));
    }

    @Test
    void unreadableOutputIsAnError() throws IOException {
        assertThrows(IOException.class, () -> TcpConnections.parse("ESTAB 0 0\n", ALGORITHMS));
        assertThrows(IOException.class, () -> TcpConnections.parse(
                "ESTAB 0 0 10.0.0.1:1 10.0.0.2:80\n\t cubic bytes_received:many\n", ALGORITHMS));
        assertEquals(List.of(), TcpConnections.parse("", ALGORITHMS));
    }

    @Test
    void mptcpSubflowsCarryTheirConnectionsTokenAndAPlainAddress() throws IOException {
        String ss = """
                ESTAB 0      0      10.200.2.2%i2:54278 10.200.1.1:80
                \t cubic wscale:10,10 rto:272 rtt:70.14/35.07 mss:1448 cwnd:10 bytes_acked:1 bytes_received:2293088 \
                snd_wnd:64512 tcp-ulp-mptcp flags:Jjecv token:62dd884e(id:0)/1b8ffd4e(id:2) seq:9e07a3d1ab9e3c3c
                ESTAB 0      0         10.200.1.2:36126   10.200.1.1:80
                \t cubic wscale:10,10 rto:212 rtt:10.221/3.851 bytes_received:1410678 tcp-ulp-mptcp flags:Mmecv \
                token:0000(id:0)/1b8ffd4e(id:0) seq:9e07a3d1ab9f3bec sfseq:15229f
                """;

        List<TcpConnection> connections = TcpConnections.parse(ss, ALGORITHMS);

        assertEquals(List.of(
                new TcpConnection("10.200.2.2:54278", "10.200.1.1:80", "cubic", 2_293_088, "1b8ffd4e"),
                new TcpConnection("10.200.1.2:36126", "10.200.1.1:80", "cubic", 1_410_678, "1b8ffd4e")), connections);
        assertEquals("10.200.2.2", connections.get(0).localAddress());
    }
}
