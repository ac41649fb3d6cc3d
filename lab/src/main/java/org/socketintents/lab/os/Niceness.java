package org.socketintents.lab.os;

import java.util.List;

/**
 * The lab's processes (delay-line daemon, servers, MAM, siget) run above the machine's other work: they are the
 * emulated hosts, and their timings must not depend on a build running next to them. A prefix for command lines.
 */
public final class Niceness {

    /** Nice value of the lab's processes; negative values need root, which the lab has anyway. */
    public static final int LAB = -10;

    private Niceness() {
    }

    /** "nice -n -10", or nothing where nice is missing. */
    public static List<String> prefix() {
        return Shell.installed("nice") ? List.of("nice", "-n", Integer.toString(LAB)) : List.of();
    }
}
