package org.socketintents.protocol;

/** How the MAM arrived at the decision it sends. */
public enum DecisionOutcome {
    /** The active policy decided. */
    POLICY(0),
    /** The policy threw an exception; the decision is the OS default. */
    FALLBACK_POLICY_ERROR(1),
    /** The policy overran its time budget; the decision is the OS default. */
    FALLBACK_POLICY_TIMEOUT(2),
    /** No policy is active; the decision is the OS default. */
    NO_POLICY(3);

    private final int code;

    DecisionOutcome(int code) {
        this.code = code;
    }

    /** @return the code on the wire */
    public int code() {
        return code;
    }

    static DecisionOutcome ofCode(int code) {
        for (DecisionOutcome outcome : values()) {
            if (outcome.code == code) {
                return outcome;
            }
        }
        return null;
    }
}
