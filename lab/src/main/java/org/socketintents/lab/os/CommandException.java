package org.socketintents.lab.os;

import java.io.IOException;
import java.util.List;

/** A command that exited with a failure; the message carries the command line and what it printed. */
public final class CommandException extends IOException {

    private static final long serialVersionUID = 1L;

    public CommandException(List<String> command, int exitCode, String output) {
        super(String.join(" ", command) + " exited with " + exitCode + (output.isBlank() ? "" : ": " + output.strip()));
    }
}
