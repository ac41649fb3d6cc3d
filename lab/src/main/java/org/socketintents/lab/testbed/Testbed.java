package org.socketintents.lab.testbed;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.socketintents.lab.delay.DelayLine;
import org.socketintents.lab.delay.DelayTuning;
import org.socketintents.lab.os.NetNamespace;
import org.socketintents.lab.os.Processes;
import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.os.FileTrees;
import org.socketintents.lab.os.TcpConnections;
import org.socketintents.lab.topology.Layout;
import org.socketintents.lab.topology.LinkLayout;
import org.socketintents.lab.topology.TopologyCommands;

/**
 * A running lab: client and server namespaces joined by one delay line per link, shaped, with per-source routing.
 * {@link #close()} removes everything it made (processes in its namespaces included), and {@link #start} calls it
 * itself when setting up fails half-way.
 */
public final class Testbed implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Testbed.class.getName());
    /** Per-namespace resolv.conf that "ip netns exec" mounts over /etc/resolv.conf. */
    private static final Path NETNS_ETC = Path.of("/etc/netns");
    private static final Duration PROCESS_GRACE = Duration.ofSeconds(5);
    /** glibc's resolver reads at most three name servers. */
    private static final int MAX_NAME_SERVERS = 3;

    private final Layout layout;
    private final CommandRunner shell;
    private final List<DelayLine> lines = new ArrayList<>();
    private final List<String> createdNamespaces = new ArrayList<>();
    private List<LinkCongestionControl> congestionControl = List.of();
    private boolean closed;

    private Testbed(Layout layout, CommandRunner shell) {
        this.layout = layout;
        this.shell = shell;
    }

    public static Testbed start(Layout layout, CommandRunner shell, DelayTuning tuning) throws IOException {
        for (String ns : layout.namespaces()) {
            if (NetNamespace.exists(ns)) {
                throw new IOException("namespace " + ns + " exists: lab " + layout.name()
                        + " is up or left over (\"lab down\" removes it)");
            }
        }
        checkCongestionControl(layout);
        Testbed testbed = new Testbed(layout, shell);
        try {
            testbed.build(tuning);
            return testbed;
        } catch (IOException | RuntimeException e) {
            testbed.close();
            throw e;
        }
    }

    /** The lab never runs another algorithm than the one described: one the kernel lacks is an error. */
    private static void checkCongestionControl(Layout layout) throws IOException {
        Optional<String> wanted = layout.description().congestionControl();
        if (wanted.isPresent()) {
            Set<String> available = TcpConnections.available();
            if (!available.contains(wanted.get())) {
                throw new IOException("TCP congestion control " + wanted.get() + " is not available in this kernel"
                        + " (available: " + String.join(" ", new TreeSet<>(available)) + "; a module loads with"
                        + " \"modprobe tcp_" + wanted.get() + "\"); choose another with --congestion-control or in"
                        + " the description");
            }
        }
    }

    /** What live connections run on every link; with a described algorithm, anything else is an error. */
    private void verifyCongestionControl() throws IOException {
        congestionControl = CongestionControlProbe.probe(layout, shell);
        Optional<String> wanted = layout.description().congestionControl();
        if (wanted.isPresent() && !congestionControl.stream().allMatch(l -> l.runs(wanted.get()))) {
            throw new IOException("the lab sets TCP congestion control " + wanted.get() + " but its connections run "
                    + LinkCongestionControl.summary(congestionControl));
        }
    }

    private void build(DelayTuning tuning) throws IOException {
        TopologyCommands commands = new TopologyCommands(layout);
        for (List<String> command : commands.createNamespaces()) {
            shell.run(command);
            createdNamespaces.add(command.get(command.size() - 1));
        }
        shell.runAll(commands.namespaceSettings());
        for (LinkLayout link : layout.links()) {
            lines.add(DelayLine.open(link, layout.clientNamespace(), layout.serverNamespace(), tuning));
        }
        for (LinkLayout link : layout.links()) {
            shell.runAll(commands.linkSettings(link));
        }
        shell.run(commands.defaultRoute());
        writeResolvConf();
        lines.forEach(DelayLine::start);
        verifyCongestionControl();
    }

    private void writeResolvConf() throws IOException {
        Path dir = NETNS_ETC.resolve(layout.clientNamespace());
        Files.createDirectories(dir);
        String servers = layout.links().stream().limit(MAX_NAME_SERVERS)
                .map(l -> "nameserver " + l.serverAddress() + "\n").collect(Collectors.joining());
        Files.writeString(dir.resolve("resolv.conf"), servers + "options timeout:1 attempts:2\n");
    }

    public Layout layout() {
        return layout;
    }

    /** The congestion control that TCP connections over each link ran when the lab was built, both ends. */
    public List<LinkCongestionControl> congestionControl() {
        return congestionControl;
    }

    /** The delay line of the named link. */
    public DelayLine line(String linkName) {
        return lines.stream().filter(l -> l.link().link().name().equals(linkName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no link " + linkName + " in lab " + layout.name()));
    }

    /** Stops the delay lines, ends every process in the lab's namespaces and deletes the namespaces. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // All lines at once: their devices take a moment each to disappear.
        lines.forEach(DelayLine::requestStop);
        lines.forEach(DelayLine::close);
        List<Long> pids = new ArrayList<>();
        for (String ns : createdNamespaces) {
            try {
                pids.addAll(NetNamespace.pids(shell, ns));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot list processes of " + ns + ": " + e.getMessage());
            }
        }
        Processes.terminate(pids, PROCESS_GRACE);
        for (String ns : createdNamespaces) {
            try {
                shell.run(List.of("ip", "netns", "delete", ns));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete namespace " + ns + ": " + e.getMessage());
            }
        }
        FileTrees.remove(NETNS_ETC.resolve(layout.clientNamespace()));
        FileTrees.removeIfEmpty(NETNS_ETC);
    }
}
