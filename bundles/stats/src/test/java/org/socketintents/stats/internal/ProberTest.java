package org.socketintents.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.socketintents.testing.LogCapture;

class ProberTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final List<ProbeResult> results = new ArrayList<>();
    private final List<InetSocketAddress> connectedFrom = new ArrayList<>();

    private Prober prober(long nanos) {
        return new Prober((source, target, timeout) -> {
            connectedFrom.add(source);
            return nanos;
        }, results::add);
    }

    @Test
    void onlyIdleInterfacesAreProbedFromTheirOwnSourceAddress() {
        List<ProbeTarget> targets = List.of(ProbeTarget.parse("i1=192.0.2.53:53"),
                ProbeTarget.parse("i2=192.0.2.53:53"));

        prober(70_000_000).probe(targets, PaperInterfaces.both(), name -> name.equals("i2"), TIMEOUT);

        assertEquals(List.of(new ProbeResult("i2", PaperInterfaces.address(PaperInterfaces.I2), 70_000_000)),
                results);
        assertEquals(List.of(new InetSocketAddress(PaperInterfaces.address(PaperInterfaces.I2), 0)), connectedFrom);
    }

    @Test
    void unusableTargetsAreLoggedOnceAndTheOthersProbed() {
        List<ProbeTarget> targets = List.of(ProbeTarget.parse("i9=192.0.2.53:53"),
                ProbeTarget.parse("i1=[2001:db8::53]:53"), ProbeTarget.parse("i2=192.0.2.53:53"));
        Prober prober = prober(70_000_000);
        try (LogCapture log = LogCapture.of(Prober.class)) {
            prober.probe(targets, PaperInterfaces.both(), name -> true, TIMEOUT);
            prober.probe(targets, PaperInterfaces.both(), name -> true, TIMEOUT);

            assertEquals(2, log.messages(Level.WARNING).size(), log.messages(Level.WARNING).toString());
        }
        assertEquals(2, results.size());
        assertTrue(results.stream().allMatch(result -> result.interfaceName().equals("i2")));
    }

    @Test
    void aFailedConnectGivesNoResultAndIsLoggedUntilItAnswersAgain() {
        List<ProbeTarget> targets = List.of(ProbeTarget.parse("i2=192.0.2.53:53"));
        boolean[] refuse = {true};
        Prober prober = new Prober((source, target, timeout) -> {
            if (refuse[0]) {
                throw new ConnectException("Connection timed out");
            }
            return 1;
        }, results::add);
        try (LogCapture log = LogCapture.of(Prober.class)) {
            prober.probe(targets, PaperInterfaces.both(), name -> true, TIMEOUT);
            prober.probe(targets, PaperInterfaces.both(), name -> true, TIMEOUT);
            refuse[0] = false;
            prober.probe(targets, PaperInterfaces.both(), name -> true, TIMEOUT);

            assertEquals(1, log.messages(Level.WARNING).size());
            assertEquals(1, log.messages(Level.INFO).size());
        }
        assertEquals(1, results.size());
    }

    @Test
    void theSocketTimerTimesALoopbackConnect() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
            long nanos = new SocketConnectTimer().connectNanos(new InetSocketAddress(loopback, 0),
                    new InetSocketAddress(loopback, server.getLocalPort()), TIMEOUT);
            assertTrue(nanos > 0);
        }
    }

    @Test
    void theSocketTimerReportsARefusedConnect() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int closedPort;
        try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
            closedPort = server.getLocalPort();
        }
        assertThrows(IOException.class, () -> new SocketConnectTimer().connectNanos(
                new InetSocketAddress(loopback, 0), new InetSocketAddress(loopback, closedPort), TIMEOUT));
    }
}
