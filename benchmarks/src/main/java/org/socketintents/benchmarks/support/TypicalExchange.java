package org.socketintents.benchmarks.support;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.Timeliness;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.DecisionReuse;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.MessageType;

/**
 * The request and decision every benchmark uses: a web client's query connection with a few intents, and the
 * category policy's answer choosing an interface. Addresses are documentation ranges, so nothing leaves the host.
 */
public final class TypicalExchange {

    /** Where the application connects: TEST-NET-3, port 443. */
    public static final InetSocketAddress REMOTE = new InetSocketAddress(address(203, 0, 113, 10), 443);
    /** The host name the application resolved. */
    public static final String HOST = "www.example.org";
    /** The intents of a short interactive query. */
    public static final Intents INTENTS = Intents.builder()
            .category(Category.QUERY)
            .fileSize(48_000)
            .timeliness(Timeliness.INTERACTIVE)
            .build();

    private TypicalExchange() {
    }

    /** @return the CONNECT an intent-aware connect sends */
    public static ConnectRequest request(int requestId) {
        return new ConnectRequest(requestId, REMOTE, HOST, null, INTENTS);
    }

    /** @return the category policy's answer to {@link #request(int)}, as the MAM sends it */
    public static DecisionReply reply(int requestId) {
        Decision decision = Decision.builder()
                .sourceInterface("eth0")
                .sourceAddress(address(192, 0, 2, 2))
                .addDestination(Destination.of(REMOTE.getAddress()))
                .option(SuggestedOption.TCP_NODELAY, 1)
                .reason("category query -> lowest-rtt interface eth0 (100.0 Mbit/s, 10.0 ms)")
                .build();
        return new DecisionReply(requestId, MessageType.CONNECT_REPLY, decision, "category", DecisionOutcome.POLICY);
    }

    /** @return the message's frame, length prefix included */
    public static byte[] frame(Message message) {
        ByteBuffer buffer = MessageEncoder.encode(message);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /**
     * @return an answer for a connection to a loopback address: the OS-default source and destination, with a
     *         suggested option, so that following it costs what following any decision costs but a bind
     */
    public static DecisionReply loopbackReply(int requestId) {
        return new DecisionReply(requestId, MessageType.CONNECT_REPLY, loopbackDecision(), "category",
                DecisionOutcome.POLICY);
    }

    /**
     * @param epoch the decision epoch the stand-in MAM publishes
     * @return {@link #loopbackReply(int)}, which clients may reuse for a minute while that epoch is published
     */
    public static DecisionReply reusableLoopbackReply(int requestId, long epoch) {
        return new DecisionReply(requestId, MessageType.CONNECT_REPLY, loopbackDecision(), "category",
                DecisionOutcome.POLICY, new DecisionReuse(epoch, 60_000));
    }

    private static Decision loopbackDecision() {
        return Decision.builder()
                .option(SuggestedOption.TCP_NODELAY, 1)
                .reason("category query -> lowest-rtt interface lo")
                .reusable(true)
                .build();
    }

    /** @return an IPv4 address, without any name lookup */
    public static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
