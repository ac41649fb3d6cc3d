package org.socketintents.lab.cli;

import java.util.List;

/** One "lab" sub-command. */
public interface Command {

    String name();

    /** One line: arguments and what the command does. */
    String usage();

    /** @return the process exit status */
    int run(List<String> args) throws Exception;
}
