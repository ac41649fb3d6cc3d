package org.socketintents.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.socketintents.benchmarks.support.CannedReplyServer;
import org.socketintents.benchmarks.support.LoopbackAcceptor;
import org.socketintents.benchmarks.support.TypicalExchange;
import org.socketintents.client.IntentSocket;
import org.socketintents.client.MamClient;
import org.socketintents.client.MamClientConfig;
import org.socketintents.protocol.MamSocketPath;

/**
 * The client library's cost per connect, apart from the MAM: a plain loopback connect, an {@link IntentSocket}
 * whose MAM is absent (the library backs off and connects the OS way), one whose MAM is a stand-in that
 * answers at once with a canned decision (the library's full advisory path, minus the MAM's own work), and one
 * whose stand-in allows that decision to be reused, with its epoch published beside its socket (the library asks
 * once, then applies the kept decision: the common case of repeated connects to one service).
 * Sockets close with a reset so that a run does not run out of ports in TIME_WAIT.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientConnectBenchmark {

    private Path directory;
    private LoopbackAcceptor acceptor;
    private CannedReplyServer stubMam;
    private MamClient answering;
    private CannedReplyServer reusingMam;
    private MamClient reusing;
    private MamClient absent;
    private InetSocketAddress target;

    @Setup
    public void start() throws IOException {
        directory = Files.createTempDirectory("si-jmh");
        acceptor = LoopbackAcceptor.start();
        target = acceptor.address();
        stubMam = CannedReplyServer.start(directory.resolve("mam.sock"),
                TypicalExchange.frame(TypicalExchange.loopbackReply(0)));
        answering = MamClient.create(MamClientConfig.builder().socketPath(stubMam.path()).build());
        long epoch = 42;
        reusingMam = CannedReplyServer.start(directory.resolve("reusing.sock"),
                TypicalExchange.frame(TypicalExchange.reusableLoopbackReply(0, epoch)));
        Files.write(MamSocketPath.epochFile(reusingMam.path()), ByteBuffer.allocate(Long.BYTES).putLong(epoch).array());
        reusing = MamClient.create(MamClientConfig.builder().socketPath(reusingMam.path()).build());
        absent = MamClient.create(MamClientConfig.builder().socketPath(directory.resolve("absent.sock"))
                .backoff(Duration.ofDays(1)).build());
    }

    @TearDown
    public void stop() throws IOException {
        answering.close();
        absent.close();
        reusing.close();
        stubMam.close();
        reusingMam.close();
        Files.deleteIfExists(MamSocketPath.epochFile(reusingMam.path()));
        acceptor.close();
        Files.deleteIfExists(directory);
    }

    @Benchmark
    public int plainConnect() throws IOException {
        return connectAndReset(new Socket());
    }

    @Benchmark
    public int intentConnectMamAbsent() throws IOException {
        return connectAndReset(new IntentSocket(TypicalExchange.INTENTS, absent));
    }

    @Benchmark
    public int intentConnectStubMam() throws IOException {
        return connectAndReset(new IntentSocket(TypicalExchange.INTENTS, answering));
    }

    @Benchmark
    public int intentConnectReusedDecision() throws IOException {
        return connectAndReset(new IntentSocket(TypicalExchange.INTENTS, reusing));
    }

    private int connectAndReset(Socket socket) throws IOException {
        try (socket) {
            socket.connect(target);
            socket.setOption(StandardSocketOptions.SO_LINGER, 0);
            return socket.getLocalPort();
        }
    }
}
