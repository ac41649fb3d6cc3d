package org.socketintents.itests.netns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Runs in the client namespace: a plain {@link Socket}, bound to a source address or not, connects to the
 * {@link PeerAddressServer} and prints the {@link ConnectionReport}. It checks the lab itself: that the source
 * address alone chooses the link, which is what the client library relies on.
 *
 * <p>Arguments: server address, port, and optionally the source address to bind.
 */
public final class BoundSocketClient {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private BoundSocketClient() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1]));
        try (Socket socket = new Socket()) {
            if (args.length > 2) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(args[2]), 0));
            }
            socket.connect(server, CONNECT_TIMEOUT_MILLIS);
            System.out.println(ConnectionReport.of(socket).toLine());
        }
    }
}
