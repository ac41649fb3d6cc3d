package org.socketintents.lab.calibrate;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

import org.socketintents.lab.os.NetNamespace;

/**
 * Round-trip times of small UDP datagrams echoed by a socket in the other namespace, for machines without ping.
 * Both sockets live in this JVM; each is created inside its namespace.
 */
public final class UdpEchoProbe implements RttProbe {

    private static final long INTERVAL_NANOS = 10_000_000;
    private static final int TIMEOUT_MILLIS = 2_000;
    private static final int PAYLOAD = 56;

    @Override
    public String method() {
        return "udp-echo";
    }

    @Override
    public double[] rttMillis(Endpoint from, Endpoint to, int count) throws IOException {
        try (DatagramSocket echo = NetNamespace.call(to.namespace(),
                () -> new DatagramSocket(new InetSocketAddress(InetAddress.getByName(to.address()), 0)));
             DatagramSocket probe = NetNamespace.call(from.namespace(),
                () -> new DatagramSocket(new InetSocketAddress(InetAddress.getByName(from.address()), 0)))) {
            Thread echoer = new Thread(() -> echo(echo), "udp-echo");
            echoer.setDaemon(true);
            echoer.start();
            probe.setSoTimeout(TIMEOUT_MILLIS);
            InetSocketAddress target = new InetSocketAddress(InetAddress.getByName(to.address()), echo.getLocalPort());
            double[] rtts = new double[count];
            int answered = 0;
            byte[] out = new byte[PAYLOAD];
            byte[] in = new byte[PAYLOAD];
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                probe.send(new DatagramPacket(out, out.length, target));
                try {
                    probe.receive(new DatagramPacket(in, in.length));
                    rtts[answered++] = (System.nanoTime() - sent) / 1e6;
                } catch (SocketTimeoutException e) {
                    // A lost probe: counted by its absence.
                }
                LockSupport.parkNanos(Math.max(0, sent + INTERVAL_NANOS - System.nanoTime()));
            }
            if (answered == 0) {
                throw new IOException("no UDP echo came back from " + to.address());
            }
            return Arrays.copyOf(rtts, answered);
        }
    }

    private static void echo(DatagramSocket socket) {
        byte[] buffer = new byte[PAYLOAD];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                packet.setLength(buffer.length);
                socket.receive(packet);
                socket.send(packet);
            }
        } catch (IOException closedOrFailed) {
            // Closed when the probe is over; a failure before that shows as missing echoes.
        }
    }
}
