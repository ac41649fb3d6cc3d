package org.socketintents.siget.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

import org.socketintents.api.policy.Decision;

/** The address to bind for a decision: its source address, or an address of the interface it names. */
final class SourceAddress {

    private SourceAddress() {
    }

    /**
     * @param decision    the policy's decision
     * @param destination the address the connection goes to; the source must be of its family
     * @return the address to bind; empty when the decision leaves the source to the OS
     */
    static Optional<InetAddress> of(Decision decision, InetAddress destination) {
        boolean ipv4 = destination instanceof Inet4Address;
        if (decision.sourceAddress().isPresent()) {
            return decision.sourceAddress().filter(source -> (source instanceof Inet4Address) == ipv4);
        }
        if (decision.sourceInterface().isEmpty()) {
            return Optional.empty();
        }
        try {
            NetworkInterface nic = NetworkInterface.getByName(decision.sourceInterface().get());
            return nic == null ? Optional.empty() : nic.inetAddresses()
                    .filter(address -> (address instanceof Inet4Address) == ipv4 && !address.isLinkLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
