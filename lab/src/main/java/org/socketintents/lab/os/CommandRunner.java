package org.socketintents.lab.os;

import java.io.IOException;
import java.util.List;

/** Runs a system command to completion; {@link Shell} is the real one. */
public interface CommandRunner {

    /** Runs the command and returns what it printed; fails with {@link CommandException} on a non-zero exit. */
    String run(List<String> command) throws IOException;

    default void runAll(List<List<String>> commands) throws IOException {
        for (List<String> command : commands) {
            run(command);
        }
    }
}
