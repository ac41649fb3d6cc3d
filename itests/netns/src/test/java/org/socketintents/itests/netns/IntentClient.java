package org.socketintents.itests.netns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.socketintents.api.Category;
import org.socketintents.api.Intent;
import org.socketintents.client.IntentSocket;
import org.socketintents.client.MamClient;

/**
 * Runs in the client namespace: an application using the client library. It connects to the
 * {@link PeerAddressServer} with a category intent and nothing else, and prints the {@link ConnectionReport},
 * then the decision it followed and the library's view of the MAM, for the log.
 *
 * <p>Arguments: category (a {@link Category} name), server address, port. The MAM's socket is found the
 * library's usual way (system property {@code socketintents.socket}).
 */
public final class IntentClient {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private IntentClient() {
    }

    public static void main(String[] args) throws IOException {
        Category category = Category.valueOf(args[0]);
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
        try (IntentSocket socket = new IntentSocket()) {
            socket.setOption(Intent.CATEGORY, category);
            socket.connect(server, CONNECT_TIMEOUT_MILLIS);
            System.out.println(ConnectionReport.of(socket).toLine());
            System.out.println("decision: " + socket.decision().map(Object::toString).orElse("none (OS default)"));
        }
        System.out.println("mam: " + MamClient.getDefault().status());
    }
}
