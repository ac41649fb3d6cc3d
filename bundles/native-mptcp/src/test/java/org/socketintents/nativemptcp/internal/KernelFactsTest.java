package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelFactsTest {

    @Test
    void readsThePresentSysctlsAndLeavesOutTheOthers(@TempDir Path procSys) throws Exception {
        Files.createDirectories(procSys.resolve("kernel"));
        Files.writeString(procSys.resolve("kernel/osrelease"), "4.19.0-test\n");
        Files.createDirectories(procSys.resolve("net/ipv4"));
        Files.writeString(procSys.resolve("net/ipv4/tcp_congestion_control"), "cubic\n");

        assertEquals(Map.of("kernel.osrelease", "4.19.0-test", "net.ipv4.tcp_congestion_control", "cubic"),
                new KernelFacts(procSys).read());
    }
}
