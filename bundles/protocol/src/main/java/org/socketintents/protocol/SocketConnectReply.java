package org.socketintents.protocol;

import java.net.InetSocketAddress;
import java.util.Objects;

import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Transport;

/**
 * The MAM's answer to a {@link SocketConnectRequest}: the decision it followed and the connection it made. On the
 * wire the connected descriptor travels with the frame as SCM_RIGHTS ancillary data; this record carries only the
 * frame's fields.
 *
 * @param requestId      the request's id
 * @param decision       the decision the MAM followed
 * @param policy         the name of the policy that decided, empty when none did
 * @param outcome        whether the policy decided or the MAM fell back to the OS default
 * @param local          the connection's local address and port
 * @param remote         the address and port that answered
 * @param transport      the transport the connection actually runs over
 * @param fallbackReason why the connection differs from the decision (its source could not be used, MPTCP fell
 *                       back to TCP); empty when it does not
 */
public record SocketConnectReply(int requestId, Decision decision, String policy, DecisionOutcome outcome,
                                 InetSocketAddress local, InetSocketAddress remote, Transport transport,
                                 String fallbackReason) implements Message {

    public SocketConnectReply {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(transport, "transport");
        if (local.isUnresolved() || remote.isUnresolved()) {
            throw new IllegalArgumentException("connection addresses are resolved: " + local + " " + remote);
        }
        policy = policy == null ? "" : policy;
        fallbackReason = fallbackReason == null ? "" : fallbackReason;
    }

    @Override
    public MessageType type() {
        return MessageType.SOCKETCONNECT_REPLY;
    }
}
