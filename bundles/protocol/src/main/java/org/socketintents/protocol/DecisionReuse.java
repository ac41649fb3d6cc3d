package org.socketintents.protocol;

/**
 * Whether, and for how long, a client may apply a decision again to identical requests without asking the MAM
 * (docs/protocol.md, section 8.1): only while the MAM's published decision epoch still equals {@code epoch}, and
 * for {@code millis} at most.
 *
 * @param epoch  the MAM's decision epoch when it began deciding
 * @param millis how long the decision may be reused, 0 when it may not
 */
public record DecisionReuse(long epoch, long millis) {

    /** Not to be reused. */
    public static final DecisionReuse NONE = new DecisionReuse(0, 0);

    public DecisionReuse {
        if (millis < 0 || millis > Wire.MAX_U32) {
            throw new IllegalArgumentException("reuse time out of range: " + millis + " ms");
        }
    }

    /** @return whether the decision may be reused at all */
    public boolean allowed() {
        return millis > 0;
    }
}
