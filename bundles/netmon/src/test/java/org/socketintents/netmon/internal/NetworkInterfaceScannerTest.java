package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The scanner against this machine's real interfaces. */
class NetworkInterfaceScannerTest {

    @Test
    void findsTheLoopbackInterfaceWithItsIpv4Prefix() throws SocketException {
        List<ScannedInterface> scan = new NetworkInterfaceScanner().scan();

        ScannedInterface loopback = scan.stream().filter(ScannedInterface::loopback).findFirst().orElseThrow();
        assertTrue(loopback.up());
        assertTrue(loopback.index() > 0);
        assertTrue(loopback.prefixes().contains(Scans.prefix("127.0.0.1/8")), loopback.toString());
    }

    @Test
    void reportsInterfacesInIndexOrder() throws SocketException {
        List<ScannedInterface> scan = new NetworkInterfaceScanner().scan();

        assertTrue(scan.stream().sorted(Comparator.comparingInt(ScannedInterface::index)).toList().equals(scan),
                scan.toString());
    }
}
