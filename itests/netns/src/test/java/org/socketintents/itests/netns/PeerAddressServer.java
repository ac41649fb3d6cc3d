package org.socketintents.itests.netns;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Runs in the server namespace: answers every connection with the address it came from, one line, and closes
 * it. That address is the evidence of which link the client used. Prints {@value #READY} once it listens.
 *
 * <p>Arguments: listen address, port.
 */
public final class PeerAddressServer {

    static final String READY = "READY";

    private PeerAddressServer() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1]));
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(endpoint);
            System.out.println(READY);
            while (true) {
                try (Socket connection = listener.accept()) {
                    InetAddress peer = ((InetSocketAddress) connection.getRemoteSocketAddress()).getAddress();
                    System.out.println("connection from " + peer.getHostAddress());
                    PrintStream out = new PrintStream(connection.getOutputStream(), true, StandardCharsets.UTF_8);
                    out.println(peer.getHostAddress());
                }
            }
        }
    }
}
