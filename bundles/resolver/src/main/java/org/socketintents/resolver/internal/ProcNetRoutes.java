package org.socketintents.resolver.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the routes of the kernel's main table from {@code /proc/net/route} (IPv4) and {@code /proc/net/ipv6_route}
 * (IPv6); in a network namespace these show that namespace's routes. Routes that are down or reject traffic are
 * left out. Policy-routing tables other than main are not visible here.
 */
final class ProcNetRoutes implements RouteTable {

    private static final Logger LOG = System.getLogger(ProcNetRoutes.class.getName());
    private static final int RTF_UP = 0x0001;
    private static final int RTF_REJECT = 0x0200;

    private final Path ipv4;
    private final Path ipv6;

    ProcNetRoutes() {
        this(Path.of("/proc/net/route"), Path.of("/proc/net/ipv6_route"));
    }

    ProcNetRoutes(Path ipv4, Path ipv6) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    @Override
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>(parseIpv4(lines(ipv4)));
        routes.addAll(parseIpv6(lines(ipv6)));
        return routes;
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // No IPv6 (or no /proc, outside Linux): no routes of that family.
            LOG.log(Level.DEBUG, () -> "no routes from " + path + ": " + e);
            return List.of();
        }
    }

    /**
     * @param lines {@code /proc/net/route}: a header, then Iface, Destination, Gateway, Flags, RefCnt, Use, Metric,
     *              Mask, ... with addresses as the hexadecimal value of the 32-bit word in host byte order
     * @return the routes that are up
     */
    static List<Route> parseIpv4(List<String> lines) {
        List<Route> routes = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            try {
                if (fields.length >= 8 && usable(Integer.parseUnsignedInt(fields[3], 16))) {
                    int mask = ByteBuffer.wrap(network(fields[7])).getInt();
                    routes.add(new Route(address(network(fields[1])), Integer.bitCount(mask), fields[0]));
                }
            } catch (IllegalArgumentException e) {
                skipped(line);
            }
        }
        return routes;
    }

    /**
     * @param lines {@code /proc/net/ipv6_route}: destination, its prefix length, source, its prefix length, next
     *              hop, metric, reference count, use, flags, interface; numbers in hexadecimal
     * @return the routes that are up
     */
    static List<Route> parseIpv6(List<String> lines) {
        List<Route> routes = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            try {
                if (fields.length >= 10 && fields[0].length() == 32
                        && usable(Integer.parseUnsignedInt(fields[8], 16))) {
                    routes.add(new Route(address(hex(fields[0])), Integer.parseInt(fields[1], 16), fields[9]));
                }
            } catch (IllegalArgumentException e) {
                skipped(line);
            }
        }
        return routes;
    }

    private static boolean usable(int flags) {
        return (flags & RTF_UP) != 0 && (flags & RTF_REJECT) == 0;
    }

    /** A line in an unknown format (or with an impossible prefix length) costs that route only, not the table. */
    private static void skipped(String line) {
        LOG.log(Level.DEBUG, () -> "unexpected route line skipped: " + line);
    }

    /** The kernel prints the network-order word as a host-order integer: undo that. */
    private static byte[] network(String hostOrderHex) {
        int value = Integer.parseUnsignedInt(hostOrderHex, 16);
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }

    private static byte[] hex(String digits) {
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }
}
