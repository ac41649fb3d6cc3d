package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.file.Path;

import org.HdrHistogram.Histogram;
import org.socketintents.benchmarks.support.LoopbackAcceptor;
import org.socketintents.benchmarks.support.TypicalExchange;
import org.socketintents.client.IntentSocket;
import org.socketintents.client.MamClient;
import org.socketintents.client.MamClientConfig;
import org.socketintents.client.MamStatus;

/**
 * Loopback TCP connects, each to a server that accepts and closes at once. Sockets close with a reset, so that
 * hundreds of thousands of connects do not run out of ports in TIME_WAIT.
 */
final class ConnectLatencies {

    /**
     * Plain and intent-aware connects, alternated so that both meet the same machine.
     *
     * @param plain            {@code new Socket()} + connect
     * @param intent           {@code new IntentSocket(intents, mam)} + connect, the MAM's advice followed
     * @param withoutDecision  intent-aware connects the MAM gave no decision for (fell back to the OS default)
     */
    record Comparison(Histogram plain, Histogram intent, long withoutDecision) {
    }

    private ConnectLatencies() {
    }

    /** @return the latency of connect and close of plain sockets: the floor under any connect */
    static Histogram connectAndClose(int count, int warmup) throws IOException {
        Histogram latencies = Statistics.newHistogram();
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start()) {
            InetSocketAddress target = acceptor.address();
            for (int i = 0; i < warmup + count; i++) {
                Socket socket = new Socket();
                socket.setOption(StandardSocketOptions.SO_LINGER, 0);
                long before = System.nanoTime();
                socket.connect(target);
                socket.close();
                long took = System.nanoTime() - before;
                if (i >= warmup) {
                    latencies.recordValue(took);
                }
            }
        }
        return latencies;
    }

    /** @param mamSocket the running MAM's socket */
    static Comparison compare(Path mamSocket, int count, int warmup) throws IOException {
        Histogram plain = Statistics.newHistogram();
        Histogram intent = Statistics.newHistogram();
        long withoutDecision = 0;
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start();
             MamClient mam = MamClient.create(MamClientConfig.builder().socketPath(mamSocket).build())) {
            InetSocketAddress target = acceptor.address();
            for (int i = 0; i < warmup + count; i++) {
                boolean recorded = i >= warmup;
                Timed<Socket> plainConnect = connect(Socket::new, target);
                Timed<IntentSocket> intentConnect = connect(() -> new IntentSocket(TypicalExchange.INTENTS, mam), target);
                if (recorded) {
                    plain.recordValue(plainConnect.nanos());
                    intent.recordValue(intentConnect.nanos());
                    withoutDecision += intentConnect.socket().decision().isPresent() ? 0 : 1;
                }
            }
            MamStatus status = mam.status();
            if (status.answered() == 0) {
                throw new IOException("the MAM answered none of the intent-aware connects: " + status);
            }
        }
        return new Comparison(plain, intent, withoutDecision);
    }

    /** Makes the socket an application would make. */
    @FunctionalInterface
    private interface SocketFactory<S extends Socket> {
        S create() throws IOException;
    }

    /** A socket and how long creating and connecting it took. */
    private record Timed<S extends Socket>(S socket, long nanos) {
    }

    /** Creates and connects a socket, timed as the application sees it; closes it afterwards, untimed. */
    private static <S extends Socket> Timed<S> connect(SocketFactory<S> factory, InetSocketAddress target)
            throws IOException {
        long before = System.nanoTime();
        S socket = factory.create();
        try (socket) {
            socket.connect(target);
            long took = System.nanoTime() - before;
            socket.setOption(StandardSocketOptions.SO_LINGER, 0);
            return new Timed<>(socket, took);
        }
    }
}
