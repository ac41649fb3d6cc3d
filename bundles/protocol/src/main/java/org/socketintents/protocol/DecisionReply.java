package org.socketintents.protocol;

import java.util.Objects;

import org.socketintents.api.policy.Decision;

/**
 * The MAM's answer to a RESOLVE or CONNECT: the decision, who made it and how.
 *
 * @param requestId the request's id
 * @param type      {@link MessageType#RESOLVE_REPLY} or {@link MessageType#CONNECT_REPLY}
 * @param decision  the decision; for a RESOLVE its destinations are the resolved addresses in order
 * @param policy    the name of the policy that decided, empty when none did
 * @param outcome   whether the policy decided or the MAM fell back to the OS default
 * @param reuse     whether and how long the client may apply the decision again to identical requests
 */
public record DecisionReply(int requestId, MessageType type, Decision decision, String policy,
                            DecisionOutcome outcome, DecisionReuse reuse) implements Message {

    public DecisionReply {
        if (type != MessageType.RESOLVE_REPLY && type != MessageType.CONNECT_REPLY) {
            throw new IllegalArgumentException("not a decision reply type: " + type);
        }
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reuse, "reuse");
        policy = policy == null ? "" : policy;
    }

    /** A reply whose decision is not to be reused. */
    public DecisionReply(int requestId, MessageType type, Decision decision, String policy, DecisionOutcome outcome) {
        this(requestId, type, decision, policy, outcome, DecisionReuse.NONE);
    }
}
