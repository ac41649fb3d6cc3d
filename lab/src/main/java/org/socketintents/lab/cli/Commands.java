package org.socketintents.lab.cli;

import java.util.List;

/** The sub-commands of "lab". */
public final class Commands {

    private static final List<Command> ALL = List.of(
            new UpCommand(), new DownCommand(), new StatusCommand(), new CalibrateCommand(), new CorpusCommand(), new ServersCommand(),
            ScenarioCommand.scenario(), ScenarioCommand.smoke(), ScenarioCommand.reproduce(), new ReportCommand(),
            new DaemonCommand());

    private Commands() {
    }

    public static Command named(String name) throws UsageException {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("unknown command " + name));
    }

    public static String usage() {
        StringBuilder out = new StringBuilder("usage: lab COMMAND [ARGS]\n");
        ALL.forEach(c -> out.append("  ").append(c.usage()).append('\n'));
        return out.toString();
    }
}
