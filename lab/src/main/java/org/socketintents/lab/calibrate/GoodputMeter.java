package org.socketintents.lab.calibrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.socketintents.lab.calibrate.RttProbe.Endpoint;
import org.socketintents.lab.os.NetNamespace;

/**
 * Goodput of one TCP flow: a sender in one namespace writes as fast as it can, a receiver in the other counts the
 * bytes. The count over the measuring window after a warm-up (slow start) gives the rate.
 */
public final class GoodputMeter {

    private static final int BUFFER = 64 * 1024;

    private final Duration warmup;
    private final Duration window;

    public GoodputMeter(Duration warmup, Duration window) {
        this.warmup = warmup;
        this.window = window;
    }

    /** @return application bytes received per second over the window, in bits per second */
    public double bitsPerSecond(Endpoint sender, Endpoint receiver) throws IOException, InterruptedException {
        AtomicLong received = new AtomicLong();
        try (ServerSocket listener = NetNamespace.call(receiver.namespace(),
                () -> new ServerSocket(0, 1, InetAddress.getByName(receiver.address())))) {
            Thread reader = new Thread(() -> receive(listener, received), "goodput-receiver");
            reader.setDaemon(true);
            reader.start();
            try (Socket socket = NetNamespace.call(sender.namespace(), () -> connect(sender, receiver,
                    listener.getLocalPort()))) {
                Thread writer = new Thread(() -> send(socket), "goodput-sender");
                writer.setDaemon(true);
                writer.start();
                Thread.sleep(warmup.toMillis());
                long bytesBefore = received.get();
                long start = System.nanoTime();
                Thread.sleep(window.toMillis());
                long bytes = received.get() - bytesBefore;
                long elapsed = System.nanoTime() - start;
                return bytes * 8 * 1e9 / elapsed;
            }
        }
    }

    private static Socket connect(Endpoint sender, Endpoint receiver, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(sender.address()), 0));
        socket.connect(new InetSocketAddress(InetAddress.getByName(receiver.address()), port), 5_000);
        return socket;
    }

    private static void send(Socket socket) {
        byte[] data = new byte[BUFFER];
        try (OutputStream out = socket.getOutputStream()) {
            while (true) {
                out.write(data);
            }
        } catch (IOException closed) {
            // The measurement closed the socket.
        }
    }

    private static void receive(ServerSocket listener, AtomicLong received) {
        byte[] buffer = new byte[BUFFER];
        try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.addAndGet(n);
            }
        } catch (IOException closed) {
            // The measurement closed the listener or the sender went away.
        }
    }
}
