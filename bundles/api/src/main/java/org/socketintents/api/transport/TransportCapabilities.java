package org.socketintents.api.transport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the kernel offers beyond plain TCP, probed when asked (the answer can change: {@code net.mptcp.enabled} is a
 * per-namespace sysctl, and SCTP can be a module loaded later).
 *
 * @param mptcp       Multipath TCP ({@code socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)})
 * @param sctp        SCTP ({@code socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)})
 * @param kernelFacts sysctl names (e.g. {@code kernel.osrelease}, {@code net.mptcp.enabled}) and their values;
 *                    a sysctl the kernel does not have is absent; in the order given
 */
public record TransportCapabilities(ProtocolSupport mptcp, ProtocolSupport sctp, Map<String, String> kernelFacts) {

    public TransportCapabilities {
        Objects.requireNonNull(mptcp, "mptcp");
        Objects.requireNonNull(sctp, "sctp");
        kernelFacts = Collections.unmodifiableMap(new LinkedHashMap<>(kernelFacts));
    }
}
