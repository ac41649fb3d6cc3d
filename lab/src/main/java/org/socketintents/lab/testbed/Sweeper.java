package org.socketintents.lab.testbed;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.socketintents.lab.os.NetNamespace;
import org.socketintents.lab.os.Processes;
import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.os.FileTrees;
import org.socketintents.lab.topology.Layout;

/**
 * "lab down": removes labs whatever state they are in — daemons, processes in lab namespaces, the namespaces, the
 * per-namespace resolv.conf and the state directories. Finds them by name, so it also cleans up after a crash.
 */
public final class Sweeper {

    private static final System.Logger LOG = System.getLogger(Sweeper.class.getName());
    private static final Path NETNS_ETC = Path.of("/etc/netns");
    private static final Duration GRACE = Duration.ofSeconds(8);

    private final CommandRunner shell;

    public Sweeper(CommandRunner shell) {
        this.shell = shell;
    }

    /** Removes the lab of that name. */
    public List<String> sweep(String labName) throws IOException {
        return sweep(ns -> ns.equals(labName + "-cli") || ns.equals(labName + "-srv"), labName::equals);
    }

    /** Removes every lab. */
    public List<String> sweepAll() throws IOException {
        return sweep(Layout::isLabNamespace, name -> true);
    }

    private List<String> sweep(Predicate<String> namespaceFilter, Predicate<String> stateFilter) throws IOException {
        List<String> removed = new ArrayList<>();
        List<String> namespaces = NetNamespace.list().stream().filter(namespaceFilter).toList();
        List<LabState> states = states().stream().filter(s -> stateFilter.test(s.name())).toList();
        Set<Long> pids = new LinkedHashSet<>();
        for (LabState state : states) {
            state.daemonPid().ifPresent(pid -> {
                pids.add(pid);
                removed.add("daemon " + pid + " of " + state.name());
            });
        }
        for (String ns : namespaces) {
            for (long pid : NetNamespace.pids(shell, ns)) {
                if (pids.add(pid)) {
                    removed.add("process " + pid + " in " + ns);
                }
            }
        }
        Processes.terminate(pids, GRACE);
        for (String ns : namespaces) {
            if (NetNamespace.exists(ns)) {
                try {
                    shell.run(List.of("ip", "netns", "delete", ns));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot delete namespace " + ns + ": " + e.getMessage());
                }
            }
            removed.add("namespace " + ns);
            FileTrees.remove(NETNS_ETC.resolve(ns));
        }
        for (LabState state : states) {
            FileTrees.remove(state.dir());
            removed.add("state " + state.dir());
        }
        FileTrees.removeIfEmpty(LabState.ROOT);
        FileTrees.removeIfEmpty(NETNS_ETC);
        return removed;
    }

    private static List<LabState> states() throws IOException {
        if (!Files.isDirectory(LabState.ROOT)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(LabState.ROOT)) {
            return dirs.filter(Files::isDirectory).map(d -> LabState.of(d.getFileName().toString())).toList();
        }
    }
}
