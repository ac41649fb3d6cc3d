package org.socketintents.benchmarks;

import java.nio.ByteBuffer;
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
import org.openjdk.jmh.annotations.Warmup;
import org.socketintents.benchmarks.support.TypicalExchange;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.Wire;

/**
 * The wire protocol's share of one decision: each side encodes one message and decodes the other's, so a round
 * trip costs {@link #clientSide()} plus {@link #mamSide()} of CPU besides the I/O.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProtocolBenchmark {

    private final ByteBuffer out = ByteBuffer.allocate(Wire.DEFAULT_MAX_FRAME_BYTES);
    private ByteBuffer requestBody;
    private ByteBuffer replyBody;
    private int requestId;

    @Setup
    public void encodeSamples() {
        requestBody = body(TypicalExchange.frame(TypicalExchange.request(7)));
        replyBody = body(TypicalExchange.frame(TypicalExchange.reply(7)));
    }

    private static ByteBuffer body(byte[] frame) {
        return ByteBuffer.wrap(frame, Wire.LENGTH_BYTES, frame.length - Wire.LENGTH_BYTES).slice();
    }

    @Benchmark
    public ByteBuffer encodeConnectRequest() {
        out.clear();
        MessageEncoder.encode(TypicalExchange.request(++requestId), out);
        return out;
    }

    @Benchmark
    public Message decodeConnectRequest() throws ProtocolException {
        return MessageDecoder.decode(requestBody.duplicate());
    }

    @Benchmark
    public ByteBuffer encodeDecisionReply() {
        out.clear();
        MessageEncoder.encode(TypicalExchange.reply(++requestId), out);
        return out;
    }

    @Benchmark
    public Message decodeDecisionReply() throws ProtocolException {
        return MessageDecoder.decode(replyBody.duplicate());
    }

    /** What the client library computes per connect besides I/O: build and encode the request, decode the reply. */
    @Benchmark
    public Message clientSide() throws ProtocolException {
        out.clear();
        MessageEncoder.encode(TypicalExchange.request(++requestId), out);
        return MessageDecoder.decode(replyBody.duplicate());
    }

    /** The MAM's protocol work per request: decode the request, encode the reply. */
    @Benchmark
    public ByteBuffer mamSide() throws ProtocolException {
        Message request = MessageDecoder.decode(requestBody.duplicate());
        out.clear();
        MessageEncoder.encode(TypicalExchange.reply(request.requestId()), out);
        return out;
    }
}
