package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.socketintents.resolver.internal.TestSetup.address;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcNetRoutesTest {

    private static final String HEADER = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow"
            + "\tIRTT";

    @TempDir
    Path dir;

    /** Formats an IPv4 address the way the kernel prints it: the network-order word read in host order. */
    private static String kernelHex(String literal) {
        int value = ByteBuffer.wrap(address(literal).getAddress()).order(ByteOrder.nativeOrder()).getInt();
        return String.format("%08X", value);
    }

    private static String ipv4(String iface, String destination, String mask, String flags) {
        return String.join("\t", iface, kernelHex(destination), kernelHex("198.18.1.1"), flags, "0", "0", "100",
                kernelHex(mask), "0", "0", "0");
    }

    @Test
    void ipv4RoutesThatAreUpAreRead() {
        List<Route> routes = ProcNetRoutes.parseIpv4(List.of(HEADER,
                ipv4("c1", "0.0.0.0", "0.0.0.0", "0003"),
                ipv4("c1", "198.18.1.0", "255.255.255.0", "0001"),
                ipv4("c2", "10.0.0.0", "255.0.0.0", "0000"),
                ipv4("c2", "10.1.0.0", "255.255.0.0", "0201"),
                "c3\tnot-hex\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0",
                "short line"));

        assertEquals(List.of(new Route(address("0.0.0.0"), 0, "c1"), new Route(address("198.18.1.0"), 24, "c1")),
                routes);
    }

    @Test
    void ipv6RoutesThatAreUpAreRead() {
        List<Route> routes = ProcNetRoutes.parseIpv6(List.of(
                "20010db8000000000000000000000000 20 00000000000000000000000000000000 00"
                        + " 00000000000000000000000000000000 00000100 00000001 00000000 00000001     c1",
                "00000000000000000000000000000000 00 00000000000000000000000000000000 00"
                        + " fe800000000000000000000000000001 00000400 00000001 00000000 00000003     c2",
                "00000000000000000000000000000000 00 00000000000000000000000000000000 00"
                        + " 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo",
                "20010db8000000000000000000000000 99 00000000000000000000000000000000 00"
                        + " 00000000000000000000000000000000 00000100 00000001 00000000 00000001     c3"));

        assertEquals(List.of(new Route(address("2001:db8::"), 32, "c1"), new Route(address("::"), 0, "c2")), routes);
    }

    @Test
    void missingFilesMeanNoRoutes() throws IOException {
        Path ipv4 = Files.writeString(dir.resolve("route"), HEADER + "\n" + ipv4("c1", "0.0.0.0", "0.0.0.0", "0003"));

        assertEquals(List.of(new Route(address("0.0.0.0"), 0, "c1")),
                new ProcNetRoutes(ipv4, dir.resolve("ipv6_route")).routes());
    }
}
