package org.socketintents.resolver.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.socketintents.api.net.InterfaceProperties;
import org.xbill.DNS.Name;

/**
 * The parts of resolv.conf(5) the resolver uses: the {@code nameserver} addresses (the fallback for interfaces
 * without a {@code dns} key) and the search list ({@code search}, or {@code domain}; the last such line wins).
 * Options such as ndots are configured on the resolver instead.
 *
 * @param servers the name servers, in file order
 * @param search  the search domains, absolute, in file order
 */
record ResolvConf(List<InetAddress> servers, List<Name> search) {

    private static final Logger LOG = System.getLogger(ResolvConf.class.getName());

    static final ResolvConf EMPTY = new ResolvConf(List.of(), List.of());

    ResolvConf {
        servers = List.copyOf(servers);
        search = List.copyOf(search);
    }

    /**
     * @param lines  the file's lines
     * @param origin the file, for the log
     * @return what they say; lines that do not parse are logged and left out
     */
    static ResolvConf parse(List<String> lines, String origin) {
        List<InetAddress> servers = new ArrayList<>();
        List<Name> search = List.of();
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#") || words[0].startsWith(";")) {
                continue;
            }
            try {
                switch (words[0]) {
                    case "nameserver":
                        if (words.length > 1) {
                            servers.addAll(InterfaceProperties.parseAddresses(words[1]));
                        }
                        break;
                    case "search":
                    case "domain":
                        search = domains(words);
                        break;
                    default:
                        break;
                }
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, origin + ": ignoring '" + line.strip() + "': " + e.getMessage());
            }
        }
        return new ResolvConf(servers, search);
    }

    private static List<Name> domains(String[] words) {
        List<Name> domains = new ArrayList<>();
        for (int i = 1; i < words.length && !words[i].startsWith("#") && !words[i].startsWith(";"); i++) {
            domains.add(HostName.domain(words[i]));
        }
        return domains;
    }
}
