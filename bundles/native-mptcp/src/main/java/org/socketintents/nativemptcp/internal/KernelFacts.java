package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the sysctls that explain what the kernel offers the transports. They are read in the caller's network
 * namespace (the net.* ones are per namespace).
 */
final class KernelFacts {

    private static final List<String> SYSCTLS = List.of("kernel.osrelease", "net.mptcp.enabled", "net.mptcp.path_manager",
            "net.mptcp.scheduler", "net.mptcp.checksum_enabled", "net.ipv4.tcp_congestion_control");

    private final Path procSys;

    /** @param procSys the sysctl tree, {@code /proc/sys} on a real host */
    KernelFacts(Path procSys) {
        this.procSys = procSys;
    }

    /** @return each of {@link #SYSCTLS} the kernel has, with its value, in that order */
    Map<String, String> read() {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String name : SYSCTLS) {
            Path file = procSys.resolve(name.replace('.', '/'));
            // Not Files.readString: it trusts the size procfs reports and can return a truncated value.
            try (InputStream in = Files.newInputStream(file)) {
                facts.put(name, new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
            } catch (IOException absent) {
                // A sysctl the kernel does not have (older kernel, protocol not built): left out, as documented.
            }
        }
        return facts;
    }
}
