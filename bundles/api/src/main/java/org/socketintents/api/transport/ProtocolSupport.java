package org.socketintents.api.transport;

import java.util.Objects;

/**
 * Whether the kernel offers a transport protocol, and why (or why not), as an operator should read it.
 *
 * @param available whether sockets of the protocol can be created in the current network namespace
 * @param reason    one line: the evidence, e.g. which system call failed with which error
 */
public record ProtocolSupport(boolean available, String reason) {

    public ProtocolSupport {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return (available ? "available: " : "unavailable: ") + reason;
    }
}
