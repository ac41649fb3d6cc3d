package org.socketintents.lab.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.lab.calibrate.RttProbe.Endpoint;
import org.socketintents.lab.calibrate.UdpEchoProbe;
import org.socketintents.lab.delay.DelayLine;
import org.socketintents.lab.delay.DelayTuning;
import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.os.NetNamespace;
import org.socketintents.lab.os.Shell;
import org.socketintents.lab.topology.Description;
import org.socketintents.lab.topology.DescriptionParser;
import org.socketintents.lab.topology.Direction;
import org.socketintents.lab.topology.Layout;
import org.socketintents.lab.topology.LinkLayout;

/** Builds real two-link labs in namespaces of its own (root only) and tears them down. */
class TestbedTest {

    private static final String TWO_LINKS = """
            link a
              down delay 3ms rate 20Mbit queue 50ms
              up   delay 2ms rate 20Mbit queue 50ms
            link b
              down delay 12ms rate 20Mbit queue 50ms
              up   delay 8ms  rate 20Mbit queue 50ms
            """;

    private Layout layout;

    @BeforeEach
    void layout() throws Exception {
        RootOnly.assumeRoot();
        Description description = DescriptionParser.parse(TWO_LINKS, "two-links");
        layout = new Layout(RootOnly.uniqueLabName(), description);
    }

    @Test
    void sourceAddressChoosesTheLinkAndEachWayIsDelayed() throws Exception {
        LinkLayout a = layout.link("a");
        LinkLayout b = layout.link("b");
        try (Testbed testbed = Testbed.start(layout, new Shell(), DelayTuning.DEFAULT)) {
            assertTrue(NetNamespace.exists(layout.clientNamespace()) && NetNamespace.exists(layout.serverNamespace()));
            // Building the lab sent packets of its own: the congestion control check's connections.
            DelayLine lineA = testbed.line("a");
            DelayLine lineB = testbed.line("b");
            long aUp = lineA.counters(Direction.UP).delivered();
            long aDown = lineA.counters(Direction.DOWN).delivered();
            long bUp = lineB.counters(Direction.UP).delivered();
            long bDown = lineB.counters(Direction.DOWN).delivered();

            // From b's client address to a's server address: the source rule sends it over b, the reply returns on b.
            double[] viaB = new UdpEchoProbe().rttMillis(new Endpoint(layout.clientNamespace(), b.clientAddress()),
                    new Endpoint(layout.serverNamespace(), a.serverAddress()), 10);
            double[] viaA = new UdpEchoProbe().rttMillis(new Endpoint(layout.clientNamespace(), a.clientAddress()),
                    new Endpoint(layout.serverNamespace(), a.serverAddress()), 10);

            assertEquals(10, viaB.length);
            assertEquals(10, viaA.length);
            assertTrue(Arrays.stream(viaB).min().orElseThrow() >= 20.0, "b's RTT is at least 8 + 12 ms");
            assertTrue(Arrays.stream(viaA).min().orElseThrow() >= 5.0, "a's RTT is at least 2 + 3 ms");
            assertEquals(aUp + 10, lineA.counters(Direction.UP).delivered());
            assertEquals(aDown + 10, lineA.counters(Direction.DOWN).delivered());
            assertEquals(bUp + 10, lineB.counters(Direction.UP).delivered());
            assertEquals(bDown + 10, lineB.counters(Direction.DOWN).delivered());
            assertEquals(0, lineB.counters(Direction.UP).dropped());
        }
        assertFalse(NetNamespace.exists(layout.clientNamespace()));
        assertFalse(NetNamespace.exists(layout.serverNamespace()));
    }

    @Test
    void connectionsOverEveryLinkRunTheDescribedCongestionControlAtBothEnds() throws Exception {
        Layout reno = new Layout(layout.name(), layout.description().withCongestionControl("reno"));

        try (Testbed testbed = Testbed.start(reno, new Shell(), DelayTuning.DEFAULT)) {
            assertEquals(List.of(new LinkCongestionControl("a", "reno", "reno"),
                    new LinkCongestionControl("b", "reno", "reno")), testbed.congestionControl());
        }
        assertFalse(NetNamespace.exists(reno.clientNamespace()));
    }

    @Test
    void anAlgorithmTheKernelLacksIsRefusedBeforeAnythingIsBuilt() {
        Layout missing = new Layout(layout.name(), layout.description().withCongestionControl("nosuchcc"));

        IOException e = assertThrows(IOException.class, () -> Testbed.start(missing, new Shell(), DelayTuning.DEFAULT));

        assertTrue(e.getMessage().contains("nosuchcc is not available"), e.getMessage());
        assertFalse(NetNamespace.exists(missing.clientNamespace()));
        assertFalse(NetNamespace.exists(missing.serverNamespace()));
    }

    @Test
    void failureHalfWayRemovesWhatWasBuilt() {
        Shell shell = new Shell();
        CommandRunner failsAtTheDefaultRoute = command -> {
            if (command.contains("route") && command.contains("default") && !command.contains("table")) {
                throw new IOException("injected failure");
            }
            return shell.run(command);
        };

        IOException e = assertThrows(IOException.class,
                () -> Testbed.start(layout, failsAtTheDefaultRoute, DelayTuning.DEFAULT));

        assertEquals("injected failure", e.getMessage());
        assertFalse(NetNamespace.exists(layout.clientNamespace()));
        assertFalse(NetNamespace.exists(layout.serverNamespace()));
    }

    @Test
    void refusesToBuildOverAnExistingLabAndLeavesItAlone() throws Exception {
        Shell shell = new Shell();
        shell.run(List.of("ip", "netns", "add", layout.serverNamespace()));
        try {
            IOException e = assertThrows(IOException.class, () -> Testbed.start(layout, shell, DelayTuning.DEFAULT));

            assertTrue(e.getMessage().contains("lab down"), e.getMessage());
            assertTrue(NetNamespace.exists(layout.serverNamespace()));
            assertFalse(NetNamespace.exists(layout.clientNamespace()));
        } finally {
            shell.run(List.of("ip", "netns", "delete", layout.serverNamespace()));
        }
    }
}
