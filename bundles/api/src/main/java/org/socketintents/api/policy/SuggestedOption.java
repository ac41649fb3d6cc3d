package org.socketintents.api.policy;

/**
 * Socket options a decision may suggest, each with an integer value (booleans as 0 or 1, sizes in bytes).
 * The numbers are their identifiers on the wire.
 */
public enum SuggestedOption {
    /** Disable Nagle's algorithm (0 or 1). */
    TCP_NODELAY(1),
    /** Send TCP keepalives (0 or 1). */
    SO_KEEPALIVE(2),
    /** Receive buffer size in bytes. */
    SO_RCVBUF(3),
    /** Send buffer size in bytes. */
    SO_SNDBUF(4),
    /** IP type-of-service / traffic class byte (0 to 255). */
    IP_TOS(5);

    private final int number;

    SuggestedOption(int number) {
        this.number = number;
    }

    /** @return the option's identifier on the wire */
    public int number() {
        return number;
    }

    /**
     * @param number a wire identifier
     * @return the option, or null when the number is unknown (a newer peer's option, to be ignored)
     */
    public static SuggestedOption ofNumber(int number) {
        for (SuggestedOption option : values()) {
            if (option.number == number) {
                return option;
            }
        }
        return null;
    }

    /**
     * @param value a value for this option
     * @return whether it is in range
     */
    public boolean accepts(int value) {
        switch (this) {
            case TCP_NODELAY:
            case SO_KEEPALIVE:
                return value == 0 || value == 1;
            case IP_TOS:
                return value >= 0 && value <= 255;
            default:
                return value > 0;
        }
    }
}
