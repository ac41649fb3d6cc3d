package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.socketintents.lab.delay.DelayTuning;
import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.os.FileTrees;
import org.socketintents.lab.servers.ServerSet;
import org.socketintents.lab.testbed.LabState;
import org.socketintents.lab.testbed.LinkCongestionControl;
import org.socketintents.lab.testbed.TestbedSession;
import org.socketintents.lab.topology.Description;
import org.socketintents.lab.topology.DescriptionException;
import org.socketintents.lab.topology.Descriptions;
import org.socketintents.lab.topology.Layout;

/**
 * One of the runner's labs, kept between jobs: rebuilt when a job needs another description, its servers restarted
 * when a job belongs to another scenario (their logs go with the scenario) or needs MPTCP and they do not accept it,
 * or the reverse. {@link #close()} removes the lab; so does its session's shutdown hook on SIGTERM or Ctrl-C.
 */
final class LabSlot implements AutoCloseable {

    /** What the servers were started for. */
    private record Servers(ServerSet set, String scenario, boolean mptcp) {
    }

    private final String name;
    private final CommandRunner shell;
    private final Optional<String> congestionControl;
    private final Path corpus;
    private final LabState state;
    private TestbedSession session;
    private String description;
    private Layout layout;
    private String tcp;
    private Servers servers;

    /** @param congestionControl the TCP congestion control instead of the descriptions', if given */
    LabSlot(String name, CommandRunner shell, Optional<String> congestionControl, Path corpus) {
        this.name = name;
        this.shell = shell;
        this.congestionControl = congestionControl;
        this.corpus = corpus;
        this.state = LabState.of(name);
    }

    /**
     * Makes the lab ready for a job of {@code scenario}: its description built, the servers up, accepting MPTCP if
     * {@code mptcp}, logging to {@code serverLogs}.
     */
    void prepare(Scenario scenario, boolean mptcp, Path serverLogs)
            throws IOException, InterruptedException, DescriptionException {
        if (session == null || !scenario.description().equals(description)) {
            close();
            Description loaded = Descriptions.load(scenario.description());
            layout = new Layout(name, congestionControl.map(loaded::withCongestionControl).orElse(loaded));
            session = TestbedSession.open(layout, shell, DelayTuning.DEFAULT, this::removeState);
            description = scenario.description();
            tcp = LinkCongestionControl.summary(session.testbed().congestionControl());
        }
        if (servers != null && (!servers.scenario().equals(scenario.name()) || servers.mptcp() != mptcp)) {
            servers.set().stop();
            servers = null;
        }
        if (servers == null) {
            ServerSet set = new ServerSet(layout, state.serversDir());
            set.start(corpus, serverLogs, mptcp);
            servers = new Servers(set, scenario.name(), mptcp);
        }
    }

    String name() {
        return name;
    }

    Layout layout() {
        return layout;
    }

    LabState state() {
        return state;
    }

    /** What TCP congestion control the lab's connections ran when it was built, e.g. "cubic on every link". */
    String congestionControlSummary() {
        return tcp;
    }

    /**
     * Removes the lab (servers, MAM and every other process in its namespaces included) and its state directory,
     * also when the session's shutdown hook removed the lab while a job was still writing there.
     */
    @Override
    public void close() {
        servers = null;
        if (session != null) {
            session.close();
            session = null;
        }
        removeState();
    }

    private void removeState() {
        FileTrees.remove(state.dir());
        FileTrees.removeIfEmpty(LabState.ROOT);
    }
}
