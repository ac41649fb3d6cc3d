package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.transport.TransportCapabilities;

/** What this kernel offers: MPTCP built in and enabled, no SCTP. */
class CapabilitiesTest {

    private final NativeSocketService service = new NativeSocketService();

    @BeforeEach
    void activate() {
        service.activate();
    }

    @Test
    void mptcpIsAvailableWithTheEvidence() {
        TransportCapabilities capabilities = service.capabilities();
        assertTrue(capabilities.mptcp().available());
        assertEquals("socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP) succeeds", capabilities.mptcp().reason());
    }

    @Test
    void sctpIsReportedAbsentWithTheReason() {
        TransportCapabilities capabilities = service.capabilities();
        assertFalse(capabilities.sctp().available());
        assertEquals("the kernel has no SCTP (not built in, or its module cannot be loaded): "
                + "socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP): Protocol not supported (EPROTONOSUPPORT)",
                capabilities.sctp().reason());
    }

    @Test
    void theKernelFactsAreTheSysctls() throws Exception {
        TransportCapabilities capabilities = service.capabilities();
        assertEquals("1", capabilities.kernelFacts().get("net.mptcp.enabled"));
        assertEquals(Files.readAllLines(Path.of("/proc/sys/kernel/osrelease")).get(0),
                capabilities.kernelFacts().get("kernel.osrelease"));
    }

    @Test
    void settingAnSctpPrimaryPathSaysSctpIsMissing() throws Exception {
        InetSocketAddress primary = new InetSocketAddress(Loopback.V4, 5000);
        SocketException e = assertThrows(SocketException.class, () -> service.setSctpPrimaryPath(0, primary));
        assertEquals("cannot set the SCTP primary path to 127.0.0.1:5000: SCTP is not available on this kernel: "
                + service.capabilities().sctp().reason(), e.getMessage());
    }
}
