package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Loopback fixtures: JDK listeners, a port nobody listens on, a round trip, option read-back. */
final class Loopback {

    static final InetAddress V4 = address(127, 0, 0, 1);
    static final InetAddress V4_SECOND = address(127, 0, 0, 2);

    private static final int ACCEPT_TIMEOUT_MILLIS = 10_000;

    private Loopback() {
    }

    /** @return a plain TCP listener on 127.0.0.1 whose accept gives up after 10 s */
    static ServerSocket listener() throws IOException {
        return listener(V4);
    }

    static ServerSocket listener(InetAddress host) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, host);
        server.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
        return server;
    }

    static InetSocketAddress addressOf(ServerSocket server) {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * @return an address on 127.0.0.1 where nothing listens: a free port below the ephemeral range, so that no
     *         connecting socket can pick it as its own port and connect to itself
     */
    static InetSocketAddress unused() throws IOException {
        String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).strip();
        for (int port = Integer.parseInt(range.split("\\s+")[0]) - 1; port > 1024; port--) {
            try (ServerSocket probe = new ServerSocket(port, 1, V4)) {
                return addressOf(probe);
            } catch (BindException taken) {
                // Someone else's port: try the next one.
            }
        }
        throw new IOException("no free port below the ephemeral range " + range);
    }

    /** {@code client} sends {@code size} random bytes, {@code server} echoes them, the client checks them. */
    static void roundTrip(Socket client, Socket server, int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        client.getOutputStream().write(data);
        byte[] received = readFully(server.getInputStream(), size);
        server.getOutputStream().write(received);
        assertArrayEquals(data, readFully(client.getInputStream(), size));
    }

    static int intOption(int descriptor, int level, int name) {
        byte[] value = new byte[Integer.BYTES];
        int[] length = {value.length};
        LibC.getsockopt(descriptor, level, name, value, length);
        return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getInt();
    }

    static String device(int descriptor) {
        byte[] name = new byte[16];
        int[] length = {name.length};
        LibC.getsockopt(descriptor, LibC.SOL_SOCKET, LibC.SO_BINDTODEVICE, name, length);
        return new String(name, 0, Math.max(0, length[0] - 1), StandardCharsets.US_ASCII);
    }

    private static byte[] readFully(InputStream in, int size) throws IOException {
        byte[] data = in.readNBytes(size);
        if (data.length != size) {
            throw new IOException("the stream ended after " + data.length + " of " + size + " bytes");
        }
        return data;
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
