package org.socketintents.lab.testbed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.os.NetNamespace;
import org.socketintents.lab.os.TcpConnection;
import org.socketintents.lab.os.TcpConnections;
import org.socketintents.lab.topology.Layout;
import org.socketintents.lab.topology.LinkLayout;

/**
 * Finds out which congestion control TCP really runs on each link of a built lab: one connection per link, from
 * the client's address to a listener on the server's, and the algorithm of both ends as ss reports it. The lab
 * states what this finds, not what it configured, so that a substitution cannot pass unnoticed.
 */
final class CongestionControlProbe {

    private static final int TIMEOUT_MILLIS = 10_000;

    private CongestionControlProbe() {
    }

    static List<LinkCongestionControl> probe(Layout layout, CommandRunner shell) throws IOException {
        List<LinkCongestionControl> links = new ArrayList<>();
        for (LinkLayout link : layout.links()) {
            links.add(probe(layout, link, shell));
        }
        return links;
    }

    private static LinkCongestionControl probe(Layout layout, LinkLayout link, CommandRunner shell)
            throws IOException {
        try (ServerSocket listener = NetNamespace.call(layout.serverNamespace(),
                () -> listener(link.serverAddress()))) {
            listener.setSoTimeout(TIMEOUT_MILLIS);
            InetSocketAddress server = (InetSocketAddress) listener.getLocalSocketAddress();
            try (Socket client = NetNamespace.call(layout.clientNamespace(),
                    () -> connect(link.clientAddress(), server));
                    Socket accepted = listener.accept()) {
                String clientEnd = link.clientAddress() + ":" + client.getLocalPort();
                String serverEnd = link.serverAddress() + ":" + server.getPort();
                LinkCongestionControl found = new LinkCongestionControl(link.link().name(),
                        algorithm(shell, layout.clientNamespace(), clientEnd, serverEnd),
                        algorithm(shell, layout.serverNamespace(), serverEnd, clientEnd));
                reset(client, accepted);
                return found;
            }
        }
    }

    /**
     * Ends the connection with a reset from the client and returns once the server has it: unlike a closing
     * handshake, whose last ACK is always still in flight, this leaves no packet of the probe on the link.
     */
    private static void reset(Socket client, Socket accepted) throws IOException {
        client.setSoLinger(true, 0);
        client.close();
        accepted.setSoTimeout(TIMEOUT_MILLIS);
        try {
            accepted.getInputStream().read();
        } catch (SocketTimeoutException e) {
            throw new IOException("the reset of the congestion control probe did not arrive within "
                    + TIMEOUT_MILLIS + " ms", e);
        } catch (SocketException reset) {
            // what the server sees once the reset has arrived
        }
    }

    private static ServerSocket listener(String address) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(address, 0));
            return listener;
        } catch (IOException e) {
            listener.close();
            throw e;
        }
    }

    private static Socket connect(String source, InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(server, TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static String algorithm(CommandRunner shell, String namespace, String local, String peer)
            throws IOException {
        return TcpConnections.of(shell, namespace).stream()
                .filter(c -> c.local().equals(local) && c.peer().equals(peer))
                .map(TcpConnection::congestionControl).findFirst()
                .orElseThrow(() -> new IOException("ss in " + namespace + " does not show the connection " + local
                        + " -> " + peer));
    }
}
