package org.socketintents.netmon.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.socketintents.api.net.InterfacePrefix;

/** Synthetic scans: interfaces written the way {@code ip -br addr} shows them. */
final class Scans {

    private Scans() {
    }

    /** @return a non-loopback interface, e.g. {@code link("eth0", 2, true, "192.0.2.2/24")} */
    static ScannedInterface link(String name, int index, boolean up, String... prefixes) {
        return new ScannedInterface(name, index, up, false, prefixes(prefixes));
    }

    /** @return the loopback interface as Linux has it */
    static ScannedInterface loopback() {
        return new ScannedInterface("lo", 1, true, true, prefixes("127.0.0.1/8", "::1/128"));
    }

    /** @return e.g. {@code 192.0.2.2/24}, from an IP literal (no name lookup) */
    static InterfacePrefix prefix(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            return new InterfacePrefix(InetAddress.getByName(cidr.substring(0, slash)),
                    Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    private static List<InterfacePrefix> prefixes(String... cidrs) {
        List<InterfacePrefix> prefixes = new ArrayList<>();
        for (String cidr : cidrs) {
            prefixes.add(prefix(cidr));
        }
        return prefixes;
    }
}
