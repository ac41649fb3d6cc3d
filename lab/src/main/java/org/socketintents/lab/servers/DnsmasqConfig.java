package org.socketintents.lab.servers;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.socketintents.lab.topology.Layout;
import org.socketintents.lab.topology.LinkLayout;

/**
 * dnsmasq as the lab's DNS: listens on every server-side link address and answers each host name with the address
 * of the link the query came in on (localise-queries over a hosts file that lists the name once per link), so that
 * resolving over a link yields a destination on that link.
 */
public record DnsmasqConfig(Layout layout, Path logs, Path run) {

    public Path hostsFile() {
        return run.resolve("lab.hosts");
    }

    public String hosts() {
        StringBuilder out = new StringBuilder();
        for (LinkLayout link : layout.links()) {
            for (String host : layout.description().hosts()) {
                out.append(link.serverAddress()).append(' ').append(host).append('\n');
            }
        }
        return out.toString();
    }

    public String render() {
        String listens = layout.links().stream().map(l -> "listen-address=" + l.serverAddress() + "\n")
                .collect(Collectors.joining());
        // Answered here and nowhere else: AAAA and other types get an empty answer rather than REFUSED.
        String local = layout.description().hosts().stream().map(h -> "local=/" + h + "/\n")
                .collect(Collectors.joining());
        return "port=53\n"
                + "no-resolv\n"
                + "no-hosts\n"
                + "bind-interfaces\n"
                + listens
                + local
                + "localise-queries\n"
                + "addn-hosts=" + hostsFile() + "\n"
                + "log-queries\n"
                + "log-facility=" + logs.resolve("dnsmasq.log") + "\n"
                + "pid-file=\n";
    }
}
