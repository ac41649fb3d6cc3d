package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.socketintents.benchmarks.support.Frames;
import org.socketintents.benchmarks.support.TypicalExchange;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageDecoder;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.MessageType;
import org.socketintents.protocol.ProtocolException;
import org.socketintents.protocol.Wire;

/**
 * Asks the MAM for a decision on the wire, without the client library: a new CONNECT encoded each time, the reply
 * decoded and matched to it, and a connection the MAM closed reopened once for the request. The load tool uses it
 * where it needs the MAM's reply itself (the sample in the report, the readiness check); the measured round trips
 * go through the library ({@link LibraryDecisionClient}).
 */
final class DecisionClient implements RoundTripClient {

    /** The MAM answered something other than this request's decision: no retry can help. */
    static final class WrongReplyException extends IOException {
        private static final long serialVersionUID = 1L;

        WrongReplyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path socket;
    private final DecisionTally tally;
    private final ByteBuffer out = ByteBuffer.allocate(Wire.DEFAULT_MAX_FRAME_BYTES);
    private final ByteBuffer prefix = ByteBuffer.allocate(Wire.LENGTH_BYTES);
    private final ByteBuffer in = ByteBuffer.allocate(Wire.DEFAULT_MAX_FRAME_BYTES);
    private SocketChannel channel;
    private int requestId;

    private DecisionClient(Path socket, DecisionTally tally, SocketChannel channel) {
        this.socket = socket;
        this.tally = tally;
        this.channel = channel;
    }

    static DecisionClient connect(Path socket, DecisionTally tally) throws IOException {
        return new DecisionClient(socket, tally, open(socket));
    }

    private static SocketChannel open(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void roundTrip() throws IOException {
        decide();
    }

    /**
     * @return the MAM's reply
     * @throws IOException if the MAM answers anything but the decision for this request, or cannot be reached
     */
    DecisionReply decide() throws IOException {
        DecisionReply reply;
        try {
            reply = exchange();
        } catch (WrongReplyException e) {
            throw e;
        } catch (IOException e) {
            channel.close();
            channel = open(socket);
            tally.countReopened();
            reply = exchange();
        }
        if (reply.outcome() != DecisionOutcome.POLICY) {
            tally.countFallback();
        }
        return reply;
    }

    private DecisionReply exchange() throws IOException {
        int id = ++requestId == 0 ? ++requestId : requestId;
        out.clear();
        MessageEncoder.encode(TypicalExchange.request(id), out);
        Frames.write(channel, out.flip());
        Message reply;
        try {
            reply = MessageDecoder.decode(Frames.read(channel, prefix, in));
        } catch (ProtocolException e) {
            throw new WrongReplyException("the MAM's reply breaks the protocol: " + e.getMessage(), e);
        }
        if (!(reply instanceof DecisionReply) || reply.type() != MessageType.CONNECT_REPLY
                || reply.requestId() != id) {
            throw new WrongReplyException("the MAM answered request " + id + " with " + reply, null);
        }
        return (DecisionReply) reply;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
