package org.socketintents.stats.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Times a blocking connect with a plain socket bound to the source address. Binding the address chooses the path
 * only where routing follows the source (per-source rules), as the MAM's own decisions assume.
 */
final class SocketConnectTimer implements ConnectTimer {

    @Override
    public long connectNanos(InetSocketAddress source, InetSocketAddress target, Duration timeout)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(source);
            long start = System.nanoTime();
            socket.connect(target, (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            return System.nanoTime() - start;
        }
    }
}
