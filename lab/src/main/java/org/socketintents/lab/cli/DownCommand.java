package org.socketintents.lab.cli;

import java.util.List;
import java.util.Set;

import org.socketintents.lab.os.Shell;
import org.socketintents.lab.testbed.Sweeper;

/** "lab down": removes one lab, or every lab, whatever state it is in. */
final class DownCommand implements Command {

    @Override
    public String name() {
        return "down";
    }

    @Override
    public String usage() {
        return "down [--name N]   remove the lab N, or every lab (namespaces si-lab*, their processes, state)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args, Set.of(LabOptions.NAME), Set.of()).atMostPositionals(0);
        Sweeper sweeper = new Sweeper(new Shell());
        String name = options.value(LabOptions.NAME, null);
        List<String> removed = name == null ? sweeper.sweepAll() : sweeper.sweep(name);
        if (removed.isEmpty()) {
            System.out.println("nothing to remove");
        }
        removed.forEach(r -> System.out.println("removed " + r));
        return 0;
    }
}
