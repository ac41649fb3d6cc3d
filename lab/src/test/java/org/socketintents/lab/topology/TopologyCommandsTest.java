package org.socketintents.lab.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TopologyCommandsTest {

    private final Layout layout = new Layout("si-lab-x1", load("paper"));
    private final TopologyCommands commands = new TopologyCommands(layout);

    private static Description load(String name) {
        try {
            return Descriptions.load(name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void namespacesCarryTheLabName() {
        assertEquals(List.of(List.of("ip", "netns", "add", "si-lab-x1-cli"), List.of("ip", "netns", "add", "si-lab-x1-srv")),
                commands.createNamespaces());
        assertTrue(Layout.isLabNamespace("si-lab-x1-cli"));
        assertTrue(!Layout.isLabNamespace("si-labx-cli"));
    }

    @Test
    void namespacesTurnIpv6OffAndSetMptcpLimits() {
        assertTrue(commands.namespaceSettings().contains(List.of("ip", "netns", "exec", "si-lab-x1-cli", "sysctl", "-q",
                "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1")));
        assertTrue(commands.namespaceSettings().contains(
                List.of("ip", "-n", "si-lab-x1-srv", "mptcp", "limits", "set", "subflow", "2", "add_addr_accepted", "2")));
    }

    @Test
    void theDescribedCongestionControlIsAMetricOfEveryRouteOnBothEnds() {
        List<List<String>> i2 = commands.linkSettings(layout.link("i2"));

        assertEquals(Optional.of("cubic"), layout.description().congestionControl());
        assertTrue(i2.contains(List.of("ip", "-n", "si-lab-x1-cli", "route", "replace", "10.200.2.0/24", "dev", "i2",
                "proto", "kernel", "scope", "link", "src", "10.200.2.2", "congctl", "cubic")));
        assertTrue(i2.contains(List.of("ip", "-n", "si-lab-x1-srv", "route", "replace", "10.200.2.0/24", "dev",
                "srv-i2", "proto", "kernel", "scope", "link", "src", "10.200.2.1", "congctl", "cubic")));
        assertTrue(i2.contains(List.of("ip", "-n", "si-lab-x1-cli", "route", "add", "default", "dev", "i2",
                "table", "102", "congctl", "cubic")));
        assertEquals(List.of("ip", "-n", "si-lab-x1-cli", "route", "add", "default", "dev", "i1", "congctl", "cubic"),
                commands.defaultRoute());
        assertTrue(commands.namespaceSettings().stream().flatMap(List::stream)
                .noneMatch(word -> word.contains("congestion_control")), "the namespaces' default stays");
    }

    @Test
    void withoutADescribedCongestionControlRoutesCarryNone() throws Exception {
        Description plain = DescriptionParser.parse("link a\n down delay 1ms rate 1Mbit queue 10ms\n"
                + " up delay 1ms rate 1Mbit queue 10ms\n", "plain");
        TopologyCommands plainCommands = new TopologyCommands(new Layout("si-lab", plain));

        assertTrue(plainCommands.linkSettings(new Layout("si-lab", plain).link("a")).stream().flatMap(List::stream)
                .noneMatch("congctl"::equals));
        assertEquals(List.of("ip", "-n", "si-lab-cli", "route", "add", "default", "dev", "a"),
                plainCommands.defaultRoute());
    }

    @Test
    void theCongestionControlSwitchReplacesTheDescribedOne() {
        Description bbr = layout.description().withCongestionControl("bbr");

        assertEquals(Optional.of("bbr"), bbr.congestionControl());
        assertEquals(layout.description().links(), bbr.links());
        assertThrows(IllegalArgumentException.class, () -> layout.description().withCongestionControl("Bad Name"));
    }

    @Test
    void linkShapesUploadOnTheClientAndDownloadOnTheServer() {
        List<List<String>> i1 = commands.linkSettings(layout.link("i1"));

        assertTrue(i1.contains(List.of("tc", "-n", "si-lab-x1-cli", "class", "add", "dev", "i1", "parent", "1:",
                "classid", "1:10", "htb", "rate", "768000bit", "ceil", "768000bit")));
        assertTrue(i1.contains(List.of("tc", "-n", "si-lab-x1-srv", "class", "add", "dev", "srv-i1", "parent", "1:",
                "classid", "1:10", "htb", "rate", "6000000bit", "ceil", "6000000bit")));
        assertTrue(i1.contains(List.of("tc", "-n", "si-lab-x1-srv", "qdisc", "add", "dev", "srv-i1", "parent", "1:10",
                "handle", "10:", "bfifo", "limit", "75000")));
        assertTrue(i1.contains(List.of("tc", "-n", "si-lab-x1-cli", "qdisc", "add", "dev", "i1", "parent", "1:10",
                "handle", "10:", "bfifo", "limit", "15000")));
    }

    @Test
    void eachSourceAddressRoutesThroughItsOwnLink() {
        List<List<String>> i2 = commands.linkSettings(layout.link("i2"));

        assertTrue(i2.contains(List.of("ip", "-n", "si-lab-x1-cli", "addr", "add", "10.200.2.2/24", "dev", "i2")));
        assertTrue(i2.contains(List.of("ip", "-n", "si-lab-x1-srv", "addr", "add", "10.200.2.1/24", "dev", "srv-i2")));
        assertTrue(i2.contains(List.of("ip", "-n", "si-lab-x1-cli", "rule", "add", "from", "10.200.2.2",
                "table", "102", "priority", "1002")));
        assertTrue(i2.contains(List.of("ip", "-n", "si-lab-x1-cli", "mptcp", "endpoint", "add", "10.200.2.2",
                "dev", "i2", "subflow")));
        assertTrue(i2.contains(List.of("ip", "netns", "exec", "si-lab-x1-srv", "sysctl", "-q", "-w",
                "net.ipv6.conf.srv-i2.disable_ipv6=1")));
    }

    @Test
    void devicesAreConfiguredBeforeTheRoutesThatUseThem() {
        List<List<String>> i1 = commands.linkSettings(layout.link("i1"));

        int up = i1.indexOf(List.of("ip", "-n", "si-lab-x1-cli", "link", "set", "dev", "i1", "up"));
        int subnet = i1.indexOf(List.of("ip", "-n", "si-lab-x1-cli", "route", "replace", "10.200.1.0/24", "dev", "i1",
                "proto", "kernel", "scope", "link", "src", "10.200.1.2", "congctl", "cubic"));
        int route = i1.indexOf(List.of("ip", "-n", "si-lab-x1-cli", "route", "add", "default", "dev", "i1",
                "table", "101", "congctl", "cubic"));
        assertTrue(up >= 0 && up < subnet && subnet < route);
    }

    @Test
    void labNamesMustStartWithThePrefix() {
        Description paper = layout.description();

        assertThrows(IllegalArgumentException.class, () -> new Layout("mylab", paper));
        assertThrows(IllegalArgumentException.class, () -> new Layout("si-lab-UPPER", paper));
    }
}
