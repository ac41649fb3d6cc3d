package org.socketintents.lab.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.socketintents.lab.calibrate.CalibrationReport.GoodputFigure;
import org.socketintents.lab.calibrate.CalibrationReport.RttFigure;
import org.socketintents.lab.calibrate.RttProbe.Endpoint;
import org.socketintents.lab.os.Niceness;
import org.socketintents.lab.topology.Direction;

class CalibrationFiguresTest {

    @Test
    void pingRepliesAreReadAndTheSummaryIgnored() throws IOException {
        String output = """
                PING 10.200.1.1 (10.200.1.1) from 10.200.1.2 : 56(84) bytes of data.
                64 bytes from 10.200.1.1: icmp_seq=1 ttl=64 time=10.2 ms
                64 bytes from 10.200.1.1: icmp_seq=2 ttl=64 time=9.87 ms
                64 bytes from 10.200.1.1: icmp_seq=4 ttl=64 time=70.125 ms

                --- 10.200.1.1 ping statistics ---
                4 packets transmitted, 3 received, 25% packet loss, time 30ms
                rtt min/avg/max/mdev = 9.870/30.065/70.125/28.300 ms
                """;

        assertArrayEquals(new double[] {10.2, 9.87, 70.125}, PingProbe.parse(output));
        assertThrows(IOException.class, () -> PingProbe.parse("100% packet loss"));
    }

    @Test
    void pingLeavesFromTheClientAddressInsideItsNamespace() {
        List<String> expected = new ArrayList<>(Niceness.prefix());
        expected.addAll(List.of("ip", "netns", "exec", "si-lab-cli", "ping", "-n", "-I", "10.200.1.2", "-i", "0.01",
                "-W", "2", "-c", "500", "10.200.1.1"));
        assertEquals(expected,
                PingProbe.command(new Endpoint("si-lab-cli", "10.200.1.2"), new Endpoint("si-lab-srv", "10.200.1.1"),
                        500));
    }

    @Test
    void summaryHasMeanAndNearestRankPercentile() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;
        }

        Summary s = Summary.of(values);

        assertEquals(50.5, s.mean(), 1e-9);
        assertEquals(99, s.p99());
        assertEquals(1, s.min());
        assertEquals(100, s.max());
        assertEquals(100, s.count());
    }

    @Test
    void rttToleranceIsHalfAMillisecondOrThreePercent() {
        Criteria c = Criteria.DEFAULT;

        assertTrue(c.rttOk(10, 10.5));
        assertFalse(c.rttOk(10, 10.51));
        assertTrue(c.rttOk(70, 72.1));
        assertFalse(c.rttOk(70, 72.2));
        assertFalse(c.rttOk(70, 67.7));
    }

    @Test
    void goodputMustReachNinetyThreePercent() {
        assertTrue(Criteria.DEFAULT.goodputOk(768_000, 714_240));
        assertFalse(Criteria.DEFAULT.goodputOk(768_000, 714_000));
    }

    @Test
    void reportFailsWhenAnyFigureFails() {
        Summary rtt = Summary.of(new double[] {10.1});
        CalibrationReport good = new CalibrationReport("ping", List.of(new RttFigure("i1", "client", 10, rtt, true)),
                List.of(new GoodputFigure("i1", Direction.DOWN, 6_000_000, 5_800_000, true)));
        CalibrationReport bad = new CalibrationReport("ping", good.rtts(),
                List.of(new GoodputFigure("i1", Direction.UP, 768_000, 500_000, false)));

        assertTrue(good.passed());
        assertFalse(bad.passed());
        assertTrue(bad.table().contains("| i1 | up | 0.768 Mbit/s | 0.500 Mbit/s | 65.1 % | NO |"), bad.table());
    }
}
