package org.socketintents.client.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

import org.socketintents.api.policy.Decision;

/** Turns a decision's choice of source into an address to bind. */
final class SourceAddresses {

    private SourceAddresses() {
    }

    /**
     * @param decision    the decision
     * @param destination the address the socket will connect to
     * @return the decision's source address; else, when it names only an interface, that interface's first
     *         address of the destination's family (IPv6 link-local ones excepted: they reach only the link);
     *         else empty
     */
    static Optional<InetAddress> choose(Decision decision, InetAddress destination) {
        if (decision.sourceAddress().isPresent()) {
            return decision.sourceAddress();
        }
        if (decision.sourceInterface().isEmpty()) {
            return Optional.empty();
        }
        NetworkInterface nic;
        try {
            nic = NetworkInterface.getByName(decision.sourceInterface().get());
        } catch (SocketException e) {
            return Optional.empty();
        }
        if (nic == null) {
            return Optional.empty();
        }
        boolean ipv4 = destination instanceof Inet4Address;
        return nic.inetAddresses()
                .filter(a -> (a instanceof Inet4Address) == ipv4 && !a.isLinkLocalAddress())
                .findFirst();
    }
}
