package org.socketintents.benchmarks.support;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A loopback TCP server that accepts every connection and closes it a while later: the far end of connect
 * benchmarks. It holds the last few hundred connections rather than closing each at once, because a reset that
 * reaches the client before its connect has returned fails that connect.
 */
public final class LoopbackAcceptor implements Closeable {

    private static final int BACKLOG = 4096;
    private static final int HELD = 256;

    private final ServerSocket server;

    private LoopbackAcceptor(ServerSocket server) {
        this.server = server;
    }

    /** @return a running acceptor on an ephemeral port of 127.0.0.1 */
    public static LoopbackAcceptor start() throws IOException {
        ServerSocket server = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
        LoopbackAcceptor acceptor = new LoopbackAcceptor(server);
        Thread thread = new Thread(acceptor::accept, "loopback-acceptor");
        thread.setDaemon(true);
        thread.start();
        return acceptor;
    }

    /** @return where to connect */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void accept() {
        Deque<Socket> held = new ArrayDeque<>(HELD);
        try {
            while (!server.isClosed()) {
                Socket accepted = server.accept();
                held.addLast(accepted);
                if (held.size() > HELD) {
                    reset(held.removeFirst());
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            held.forEach(LoopbackAcceptor::reset);
        }
    }

    /** Closes without TIME_WAIT, so that hundreds of thousands of connects do not run out of ports. */
    private static void reset(Socket socket) {
        try (socket) {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // the client has reset it already
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
