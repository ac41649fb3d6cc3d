package org.socketintents.lab.cli;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.socketintents.lab.testbed.LabState;
import org.socketintents.lab.topology.Description;
import org.socketintents.lab.topology.DescriptionParser;
import org.socketintents.lab.topology.Layout;

/**
 * The process that holds a lab: builds it from the description in the state directory, reports ready, and tears it
 * down on SIGTERM or Ctrl-C. Started by "lab up"; not meant to be typed.
 */
final class DaemonCommand implements Command {

    @Override
    public String name() {
        return "daemon";
    }

    @Override
    public String usage() {
        return "daemon [--name N] [--spin-us N] [--rt-priority N]   (internal: the process \"lab up\" starts)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args, Set.of(LabOptions.NAME, LabOptions.SPIN_US, LabOptions.RT_PRIORITY),
                Set.of()).atMostPositionals(0);
        LabState state = LabState.of(LabOptions.name(options));
        String text = Files.readString(state.descriptionFile());
        Description description = DescriptionParser.parse(text, state.descriptionFile().toString());
        LabHolder.hold(new Layout(state.name(), description), text, LabOptions.tuning(options), state, System.out);
        return 0;
    }
}
