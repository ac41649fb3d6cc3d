package org.socketintents.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Addresses of the loopback network: Linux answers for all of 127.0.0.0/8 on lo, so each is a "source". */
final class Loopback {

    static final InetAddress ONE = address("127.0.0.1");
    static final InetAddress TWO = address("127.0.0.2");
    static final InetAddress THREE = address("127.0.0.3");
    /** TEST-NET-1: assigned to no interface here, so binding it fails like a source address that vanished. */
    static final InetAddress ABSENT = address("192.0.2.1");

    private Loopback() {
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A listening socket; connections complete in its backlog, so a test can connect first and accept after. */
    static ServerSocket listen(InetAddress address, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(address, port), 50);
        server.setSoTimeout(10_000);
        return server;
    }
}
