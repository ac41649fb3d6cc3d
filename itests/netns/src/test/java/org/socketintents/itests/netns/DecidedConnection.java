package org.socketintents.itests.netns;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socketintents.api.Category;

/**
 * One connection a {@link LoopingIntentClient} made: its category, when the MAM's decision arrived
 * ({@link System#nanoTime()}, which on Linux is CLOCK_MONOTONIC and so comparable between processes on one host),
 * the interface the decision named, and whether the connection worked. Printed as one line, parsed back by the test.
 *
 * @param category         the category intent of the connection
 * @param decidedNanos     when the decision arrived
 * @param sourceInterface  the interface the decision named; empty for none (no decision, or no source chosen)
 * @param connected        whether the connection was made and the server answered
 * @param detail           the address the server saw, or the failure
 */
record DecidedConnection(Category category, long decidedNanos, Optional<String> sourceInterface, boolean connected,
                         String detail) {

    private static final Pattern LINE = Pattern.compile("^DECIDED (\\S+) (-?\\d+) (\\S+) (connected|failed) (.*)$");
    private static final String NO_INTERFACE = "-";

    /** @return whether the decision named this interface */
    boolean named(String device) {
        return sourceInterface.filter(device::equals).isPresent();
    }

    String toLine() {
        return "DECIDED " + category + " " + decidedNanos + " " + sourceInterface.orElse(NO_INTERFACE) + " "
                + (connected ? "connected" : "failed") + " " + detail;
    }

    /** @return the connections among a client program's output lines */
    static List<DecidedConnection> find(List<String> lines) {
        return lines.stream().flatMap(line -> parse(line).stream()).toList();
    }

    /** @return the connection the line reports, if it reports one */
    static Optional<DecidedConnection> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DecidedConnection(Category.valueOf(m.group(1)), Long.parseLong(m.group(2)),
                Optional.of(m.group(3)).filter(device -> !device.equals(NO_INTERFACE)),
                m.group(4).equals("connected"), m.group(5)));
    }
}
