package org.socketintents.siget.http;

import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Optional;

/**
 * The source address the OS picks for a destination: the local address of a UDP socket connected to it.
 * Connecting a UDP socket only looks the route up; nothing is sent.
 */
final class OsSourceAddress {

    private OsSourceAddress() {
    }

    /**
     * @param destination where a connection goes
     * @param port        its port
     * @return the OS's source for it; empty when the OS has no route there (the connect then reports why)
     */
    static Optional<InetAddress> of(InetAddress destination, int port) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(destination, port);
            InetAddress local = probe.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? Optional.empty() : Optional.of(local);
        } catch (SocketException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
