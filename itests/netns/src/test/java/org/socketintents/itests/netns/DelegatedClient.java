package org.socketintents.itests.netns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.client.DelegatedConnection;
import org.socketintents.client.IntentConnections;

/**
 * Runs in the client namespace: an application that has the MAM open its connection ({@link IntentConnections},
 * the protocol's SOCKETCONNECT) to the {@link PeerAddressServer} with a category intent, and prints the
 * {@link ConnectionReport}, then the decision the MAM followed. It fails when the library had to connect itself:
 * the test is about the MAM's part.
 *
 * <p>Arguments: category (a {@link Category} name), server address, port. The MAM's socket is found the
 * library's usual way (system property {@code socketintents.socket}).
 */
public final class DelegatedClient {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private DelegatedClient() {
    }

    public static void main(String[] args) throws IOException {
        Intents intents = Intents.builder().category(Category.valueOf(args[0])).build();
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
        try (Socket socket = IntentConnections.socket(server, intents, CONNECT_TIMEOUT_MILLIS)) {
            if (!(socket instanceof DelegatedConnection delegated)) {
                throw new IllegalStateException("the library connected itself: the MAM did not make the connection");
            }
            System.out.println(ConnectionReport.of(socket).toLine());
            System.out.println("decision: " + delegated.decision() + " over " + delegated.transport());
        }
    }
}
