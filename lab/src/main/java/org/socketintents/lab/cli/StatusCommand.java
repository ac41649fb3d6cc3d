package org.socketintents.lab.cli;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.socketintents.lab.os.NetNamespace;
import org.socketintents.lab.testbed.LabState;
import org.socketintents.lab.topology.Layout;

/** "lab status": the lab's daemon, links and namespaces. */
final class StatusCommand implements Command {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "status [--name N]   show whether the lab is up, its links and the lab namespaces present";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args, Set.of(LabOptions.NAME), Set.of()).atMostPositionals(0);
        LabState state = LabState.of(LabOptions.name(options));
        List<String> namespaces = NetNamespace.list().stream().filter(Layout::isLabNamespace).toList();
        boolean up = state.daemonPid().isPresent() && Files.exists(state.readyFile());
        if (up) {
            System.out.println("lab " + state.name() + " is up (daemon " + state.daemonPid().getAsLong() + ")");
            System.out.print(Files.readString(state.readyFile()));
        } else {
            System.out.println("lab " + state.name() + " is down");
        }
        System.out.println("lab namespaces: " + (namespaces.isEmpty() ? "none" : String.join(" ", namespaces)));
        return up ? 0 : 3;
    }
}
