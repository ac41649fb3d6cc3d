package org.socketintents.lab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.socketintents.lab.servers.ServerSet;
import org.socketintents.lab.testbed.LabState;

/** "lab servers": starts or stops nginx and dnsmasq in the running lab's server namespace. */
final class ServersCommand implements Command {

    private static final String CORPUS = "--corpus";
    private static final String LOGS = "--logs";
    private static final String MPTCP = "--mptcp";

    @Override
    public String name() {
        return "servers";
    }

    @Override
    public String usage() {
        return "servers [start|stop] [--name N] [--corpus DIR] [--logs DIR] [--mptcp]   nginx + dnsmasq in the"
                + " server namespace (default DIRs: lab/target/corpus, lab/results/servers)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args, Set.of(LabOptions.NAME, CORPUS, LOGS), Set.of(MPTCP))
                .atMostPositionals(1);
        String action = options.positional(0, "start");
        LabState state = LabState.of(LabOptions.name(options));
        ServerSet servers = new ServerSet(state.layout(), state.serversDir());
        switch (action) {
            case "start" -> {
                Path corpus = options.path(CORPUS, CorpusCommand.defaultDirectory());
                Path logs = options.path(LOGS, Path.of(System.getenv().getOrDefault("LAB_HOME", "."), "results",
                        "servers"));
                servers.start(corpus, logs, options.flag(MPTCP));
                System.out.println("nginx and dnsmasq up in " + state.layout().serverNamespace() + ", serving "
                        + corpus.toAbsolutePath() + "; logs in " + logs.toAbsolutePath());
            }
            case "stop" -> System.out.println(servers.stop() ? "servers stopped" : "no servers running");
            default -> throw new UsageException("servers takes start or stop, not " + action);
        }
        return 0;
    }
}
