package org.socketintents.lab.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * The ip, tc and sysctl command lines that build a lab around its TUN devices. Pure: it only spells the commands,
 * {@code Testbed} runs them. The TUN devices themselves are created by the delay line, directly inside the
 * namespaces, between {@link #namespaceSettings()} and {@link #linkSettings(LinkLayout)}.
 */
public final class TopologyCommands {

    /** The kernel's path manager accepts at most 8 subflows and 8 announced addresses per connection. */
    private static final int MPTCP_LIMIT_MAX = 8;

    private final Layout layout;

    public TopologyCommands(Layout layout) {
        this.layout = layout;
    }

    public List<List<String>> createNamespaces() {
        return layout.namespaces().stream().map(ns -> List.of("ip", "netns", "add", ns)).toList();
    }

    /** Loopback, IPv6 off (no stray router solicitations on the links), congestion control, MPTCP limits. */
    public List<List<String>> namespaceSettings() {
        String limit = Integer.toString(Math.min(MPTCP_LIMIT_MAX, Math.max(2, layout.links().size())));
        List<List<String>> commands = new ArrayList<>();
        for (String ns : layout.namespaces()) {
            commands.add(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
            List<String> sysctl = new ArrayList<>(List.of("ip", "netns", "exec", ns, "sysctl", "-q", "-w",
                    "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"));
            layout.description().congestionControl()
                    .ifPresent(cc -> sysctl.add("net.ipv4.tcp_congestion_control=" + cc));
            commands.add(List.copyOf(sysctl));
            commands.add(List.of("ip", "-n", ns, "mptcp", "limits", "set",
                    "subflow", limit, "add_addr_accepted", limit));
        }
        return commands;
    }

    /** Addresses, per-source routing, shaping and the MPTCP endpoint of one link whose TUN devices exist. */
    public List<List<String>> linkSettings(LinkLayout link) {
        String cli = layout.clientNamespace();
        String srv = layout.serverNamespace();
        String table = Integer.toString(link.routingTable());
        List<List<String>> commands = new ArrayList<>();
        commands.addAll(device(cli, link.clientDevice(), link.clientAddress()));
        commands.addAll(device(srv, link.serverDevice(), link.serverAddress()));
        // Binding a source address alone does not choose the link: without this rule the SYN follows the main table.
        commands.add(List.of("ip", "-n", cli, "route", "add", "default", "dev", link.clientDevice(), "table", table));
        commands.add(List.of("ip", "-n", cli, "rule", "add", "from", link.clientAddress(), "table", table,
                "priority", Integer.toString(link.rulePriority())));
        commands.addAll(shaper(cli, link.clientDevice(), link.link().up()));
        commands.addAll(shaper(srv, link.serverDevice(), link.link().down()));
        commands.add(List.of("ip", "-n", cli, "mptcp", "endpoint", "add", link.clientAddress(),
                "dev", link.clientDevice(), "subflow"));
        return commands;
    }

    /** Connections that bind no source address leave by the first link. */
    public List<String> defaultRoute() {
        return List.of("ip", "-n", layout.clientNamespace(), "route", "add", "default",
                "dev", layout.links().get(0).clientDevice());
    }

    private static List<List<String>> device(String ns, String device, String address) {
        return List.of(
                List.of("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf." + device + ".disable_ipv6=1"),
                List.of("ip", "-n", ns, "addr", "add", address + "/" + LinkLayout.PREFIX_LENGTH, "dev", device),
                List.of("ip", "-n", ns, "link", "set", "dev", device, "up"));
    }

    /** htb on the sender's egress sets the rate; its bfifo child is the bottleneck queue. */
    static List<List<String>> shaper(String ns, String device, Pipe pipe) {
        String rate = pipe.rate().tc();
        return List.of(
                List.of("tc", "-n", ns, "qdisc", "replace", "dev", device, "root", "handle", "1:", "htb", "default", "10"),
                List.of("tc", "-n", ns, "class", "add", "dev", device, "parent", "1:", "classid", "1:10",
                        "htb", "rate", rate, "ceil", rate),
                List.of("tc", "-n", ns, "qdisc", "add", "dev", device, "parent", "1:10", "handle", "10:",
                        "bfifo", "limit", Long.toString(pipe.queueBytes())));
    }
}
