package org.socketintents.lab.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * The ip, tc and sysctl command lines that build a lab around its TUN devices. Pure: it only spells the commands,
 * {@code Testbed} runs them. The TUN devices themselves are created by the delay line, directly inside the
 * namespaces, between {@link #namespaceSettings()} and {@link #linkSettings(LinkLayout)}.
 *
 * <p>The described congestion control is a metric ({@code congctl}) of every route a link's traffic takes, on both
 * ends: TCP takes it from the route of each connection, active or passive. The namespace-wide default
 * (net.ipv4.tcp_congestion_control) would not do: outside the root namespace Linux accepts only the algorithms the
 * root allows (net.ipv4.tcp_allowed_congestion_control, a host-wide setting the lab leaves alone), while a route's
 * algorithm only has to be available in the kernel.
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

    /** Loopback, IPv6 off (no stray router solicitations on the links), MPTCP limits. */
    public List<List<String>> namespaceSettings() {
        String limit = Integer.toString(Math.min(MPTCP_LIMIT_MAX, Math.max(2, layout.links().size())));
        List<List<String>> commands = new ArrayList<>();
        for (String ns : layout.namespaces()) {
            commands.add(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
            commands.add(List.of("ip", "netns", "exec", ns, "sysctl", "-q", "-w",
                    "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"));
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
        layout.description().congestionControl().ifPresent(cc -> {
            commands.add(subnetRoute(cli, link.clientDevice(), link.subnet(), link.clientAddress(), cc));
            commands.add(subnetRoute(srv, link.serverDevice(), link.subnet(), link.serverAddress(), cc));
        });
        // Binding a source address alone does not choose the link: without this rule the SYN follows the main table.
        commands.add(route(List.of("ip", "-n", cli, "route", "add", "default", "dev", link.clientDevice(),
                "table", table)));
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
        return route(List.of("ip", "-n", layout.clientNamespace(), "route", "add", "default",
                "dev", layout.links().get(0).clientDevice()));
    }

    /** A route command with the described congestion control, if any. */
    private List<String> route(List<String> command) {
        List<String> full = new ArrayList<>(command);
        layout.description().congestionControl().ifPresent(cc -> full.addAll(List.of("congctl", cc)));
        return List.copyOf(full);
    }

    /** The link's subnet route as the kernel adds it with the address, with a congestion control. */
    private static List<String> subnetRoute(String ns, String device, String subnet, String source, String cc) {
        return List.of("ip", "-n", ns, "route", "replace", subnet, "dev", device, "proto", "kernel", "scope", "link",
                "src", source, "congctl", cc);
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
