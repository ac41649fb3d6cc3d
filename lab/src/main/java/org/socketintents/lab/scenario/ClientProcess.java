package org.socketintents.lab.scenario;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.socketintents.lab.os.Niceness;
import org.socketintents.lab.os.Processes;

/**
 * A program running in the lab's client namespace at the lab's priority, its output in a log file; stopped with its
 * children.
 */
final class ClientProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;

    private ClientProcess(Process process) {
        this.process = process;
    }

    static ClientProcess start(String namespace, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        List<String> full = new ArrayList<>(Niceness.prefix());
        full.addAll(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        return new ClientProcess(builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the exit; the exit status, or -1 if it did not end in time (it is then stopped). */
    int await(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        close();
        return -1;
    }

    /** SIGTERM to the process and everything it started, SIGKILL after a grace period. */
    @Override
    public void close() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(d -> pids.add(d.pid()));
        Processes.terminate(pids, STOP_GRACE);
    }
}
