package org.socketintents.lab.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.socketintents.lab.delay.DelayTuning;
import org.socketintents.lab.os.Niceness;
import org.socketintents.lab.os.Processes;
import org.socketintents.lab.os.Shell;
import org.socketintents.lab.testbed.LabState;
import org.socketintents.lab.testbed.Sweeper;
import org.socketintents.lab.topology.Description;
import org.socketintents.lab.topology.DescriptionParser;
import org.socketintents.lab.topology.Descriptions;
import org.socketintents.lab.topology.Layout;

/**
 * "lab up": starts a daemon that builds and holds the lab, waits until it is ready and returns. If the daemon fails,
 * or this command is interrupted, whatever was built is removed before returning. With --foreground the lab lives
 * in this process until Ctrl-C.
 */
final class UpCommand implements Command {

    private static final String FOREGROUND = "--foreground";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration DAEMON_GRACE = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 30;
    /** The shell's status for a command ended by SIGINT. */
    private static final int INTERRUPTED = 130;

    @Override
    public String name() {
        return "up";
    }

    @Override
    public String usage() {
        return "up [DESCRIPTION] [--name N] [--foreground] [--spin-us N] [--rt-priority N]   build a lab ("
                + String.join(", ", Descriptions.SHIPPED) + " or a file; default " + Descriptions.DEFAULT + ")";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Set<String> values = new HashSet<>(LabOptions.TUNING);
        values.add(LabOptions.NAME);
        Options options = Options.parse(args, values, Set.of(FOREGROUND)).atMostPositionals(1);
        String reference = options.positional(0, Descriptions.DEFAULT);
        String text = Descriptions.text(reference);
        Description description = DescriptionParser.parse(text, reference);
        Layout layout = new Layout(LabOptions.name(options), description);
        DelayTuning tuning = LabOptions.tuning(options);
        LabState state = LabState.of(layout.name());
        if (state.daemonPid().isPresent()) {
            throw new IOException("lab " + layout.name() + " is already up (process " + state.daemonPid().getAsLong()
                    + "); \"lab down\" first");
        }
        if (options.flag(FOREGROUND)) {
            LabHolder.hold(layout, text, tuning, state, System.out);
            return 0;
        }
        return startDaemon(layout, text, tuning, state);
    }

    private static int startDaemon(Layout layout, String text, DelayTuning tuning, LabState state) throws Exception {
        DaemonLaunch launch = new DaemonLaunch();
        Thread abort = new Thread(() -> removeLab(layout.name(), launch.abort()), "lab-up-abort");
        Runtime.getRuntime().addShutdownHook(abort);
        long started = System.nanoTime();
        Process process = launch.start(() -> {
            Files.createDirectories(state.dir());
            Files.writeString(state.descriptionFile(), text);
            Files.deleteIfExists(state.readyFile());
            return new ProcessBuilder(daemonCommand(layout, tuning))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(state.logFile().toFile())
                    .redirectErrorStream(true)
                    .start();
        });
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.exists(state.readyFile()) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
        boolean ready = Files.exists(state.readyFile()) && process.isAlive();
        if (!launch.finish(abort)) {
            return INTERRUPTED;
        }
        if (ready) {
            System.out.printf("lab %s up in %.1f s (daemon %d, log %s)%n%s", layout.name(),
                    (System.nanoTime() - started) / 1e9, process.pid(), state.logFile(),
                    Files.readString(state.readyFile()));
            return 0;
        }
        System.err.println("lab " + layout.name() + " did not come up"
                + (process.isAlive() ? " within " + READY_TIMEOUT.toSeconds() + " s" : "") + "; daemon log:");
        System.err.print(tail(state.logFile()));
        removeLab(layout.name(), process);
        return 1;
    }

    /**
     * Keeps the abort hook and the main thread from crossing: either the hook runs first and nothing is started, or
     * the daemon exists when the hook runs and is stopped by it.
     */
    private static final class DaemonLaunch {

        interface Starter {
            Process start() throws IOException;
        }

        private boolean aborted;
        private Process daemon;

        synchronized Process start(Starter starter) throws IOException {
            if (aborted) {
                throw new IOException("interrupted");
            }
            daemon = starter.start();
            return daemon;
        }

        /** Called by the hook: no start from now on; the daemon to stop, if one was started. */
        synchronized Process abort() {
            aborted = true;
            return daemon;
        }

        /** Removes the hook unless the JVM is already shutting down; false if the hook has the lab now. */
        synchronized boolean finish(Thread hook) {
            if (aborted) {
                return false;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                return true;
            } catch (IllegalStateException shutdownInProgress) {
                return false;
            }
        }
    }

    private static List<String> daemonCommand(Layout layout, DelayTuning tuning) {
        List<String> command = new ArrayList<>();
        if (Shell.installed("setsid")) {
            // Its own session: a later Ctrl-C in the terminal that ran "lab up" must not reach the daemon.
            command.add("setsid");
        }
        // The delay threads are real-time, but the JVM's own threads (garbage collector, safepoints) that they
        // sometimes wait for are not.
        command.addAll(Niceness.prefix());
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The JVM options "lab up" got (LAB_JAVA_OPTS) apply to the daemon too.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LabState.DAEMON_MARK,
                "daemon", LabOptions.NAME, layout.name()));
        command.addAll(LabOptions.arguments(tuning));
        return command;
    }

    /** The daemon tears its lab down on SIGTERM; the sweep then removes anything a crash may have left. */
    private static void removeLab(String name, Process daemon) {
        if (daemon != null) {
            Processes.terminate(List.of(daemon.pid()), DAEMON_GRACE);
        }
        try {
            new Sweeper(new Shell()).sweep(name);
        } catch (IOException e) {
            System.err.println("lab: cleanup incomplete, run \"lab down\": " + e.getMessage());
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())) + "\n";
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")\n";
        }
    }
}
