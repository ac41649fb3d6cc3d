package org.socketintents.lab.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
    void namespacesTurnIpv6OffAndKeepTheDefaultCongestionControl() {
        assertTrue(commands.namespaceSettings().contains(List.of("ip", "netns", "exec", "si-lab-x1-cli", "sysctl", "-q",
                "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1")));
        assertTrue(commands.namespaceSettings().contains(
                List.of("ip", "-n", "si-lab-x1-srv", "mptcp", "limits", "set", "subflow", "2", "add_addr_accepted", "2")));
    }

    @Test
    void congestionControlIsSetWhenDescribed() throws Exception {
        Description reno = DescriptionParser.parse("tcp-congestion-control reno\nlink a\n down delay 1ms rate 1Mbit"
                + " queue 10ms\n up delay 1ms rate 1Mbit queue 10ms\n", "reno");

        List<String> sysctl = new TopologyCommands(new Layout("si-lab", reno)).namespaceSettings().get(1);

        assertEquals("net.ipv4.tcp_congestion_control=reno", sysctl.get(sysctl.size() - 1));
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
        assertTrue(i2.contains(List.of("ip", "-n", "si-lab-x1-cli", "route", "add", "default", "dev", "i2",
                "table", "102")));
        assertTrue(i2.contains(List.of("ip", "-n", "si-lab-x1-cli", "rule", "add", "from", "10.200.2.2",
                "table", "102", "priority", "1002")));
        assertTrue(i2.contains(List.of("ip", "-n", "si-lab-x1-cli", "mptcp", "endpoint", "add", "10.200.2.2",
                "dev", "i2", "subflow")));
        assertTrue(i2.contains(List.of("ip", "netns", "exec", "si-lab-x1-srv", "sysctl", "-q", "-w",
                "net.ipv6.conf.srv-i2.disable_ipv6=1")));
        assertEquals(List.of("ip", "-n", "si-lab-x1-cli", "route", "add", "default", "dev", "i1"),
                commands.defaultRoute());
    }

    @Test
    void devicesAreConfiguredBeforeTheRoutesThatUseThem() {
        List<List<String>> i1 = commands.linkSettings(layout.link("i1"));

        int up = i1.indexOf(List.of("ip", "-n", "si-lab-x1-cli", "link", "set", "dev", "i1", "up"));
        int route = i1.indexOf(List.of("ip", "-n", "si-lab-x1-cli", "route", "add", "default", "dev", "i1",
                "table", "101"));
        assertTrue(up >= 0 && up < route);
    }

    @Test
    void labNamesMustStartWithThePrefix() {
        Description paper = layout.description();

        assertThrows(IllegalArgumentException.class, () -> new Layout("mylab", paper));
        assertThrows(IllegalArgumentException.class, () -> new Layout("si-lab-UPPER", paper));
    }
}
