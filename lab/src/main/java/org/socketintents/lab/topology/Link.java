package org.socketintents.lab.topology;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/** One access link of the client: its name is the client's interface name. */
public record Link(String name, Pipe down, Pipe up) {

    /** Interface names stay short: the server side is named "srv-" + name, and Linux allows 15 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,10}");

    public Link {
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(up, "up");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "link name must be a lower-case letter followed by up to 10 letters or digits: " + name);
        }
    }

    public Pipe pipe(Direction direction) {
        return direction == Direction.DOWN ? down : up;
    }

    public Duration rtt() {
        return down.delay().plus(up.delay());
    }
}
